#include "graph_service/bulk_pipeline.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

google::protobuf::RepeatedPtrField<kg::v1::Fact> Batch(int first, int n) {
  google::protobuf::RepeatedPtrField<kg::v1::Fact> facts;
  for (int i = first; i < first + n; ++i) {
    facts.Add()->set_subject(absl::StrCat("S", i));
  }
  return facts;
}

// Records what the pipeline writes and sends.
struct Recorder {
  absl::Mutex mu;
  std::vector<std::vector<std::string>> chunks;  // Subjects per write.
  std::vector<kg::v1::IngestResponse> acks;

  BulkPipeline::WriteFn Write(int fail_on_chunk = -1) {
    return [this, fail_on_chunk](std::vector<kg::v1::Fact> facts)
               -> absl::StatusOr<WriteStats> {
      absl::MutexLock lock(&mu);
      if (static_cast<int>(chunks.size()) == fail_on_chunk) {
        return absl::InvalidArgumentError("fact[3]: bad");
      }
      std::vector<std::string>& chunk = chunks.emplace_back();
      for (const kg::v1::Fact& f : facts) chunk.push_back(f.subject());
      WriteStats stats;
      stats.facts_new = static_cast<uint32_t>(facts.size());
      stats.evidence_new = static_cast<uint32_t>(2 * facts.size());
      return stats;
    };
  }
  BulkPipeline::SendFn Send(bool client_gone = false) {
    return [this, client_gone](const kg::v1::IngestResponse& ack) {
      absl::MutexLock lock(&mu);
      if (client_gone) return false;
      acks.push_back(ack);
      return true;
    };
  }
};

TEST(BulkPipelineTest, ChunksBatchesAndAcknowledgesEachInOrder) {
  Recorder rec;
  BulkPipeline pipeline(rec.Write(), rec.Send(), /*chunk_facts=*/5);
  for (int b = 0; b < 5; ++b) {
    auto batch = Batch(3 * b, 3);
    ASSERT_TRUE(pipeline.Push(&batch));
  }
  ASSERT_TRUE(pipeline.Finish().ok());
  // 3+3 >= 5 -> chunk; 3+3 -> chunk; the last 3 at Finish.
  ASSERT_EQ(rec.chunks.size(), 3u);
  EXPECT_EQ(rec.chunks[0].size(), 6u);
  EXPECT_EQ(rec.chunks[0].front(), "S0");
  EXPECT_EQ(rec.chunks[2].back(), "S14");
  ASSERT_EQ(rec.acks.size(), 5u);
  for (int b = 0; b < 5; ++b) {
    EXPECT_EQ(rec.acks[b].batch_index(), static_cast<uint64_t>(b));
    EXPECT_EQ(rec.acks[b].facts_received(), 3u);
  }
  // A chunk's counts ride on its last batch's ack only.
  EXPECT_EQ(rec.acks[0].facts_new(), 0u);
  EXPECT_EQ(rec.acks[1].facts_new(), 6u);
  EXPECT_EQ(rec.acks[1].evidence_new(), 12u);
  EXPECT_EQ(rec.acks[4].facts_new(), 3u);
}

TEST(BulkPipelineTest, AFailedChunkIsNamedAndNothingAfterItIsAcknowledged) {
  Recorder rec;
  BulkPipeline pipeline(rec.Write(/*fail_on_chunk=*/1), rec.Send(), 4);
  bool refused = false;
  for (int b = 0; b < 20 && !refused; ++b) {
    auto batch = Batch(2 * b, 2);
    refused = !pipeline.Push(&batch);
  }
  const absl::Status status = pipeline.Finish();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "batch 2: fact[3]: bad");
  EXPECT_EQ(rec.chunks.size(), 1u);
  ASSERT_EQ(rec.acks.size(), 2u);  // Only the first chunk's batches.
  EXPECT_EQ(rec.acks[1].batch_index(), 1u);
  EXPECT_EQ(pipeline.Finish().code(), absl::StatusCode::kInvalidArgument);
}

TEST(BulkPipelineTest, ClientGoneIsCancelled) {
  Recorder rec;
  BulkPipeline pipeline(rec.Write(), rec.Send(/*client_gone=*/true), 2);
  auto batch = Batch(0, 2);
  pipeline.Push(&batch);
  EXPECT_EQ(pipeline.Finish().code(), absl::StatusCode::kCancelled);
}

TEST(BulkPipelineTest, ParsingOverlapsTheWriteOfThePreviousChunk) {
  absl::Notification first_write_started;
  absl::Notification release_first_write;
  int writes = 0;
  BulkPipeline pipeline(
      [&](std::vector<kg::v1::Fact>) -> absl::StatusOr<WriteStats> {
        if (writes++ == 0) {
          first_write_started.Notify();
          release_first_write.WaitForNotification();
        }
        return WriteStats();
      },
      [](const kg::v1::IngestResponse&) { return true; }, 2);
  auto first = Batch(0, 2);
  ASSERT_TRUE(pipeline.Push(&first));
  first_write_started.WaitForNotification();
  // The writer is busy: the next chunk is still taken and handed over.
  auto second = Batch(2, 2);
  ASSERT_TRUE(pipeline.Push(&second));
  release_first_write.Notify();
  EXPECT_TRUE(pipeline.Finish().ok());
  EXPECT_EQ(writes, 2);
}

TEST(BulkPipelineTest, EmptyStreamWritesNothing) {
  Recorder rec;
  BulkPipeline pipeline(rec.Write(), rec.Send(), 10);
  EXPECT_TRUE(pipeline.Finish().ok());
  EXPECT_TRUE(rec.chunks.empty());
  EXPECT_TRUE(rec.acks.empty());
}

}  // namespace
}  // namespace kg::graph
