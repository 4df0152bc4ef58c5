#include "clients/cli/ingest_inputs.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

TEST(IngestInputsTest, DirectoriesRecurseOverDocumentFiles) {
  const fs::path root = fs::path(std::getenv("TEST_TMPDIR")) / "inputs";
  fs::create_directories(root / "b" / "c");
  for (const char* name : {"b/c/z.md", "a.txt", "b/page.html", "notes.pdf",
                           "b/c/skip.json"}) {
    std::ofstream(root / name) << "x";
  }
  std::vector<std::string> errors;
  const std::vector<IngestInput> inputs = CollectInputs(
      {root.string(), "-", (root / "notes.pdf").string(), "/no/such/file"},
      "typed", &errors);
  std::vector<std::string> ids;
  for (const IngestInput& input : inputs) ids.push_back(input.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "z", "page", "typed", "notes"}));
  EXPECT_EQ(inputs[3].path, "-");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "/no/such/file: no such file or directory");
}

TEST(IngestInputsTest, TitleIsFirstNonEmptyLine) {
  EXPECT_EQ(TitleOf("\n  \n  Arrests in Vale  \r\nBody"), "Arrests in Vale");
  EXPECT_EQ(TitleOf("bad \xff title\nBody"), "");
  EXPECT_EQ(DocumentIdFor("a/b/vale_news.txt"), "vale_news");
}

}  // namespace
}  // namespace kg::cli
