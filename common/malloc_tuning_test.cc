#include "common/malloc_tuning.h"

#include <cstdlib>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(MallocTuningTest, GlibcAcceptsTheSettings) {
  EXPECT_TRUE(LimitMallocRetention());
}

TEST(MallocTuningTest, AllocationStillWorksAcrossTheThreshold) {
  ASSERT_TRUE(LimitMallocRetention());
  std::vector<void*> blocks;
  for (size_t bytes : {size_t{64}, size_t{200} << 10, size_t{300} << 10,
                       size_t{8} << 20}) {
    void* block = std::malloc(bytes);
    ASSERT_NE(block, nullptr) << bytes;
    static_cast<char*>(block)[bytes - 1] = 1;
    blocks.push_back(block);
  }
  for (void* block : blocks) std::free(block);
}

TEST(PeriodicMallocTrimTest, TrimsRepeatedlyAndStopsPromptly) {
  const absl::Time start = absl::Now();
  {
    PeriodicMallocTrim trim(absl::Milliseconds(10));
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (trim.passes() < 3 && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(5));
    }
    EXPECT_GE(trim.passes(), 3u);
  }
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
}

TEST(PeriodicMallocTrimTest, DestructionDoesNotWaitForAPeriod) {
  const absl::Time start = absl::Now();
  { PeriodicMallocTrim trim(absl::Hours(1)); }
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

}  // namespace
}  // namespace kg
