#include "graph_service/ack_pipeline.h"

#include <atomic>
#include <cstdint>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

kg::v1::IngestResponse Ack(uint64_t batch) {
  kg::v1::IngestResponse r;
  r.set_batch_index(batch);
  return r;
}

// Records the order of events: "await T" and "send B".
struct Log {
  absl::Mutex mu;
  std::vector<std::string> events;
  void Add(std::string e) {
    absl::MutexLock lock(&mu);
    events.push_back(std::move(e));
  }
};

TEST(AckPipelineTest, SendsEveryAckInOrderAfterItsSync) {
  Log log;
  AckPipeline acks(
      [&](uint64_t t) {
        log.Add("await " + std::to_string(t));
        return absl::OkStatus();
      },
      [&](const kg::v1::IngestResponse& r) {
        log.Add("send " + std::to_string(r.batch_index()));
        return true;
      });
  for (uint64_t i = 0; i < 3; ++i) ASSERT_TRUE(acks.Push(i + 1, Ack(i)));
  EXPECT_TRUE(acks.Finish().ok());
  EXPECT_EQ(log.events,
            (std::vector<std::string>{"await 1", "send 0", "await 2", "send 1",
                                      "await 3", "send 2"}));
}

TEST(AckPipelineTest, FailedSyncStopsAcknowledging) {
  std::atomic<int> sent{0};
  AckPipeline acks(
      [](uint64_t t) {
        return t >= 2 ? absl::UnavailableError("fsync failed")
                      : absl::OkStatus();
      },
      [&](const kg::v1::IngestResponse&) {
        ++sent;
        return true;
      },
      /*max_pending=*/1);
  // With one slot, the failure is seen by a later Push at the latest.
  bool pushed_all = true;
  for (uint64_t i = 0; i < 50 && pushed_all; ++i) {
    pushed_all = acks.Push(i + 1, Ack(i));
  }
  const absl::Status status = acks.Finish();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_FALSE(pushed_all);
  EXPECT_EQ(sent.load(), 1);  // Only the batch before the failed sync.
}

TEST(AckPipelineTest, ClientGoneIsCancelled) {
  AckPipeline acks([](uint64_t) { return absl::OkStatus(); },
                   [](const kg::v1::IngestResponse&) { return false; });
  acks.Push(0, Ack(0));
  EXPECT_EQ(acks.Finish().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(acks.Finish().code(), absl::StatusCode::kCancelled);  // Idempotent.
}

}  // namespace
}  // namespace kg::graph
