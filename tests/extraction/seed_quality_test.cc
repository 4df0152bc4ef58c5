// Extraction quality on the seed documents. Needs KG_SHARED_DIR pointing at
// a folder with seeds/ and gold/ (skipped otherwise):
//
//   bazel test //tests/extraction:seed_quality_test
//     --test_env=KG_SHARED_DIR=/work/shared --test_output=all  (one line)
//
// The floors sit just below the current scores so that a regression fails.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "extractor_service/pipeline/extractor.h"
#include "gtest/gtest.h"
#include "tests/extraction/gold_scorer.h"

namespace kg::testing {
namespace {

struct Floor {
  double precision;
  double recall;
};

// Per-predicate floors; predicates not listed have none. `said`: the gold
// lists a speaker's first quotation only; the quotation that continues her
// words in the paragraphs after it (said.quote_follows_speaker) counts as
// spurious.
const std::map<std::string, Floor>& Floors() {
  // member_of and operates_in precision sit lower than the rest: the seed
  // gold leaves out what an article implies (a quoted officer's force in
  // the force's own release, member_of.publishing_force) and the places a
  // document-level rule gives the article's operation or a neighbouring
  // sentence's unit; both are rules of their own with lower confidence.
  static const auto* floors = new std::map<std::string, Floor>{
      {"type", {0.86, 0.99}},      {"alias", {0.96, 0.96}},
      {"has_role", {0.99, 0.99}},  {"member_of", {0.74, 0.99}},
      {"part_of", {0.99, 0.99}},   {"said", {0.90, 0.91}},
      {"targets", {0.99, 0.99}},   {"operates_in", {0.45, 0.83}},
      {"located_in", {0.99, 0.99}}, {"leads", {0.99, 0.99}},
      {"TOTAL", {0.88, 0.98}},
  };
  return *floors;
}

TEST(SeedQualityTest, MeetsFloors) {
  const char* shared = std::getenv("KG_SHARED_DIR");
  if (shared == nullptr || *shared == '\0') {
    GTEST_SKIP() << "KG_SHARED_DIR is not set";
  }
  kg::extractor::ExtractorOptions options;
  options.data_dir = std::string(std::getenv("TEST_SRCDIR")) +
                     "/kg/extractor_service/data";
  auto extractor = kg::extractor::Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  absl::StatusOr<ScoreReport> report = ScoreSeeds(shared, **extractor);
  ASSERT_TRUE(report.ok()) << report.status();
  for (const std::string& m : report->missed) std::printf("MISSED   %s\n", m.c_str());
  for (const std::string& s : report->spurious) std::printf("SPURIOUS %s\n", s.c_str());
  std::printf("%s\n%s\n", FormatTable(*report).c_str(), FormatJson(*report).c_str());
  for (const auto& [predicate, floor] : Floors()) {
    const PredicateScore& s = predicate == "TOTAL"
                                  ? report->total
                                  : report->by_predicate[predicate];
    EXPECT_GE(s.Precision(), floor.precision) << predicate << " precision";
    EXPECT_GE(s.Recall(), floor.recall) << predicate << " recall";
  }
}

}  // namespace
}  // namespace kg::testing
