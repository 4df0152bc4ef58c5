#include "extractor_service/pipeline/sentence_splitter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

std::vector<std::string> SplitText(const std::string& text) {
  SentenceSplitter splitter;
  std::vector<std::string> out;
  for (const SentenceSpan& s : splitter.Split(text)) {
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceSplitterTest, SplitsOnTerminatorsAndLines) {
  EXPECT_EQ(SplitText("One here. Two there!\n  Three?  "),
            (std::vector<std::string>{"One here.", "Two there!", "Three?"}));
}

TEST(SentenceSplitterTest, KeepsAbbreviationsAndNumbers) {
  EXPECT_EQ(SplitText("Supt. Ann Lee met Dr. Roy Bell. It cost \xC2\xA3" "2.5 "
                      "million and 4,120 arrests followed."),
            (std::vector<std::string>{
                "Supt. Ann Lee met Dr. Roy Bell.",
                "It cost \xC2\xA3" "2.5 million and 4,120 arrests followed."}));
}

TEST(SentenceSplitterTest, ClosingQuoteStaysWithSentence) {
  EXPECT_EQ(SplitText("Insp Roy Bell said: \"We acted fast.\" Officers left."),
            (std::vector<std::string>{"Insp Roy Bell said: \"We acted fast.\"",
                                      "Officers left."}));
}

TEST(SentenceSplitterTest, SplitsInsideLongQuotation) {
  EXPECT_EQ(SplitText("\"We acted. We will act again,\" she said."),
            (std::vector<std::string>{"\"We acted.",
                                      "We will act again,\" she said."}));
}

TEST(SentenceSplitterTest, NoSplitBeforeLowerCase) {
  EXPECT_EQ(SplitText("See St. mary's ward. Op Tern began in St James' ward."),
            (std::vector<std::string>{"See St. mary's ward.",
                                      "Op Tern began in St James' ward."}));
}

TEST(SentenceSplitterTest, CustomAbbreviation) {
  SentenceSplitter splitter;
  splitter.AddAbbreviation("Cmdr.");
  std::string text = "Cmdr. Ali Khan spoke.";
  EXPECT_EQ(splitter.Split(text).size(), 1u);
}

}  // namespace
}  // namespace kg::extractor
