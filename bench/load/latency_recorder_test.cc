#include "bench/load/latency_recorder.h"

#include <vector>

#include "gtest/gtest.h"

namespace kg::load {
namespace {

TEST(PercentileTest, NearestRank) {
  std::vector<double> values;
  for (int i = 100; i >= 1; --i) values.push_back(i);
  EXPECT_EQ(Percentile(values, 0.5), 50);
  EXPECT_EQ(Percentile(values, 0.99), 99);
  EXPECT_EQ(Percentile(values, 1.0), 100);
  std::vector<double> empty;
  EXPECT_EQ(Percentile(empty, 0.99), 0);
}

TEST(LatencyRecorderTest, WindowsResetOverallAccumulates) {
  LatencyRecorder recorder({"a", "b"});
  recorder.Record(0, true, absl::Milliseconds(10));
  recorder.Record(0, false, absl::Milliseconds(30), "UNAVAILABLE");
  recorder.Record(1, true, absl::Milliseconds(5));
  std::vector<KindSummary> first = recorder.TakeWindow();
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].kind, "a");
  EXPECT_EQ(first[0].ok, 1);
  EXPECT_EQ(first[0].failed, 1);
  EXPECT_EQ(first[0].p99_ms, 30);
  EXPECT_EQ(first[0].p50_ms, 10);
  recorder.Record(0, true, absl::Milliseconds(20));
  std::vector<KindSummary> second = recorder.TakeWindow();
  EXPECT_EQ(second[0].ok, 1);
  EXPECT_EQ(second[0].failed, 0);
  EXPECT_EQ(second[1].ok, 0);
  std::vector<KindSummary> overall = recorder.Overall();
  EXPECT_EQ(overall[0].ok, 2);
  EXPECT_EQ(overall[0].failed, 1);
  EXPECT_EQ(overall[0].max_ms, 30);
  EXPECT_EQ(overall[0].errors.at("UNAVAILABLE"), 1);
}

TEST(LatencyRecorderTest, OverallKeepsAtMostTheSampleCap) {
  LatencyRecorder recorder({"a"}, /*max_samples_per_kind=*/2);
  recorder.Record(0, true, absl::Milliseconds(1));
  recorder.Record(0, true, absl::Milliseconds(2));
  recorder.Record(0, true, absl::Milliseconds(900));
  std::vector<KindSummary> overall = recorder.Overall();
  EXPECT_EQ(overall[0].ok, 3);
  EXPECT_EQ(overall[0].max_ms, 2);
  EXPECT_EQ(recorder.TakeWindow()[0].max_ms, 900);
}

}  // namespace
}  // namespace kg::load
