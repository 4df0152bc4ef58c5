#include "extractor_service/pipeline/stop_check.h"

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

TEST(StopCheckTest, DefaultNeverStops) {
  const StopCheck never;
  EXPECT_FALSE(never.ShouldStop());
  EXPECT_TRUE(never.status().ok());
}

TEST(StopCheckTest, CancellationIsStickyAndNamed) {
  bool cancelled = false;
  const StopCheck stop([&] { return cancelled; }, absl::InfiniteFuture());
  EXPECT_FALSE(stop.ShouldStop());
  cancelled = true;
  EXPECT_TRUE(stop.ShouldStop());
  cancelled = false;
  EXPECT_TRUE(stop.ShouldStop());
  EXPECT_EQ(stop.status().code(), absl::StatusCode::kCancelled);
}

TEST(StopCheckTest, PassedDeadlineStops) {
  const StopCheck stop(nullptr, absl::Now() - absl::Seconds(1));
  EXPECT_TRUE(stop.ShouldStop());
  EXPECT_EQ(stop.status().code(), absl::StatusCode::kDeadlineExceeded);
  const StopCheck later(nullptr, absl::Now() + absl::Hours(1));
  EXPECT_FALSE(later.ShouldStop());
}

}  // namespace
}  // namespace kg::extractor
