#include "extractor_service/forward_slots.h"

#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

TEST(ForwardSlotsTest, RefusesPastCapacityAndFreesOnRelease) {
  ForwardSlots slots(2);
  EXPECT_TRUE(slots.TryAcquire());
  EXPECT_TRUE(slots.TryAcquire());
  EXPECT_FALSE(slots.TryAcquire());
  slots.Release();
  EXPECT_TRUE(slots.TryAcquire());
  EXPECT_EQ(slots.in_use(), 2);
}

TEST(ForwardSlotsTest, ScopedSlotGivesBackOnlyWhatItTook) {
  ForwardSlots slots(1);
  {
    ForwardSlot first(slots);
    ASSERT_TRUE(first.held());
    ForwardSlot second(slots);
    EXPECT_FALSE(second.held());
  }
  EXPECT_EQ(slots.in_use(), 0);
}

TEST(ForwardSlotsTest, NeverExceedsCapacityUnderContention) {
  ForwardSlots slots(3);
  std::atomic<int> peak{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        ForwardSlot slot(slots);
        if (!slot.held()) continue;
        int now = slots.in_use();
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(peak.load(), 3);
  EXPECT_EQ(slots.in_use(), 0);
}

}  // namespace
}  // namespace kg::extractor
