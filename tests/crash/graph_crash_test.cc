// Crash durability of the real graph_server: SIGKILL it while documents
// stream in, restart it on the same database, and check that acknowledged
// batches survive whole and exactly once (crash_harness.h).
//
//   bazel test //tests/crash:graph_crash_test
//   bazel test //tests/crash:graph_crash_test --test_env=KG_CRASH_KILLS=50
//       --test_env=KG_CRASH_SEED=1234   (one line)
//
// The Sabotage tests damage the store behind the checker's back and expect
// it to notice: a checker that cannot fail would prove nothing.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/crash/crash_harness.h"

namespace kg::crash {
namespace {

constexpr int kDefaultKills = 20;

// The unsigned value of environment variable `name`, or `fallback`.
uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  uint64_t value = 0;
  if (text == nullptr || *text == '\0') return fallback;
  if (!absl::SimpleAtoi(text, &value)) {
    ADD_FAILURE() << name << "=" << text << " is not a number";
    return fallback;
  }
  return value;
}

// Options for a run in a fresh directory named after `name` and the seed.
CrashTestOptions MakeOptions(const std::string& name, uint64_t seed) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  CrashTestOptions options;
  options.server_binary = FindRunfile("graph_service/graph_server", "");
  options.seed = seed;
  options.work_dir = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/", name,
                                  "_", seed);
  return options;
}

TEST(GraphCrashTest, AcknowledgedBatchesSurviveSigkill) {
  CrashTestOptions options = MakeOptions(
      "graph_crash", EnvOr("KG_CRASH_SEED", absl::ToUnixMicros(absl::Now())));
  ASSERT_FALSE(options.server_binary.empty())
      << "graph_server not found in the runfiles";
  options.kills = static_cast<int>(EnvOr("KG_CRASH_KILLS", kDefaultKills));
  options.progress = [](const std::string& line) {
    std::cerr << line << std::endl;
  };
  std::cout << "crash test seed " << options.seed
            << " (rerun: --test_env=KG_CRASH_SEED=" << options.seed << ")"
            << std::endl;

  const absl::StatusOr<CrashTestSummary> summary = RunCrashTest(options);
  ASSERT_TRUE(summary.ok()) << summary.status() << " (seed " << options.seed
                            << ")";
  std::cout << summary->Line() << std::endl;
  EXPECT_EQ(summary->kills, options.kills);
  EXPECT_GT(summary->acknowledged, 0u);
  EXPECT_EQ(summary->acknowledged, summary->sent)
      << "every batch is acknowledged, by the writer or on retry";
  EXPECT_EQ(summary->report.lost, 0u);
  EXPECT_EQ(summary->report.duplicated, 0u);
  EXPECT_EQ(summary->report.half_applied, 0u);
  EXPECT_EQ(summary->report.unexpected, 0u);
  EXPECT_EQ(summary->report.counter_mismatches, 0u);
  EXPECT_EQ(summary->retry_mismatches, 0u);
  for (const std::string& problem : summary->report.problems) {
    ADD_FAILURE() << problem;
  }
}

// One kill, then `sabotage`; returns the summary (which must not be ok).
CrashTestSummary RunSabotaged(const std::string& name, Sabotage sabotage) {
  CrashTestOptions options = MakeOptions(name, 7);
  options.kills = 2;
  options.min_delay = absl::Milliseconds(100);
  options.sabotage = sabotage;
  options.progress = [](const std::string& line) {
    std::cerr << line << std::endl;
  };
  const absl::StatusOr<CrashTestSummary> summary = RunCrashTest(options);
  if (!summary.ok()) {
    ADD_FAILURE() << summary.status();
    return CrashTestSummary();
  }
  std::cout << name << ": " << summary->Line() << std::endl;
  EXPECT_FALSE(summary->ok());
  return *summary;
}

TEST(GraphCrashTest, SabotageDeletedAcknowledgedDocumentIsLost) {
  EXPECT_GT(RunSabotaged("delete", Sabotage::kDeleteAcknowledged).report.lost,
            0u);
}

TEST(GraphCrashTest, SabotageSecondEvidenceRecordIsDuplicated) {
  EXPECT_EQ(RunSabotaged("duplicate", Sabotage::kDuplicateEvidence)
                .report.duplicated,
            3u);  // Seen by the checks after kill 1, kill 2, and the retries.
}

TEST(GraphCrashTest, SabotageHalfDocumentIsHalfApplied) {
  EXPECT_EQ(
      RunSabotaged("half", Sabotage::kHalfApply).report.half_applied, 1u);
}

}  // namespace
}  // namespace kg::crash
