#include "clients/cli/line_editor.h"

#include <cstdlib>
#include <fstream>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

using Key = LineBuffer::Key;

void Type(LineBuffer& buffer, const std::string& text) {
  for (char c : text) buffer.Insert(c);
}

TEST(LineBufferTest, EditingInTheMiddle) {
  std::vector<std::string> history;
  LineBuffer buffer(&history);
  Type(buffer, "stts");
  buffer.Press(Key::kLeft);
  buffer.Press(Key::kLeft);
  Type(buffer, "a");
  EXPECT_EQ(buffer.text(), "stats");
  buffer.Press(Key::kHome);
  buffer.Press(Key::kDelete);
  EXPECT_EQ(buffer.text(), "tats");
  buffer.Press(Key::kEnd);
  buffer.Press(Key::kBackspace);
  EXPECT_EQ(buffer.text(), "tat");
  EXPECT_EQ(buffer.cursor(), 3u);
}

TEST(LineBufferTest, MultibyteCharactersMoveAsOne) {
  std::vector<std::string> history;
  LineBuffer buffer(&history);
  Type(buffer, "Zo\xC3\xAB");
  buffer.Press(Key::kBackspace);
  EXPECT_EQ(buffer.text(), "Zo");
}

TEST(LineBufferTest, HistoryUpAndDownKeepsTheDraft) {
  std::vector<std::string> history = {"stats", "docs"};
  LineBuffer buffer(&history);
  Type(buffer, "que");
  buffer.Press(Key::kUp);
  EXPECT_EQ(buffer.text(), "docs");
  buffer.Press(Key::kUp);
  buffer.Press(Key::kUp);
  EXPECT_EQ(buffer.text(), "stats");
  buffer.Press(Key::kDown);
  buffer.Press(Key::kDown);
  EXPECT_EQ(buffer.text(), "que");
  buffer.Press(Key::kKillLine);
  EXPECT_EQ(buffer.text(), "");
}

TEST(LineEditorTest, HistoryPersistsWithoutRepeats) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/hist";
  {
    LineEditor editor(path);
    editor.AddHistory("stats");
    editor.AddHistory("stats");
    editor.AddHistory("");
    editor.AddHistory("docs");
  }
  LineEditor again(path);
  EXPECT_EQ(again.history(), (std::vector<std::string>{"stats", "docs"}));
}

TEST(SplitWordsTest, QuotesAndEscapes) {
  EXPECT_EQ(SplitWords("entity 'Ann Lee'  --x=\"a b\" c\\ d"),
            (std::vector<std::string>{"entity", "Ann Lee", "--x=a b", "c d"}));
  EXPECT_TRUE(SplitWords("   ").empty());
  EXPECT_EQ(SplitWords("a ''"), (std::vector<std::string>{"a", ""}));
}

}  // namespace
}  // namespace kg::cli
