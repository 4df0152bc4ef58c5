// Extracts the fictional documents in tests/testdata/documents and checks
// them against their expected facts (<name>.jsonl, gold format).
#include <dirent.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor_service/pipeline/extractor.h"
#include "gtest/gtest.h"
#include "tests/extraction/gold_scorer.h"

namespace kg::testing {
namespace {

constexpr double kMinRecall = 0.85;
constexpr double kMinPrecision = 0.85;

std::string Runfile(const std::string& path) {
  return std::string(std::getenv("TEST_SRCDIR")) + "/kg/" + path;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SampleDocumentsTest, ExtractsExpectedFacts) {
  kg::extractor::ExtractorOptions options;
  options.data_dir = Runfile("extractor_service/data");
  auto extractor = kg::extractor::Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status();

  const std::string dir = Runfile("tests/testdata/documents");
  DIR* d = opendir(dir.c_str());
  ASSERT_NE(d, nullptr) << dir;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0) {
      names.push_back(n.substr(0, n.size() - 4));
    }
  }
  closedir(d);
  ASSERT_GE(names.size(), 3u);

  ScoreReport all;
  for (const std::string& name : names) {
    auto gold = ParseGold(Read(dir + "/" + name + ".jsonl"));
    ASSERT_TRUE(gold.ok()) << name << ": " << gold.status();
    kg::v1::Document doc;
    doc.set_id(name);
    doc.set_text(Read(dir + "/" + name + ".txt"));
    auto facts = (*extractor)->Extract(doc);
    ASSERT_TRUE(facts.ok()) << name << ": " << facts.status();
    ScoreReport report;
    ScoreDocument(name, *gold, *facts, &report);
    ScoreDocument(name, *gold, *facts, &all);
    EXPECT_GE(report.total.Recall(), kMinRecall) << name;
  }
  for (const std::string& m : all.missed) std::printf("MISSED   %s\n", m.c_str());
  for (const std::string& s : all.spurious) std::printf("SPURIOUS %s\n", s.c_str());
  std::printf("%s", FormatTable(all).c_str());
  EXPECT_GE(all.total.Recall(), kMinRecall);
  EXPECT_GE(all.total.Precision(), kMinPrecision);
}

}  // namespace
}  // namespace kg::testing
