#include "bench/load/rss_verdict.h"

#include <vector>

#include "gtest/gtest.h"

namespace kg::load {
namespace {

TEST(JudgeRssTest, FlatIsBounded) {
  const RssVerdict verdict =
      JudgeRss({100, 120, 110, 115, 118, 119}, 130, 1.5, 0);
  EXPECT_TRUE(verdict.bounded);
  EXPECT_EQ(verdict.first_third_max_kb, 120);
  EXPECT_EQ(verdict.last_third_max_kb, 119);
  EXPECT_TRUE(verdict.reason.empty());
}

TEST(JudgeRssTest, SteadyGrowthIsNotBounded) {
  const RssVerdict verdict = JudgeRss({100, 110, 150, 170, 200, 220}, 220,
                                      1.5, 0);
  EXPECT_FALSE(verdict.bounded);
  EXPECT_DOUBLE_EQ(verdict.growth, 2.0);
  EXPECT_NE(verdict.reason.find("2.00x"), std::string::npos);
}

TEST(JudgeRssTest, ExplicitPeakBound) {
  EXPECT_FALSE(JudgeRss({100, 100, 100}, 2048, 1.5, 1024).bounded);
  EXPECT_TRUE(JudgeRss({100, 100, 100}, 1000, 1.5, 1024).bounded);
}

TEST(JudgeRssTest, TooFewSamplesJudgesOnlyThePeak) {
  const RssVerdict verdict = JudgeRss({100, 900}, 900, 1.5, 0);
  EXPECT_TRUE(verdict.bounded);
  EXPECT_EQ(verdict.growth, 0);
}

}  // namespace
}  // namespace kg::load
