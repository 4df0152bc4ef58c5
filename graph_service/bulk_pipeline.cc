#include "graph_service/bulk_pipeline.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kg::graph {
namespace {

// Facts reserved per chunk at most (a huge chunk size need not cost its
// whole footprint for a small load).
constexpr size_t kMaxReserve = 1 << 20;

}  // namespace

BulkPipeline::BulkPipeline(WriteFn write, SendFn send, size_t chunk_facts)
    : write_(std::move(write)),
      send_(std::move(send)),
      chunk_facts_(chunk_facts == 0 ? 1 : chunk_facts),
      thread_([this] { Run(); }) {}

BulkPipeline::~BulkPipeline() { Finish().IgnoreError(); }

bool BulkPipeline::Push(
    google::protobuf::RepeatedPtrField<kg::v1::Fact>* facts) {
  {
    absl::MutexLock lock(&mu_);
    if (!error_.ok()) return false;
  }
  if (filling_.batch_sizes.empty()) {
    filling_.first_batch = next_batch_;
    // Room for a full chunk up front: growing a vector of messages moves
    // them all at each step.
    filling_.facts.reserve(std::min(chunk_facts_, kMaxReserve) + facts->size());
  }
  ++next_batch_;
  filling_.batch_sizes.push_back(static_cast<uint32_t>(facts->size()));
  for (kg::v1::Fact& fact : *facts) filling_.facts.push_back(std::move(fact));
  if (filling_.facts.size() < chunk_facts_) return true;
  return Hand();
}

bool BulkPipeline::Hand() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](BulkPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
        return !p->handed_.has_value() || !p->error_.ok();
      },
      this));
  if (!error_.ok()) return false;
  handed_ = std::move(filling_);
  filling_ = Chunk();
  return true;
}

absl::Status BulkPipeline::Finish() {
  if (!finished_) {
    finished_ = true;
    if (!filling_.batch_sizes.empty()) Hand();
    {
      absl::MutexLock lock(&mu_);
      closing_ = true;
    }
    thread_.join();
  }
  absl::MutexLock lock(&mu_);
  return error_;
}

void BulkPipeline::Run() {
  while (true) {
    Chunk chunk;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](BulkPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
            return p->handed_.has_value() || p->closing_;
          },
          this));
      if (!handed_.has_value()) return;  // Closing and drained.
      chunk = std::move(*handed_);
      handed_.reset();
    }
    const absl::Status status = WriteChunk(std::move(chunk));
    if (!status.ok()) {
      absl::MutexLock lock(&mu_);
      error_ = status;
      handed_.reset();  // Never write after a failure.
      return;
    }
  }
}

absl::Status BulkPipeline::WriteChunk(Chunk chunk) {
  const uint64_t first = chunk.first_batch;
  const std::vector<uint32_t> sizes = std::move(chunk.batch_sizes);
  absl::StatusOr<WriteStats> stats = write_(std::move(chunk.facts));
  if (!stats.ok()) {
    return absl::Status(
        stats.status().code(),
        absl::StrCat("batch ", first, ": ", stats.status().message()));
  }
  for (size_t i = 0; i < sizes.size(); ++i) {
    kg::v1::IngestResponse ack;
    ack.set_batch_index(first + i);
    ack.set_facts_received(sizes[i]);
    if (i + 1 == sizes.size()) {
      ack.set_facts_new(stats->facts_new);
      ack.set_evidence_new(stats->evidence_new);
    }
    if (!send_(ack)) {
      return absl::CancelledError(
          "client went away before its acknowledgement");
    }
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
