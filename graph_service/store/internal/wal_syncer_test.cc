#include "graph_service/store/internal/wal_syncer.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace kg::graph::rocksdb_internal {
namespace {

TEST(WalSyncerTest, TicketZeroNeedsNoSync) {
  int calls = 0;
  WalSyncer syncer([&] { ++calls; return absl::OkStatus(); });
  EXPECT_TRUE(syncer.AwaitDurable(0).ok());
  EXPECT_EQ(calls, 0);
}

TEST(WalSyncerTest, OneSyncCoversEveryEarlierWrite) {
  int calls = 0;
  WalSyncer syncer([&] { ++calls; return absl::OkStatus(); });
  const uint64_t a = syncer.Written();
  const uint64_t b = syncer.Written();
  EXPECT_LT(a, b);
  EXPECT_TRUE(syncer.AwaitDurable(b).ok());
  EXPECT_TRUE(syncer.AwaitDurable(a).ok());
  EXPECT_EQ(calls, 1);
  const uint64_t c = syncer.Written();
  EXPECT_TRUE(syncer.AwaitDurable(c).ok());
  EXPECT_EQ(calls, 2);
}

TEST(WalSyncerTest, WriteDuringASyncWaitsForTheNextSync) {
  // The first sync blocks until released; a write made meanwhile must not be
  // reported durable by that sync.
  absl::Notification in_sync, release;
  std::atomic<int> calls{0};
  WalSyncer syncer([&] {
    if (calls.fetch_add(1) == 0) {
      in_sync.Notify();
      release.WaitForNotification();
    }
    return absl::OkStatus();
  });
  const uint64_t first = syncer.Written();
  std::thread t([&] { EXPECT_TRUE(syncer.AwaitDurable(first).ok()); });
  in_sync.WaitForNotification();
  const uint64_t second = syncer.Written();
  std::atomic<bool> second_done{false};
  std::thread u([&] {
    EXPECT_TRUE(syncer.AwaitDurable(second).ok());
    second_done = true;
  });
  absl::SleepFor(absl::Milliseconds(20));
  EXPECT_FALSE(second_done.load());
  release.Notify();
  t.join();
  u.join();
  EXPECT_EQ(calls.load(), 2);
}

TEST(WalSyncerTest, FailedSyncIsReportedAndRetried) {
  int calls = 0;
  WalSyncer syncer([&] {
    return ++calls == 1 ? absl::UnavailableError("disk") : absl::OkStatus();
  });
  const uint64_t a = syncer.Written();
  EXPECT_EQ(syncer.AwaitDurable(a).code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(syncer.AwaitDurable(a).ok());
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace kg::graph::rocksdb_internal
