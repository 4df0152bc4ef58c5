#include "graph_service/row_batcher.h"

#include <utility>

namespace kg::graph {
namespace {

// Arena blocks start small (most answers are a few rows) and grow to
// this; a full batch of the default limits (~64 KiB encoded, a few times
// that as messages) takes a handful of blocks.
constexpr size_t kStartBlockBytes = 4 * 1024;
constexpr size_t kMaxBlockBytes = 64 * 1024;

google::protobuf::ArenaOptions BatchArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = kStartBlockBytes;
  options.max_block_size = kMaxBlockBytes;
  return options;
}

}  // namespace

RowBatcher::RowBatcher(const RowBatchLimits& limits, SendFn send)
    : limits_(limits),
      send_(std::move(send)),
      arena_(BatchArenaOptions()) {
  NewArenaBatch();
}

void RowBatcher::NewArenaBatch() {
  arena_batch_ =
      google::protobuf::Arena::CreateMessage<kg::v1::QueryRowBatch>(&arena_);
}

bool RowBatcher::Add(kg::v1::QueryRow row) {
  if (failed_ || finished_) return false;
  if (batch_ == nullptr) batch_ = &heap_batch_;
  // A swap into the heap batch; a copy into an arena batch.
  *batch_->add_rows() = std::move(row);
  return CommitRow();
}

kg::v1::QueryRow* RowBatcher::StartRow() {
  in_scratch_ = failed_ || finished_;
  if (in_scratch_) {
    scratch_.Clear();
    return &scratch_;
  }
  if (batch_ == nullptr) batch_ = arena_batch_;
  return batch_->add_rows();
}

bool RowBatcher::CommitRow() {
  if (in_scratch_) return false;
  batch_bytes_ += batch_->rows(batch_->rows_size() - 1).ByteSizeLong();
  if (static_cast<size_t>(batch_->rows_size()) < limits_.max_rows &&
      batch_bytes_ < limits_.max_bytes) {
    return true;
  }
  return Send(/*last=*/false);
}

void RowBatcher::DiscardRow() {
  if (!in_scratch_) batch_->mutable_rows()->RemoveLast();
}

bool RowBatcher::Finish(bool truncated) {
  if (failed_ || finished_) return !failed_;
  finished_ = true;
  if (truncated) {
    if (batch_ == nullptr) batch_ = arena_batch_;
    batch_->set_truncated(true);
    return Send(/*last=*/true);
  }
  return batch_ == nullptr || batch_->rows_size() == 0 || Send(/*last=*/true);
}

bool RowBatcher::Send(bool last) {
  ++batches_sent_;
  // batch_bytes_ plus each row's framing (tag and length, at most 11
  // bytes) and the truncated flag bounds the encoded size from above, so
  // the exact size is computed only for a batch near the bound.
  if (limits_.max_message_bytes > 0 &&
      batch_bytes_ + 11 * static_cast<size_t>(batch_->rows_size()) + 2 >
          limits_.max_message_bytes) {
    const size_t encoded = batch_->ByteSizeLong();
    if (encoded > limits_.max_message_bytes) refused_bytes_ = encoded;
  }
  failed_ = refused_bytes_ > 0 || !send_(*batch_, last);
  if (batch_ == &heap_batch_) {
    // Clear() keeps the row objects allocated for reuse by the next batch.
    heap_batch_.Clear();
  } else {
    arena_.Reset();
    NewArenaBatch();
  }
  batch_ = nullptr;
  batch_bytes_ = 0;
  return !failed_;
}

}  // namespace kg::graph
