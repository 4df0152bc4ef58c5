#include "graph_service/ack_pipeline.h"

#include <utility>

namespace kg::graph {

AckPipeline::AckPipeline(AwaitFn await, SendFn send, size_t max_pending)
    : await_(std::move(await)),
      send_(std::move(send)),
      max_pending_(max_pending == 0 ? 1 : max_pending),
      thread_([this] { Run(); }) {}

AckPipeline::~AckPipeline() { Finish().IgnoreError(); }

bool AckPipeline::Push(uint64_t ticket, kg::v1::IngestResponse response) {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](AckPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
        return p->queue_.size() < p->max_pending_ || !p->error_.ok();
      },
      this));
  if (!error_.ok()) return false;
  queue_.emplace_back(ticket, std::move(response));
  return true;
}

absl::Status AckPipeline::Finish() {
  if (!finished_) {
    finished_ = true;
    {
      absl::MutexLock lock(&mu_);
      closing_ = true;
    }
    thread_.join();
  }
  absl::MutexLock lock(&mu_);
  return error_;
}

void AckPipeline::Run() {
  while (true) {
    uint64_t ticket = 0;
    kg::v1::IngestResponse response;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](AckPipeline* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
            return !p->queue_.empty() || p->closing_;
          },
          this));
      if (queue_.empty()) return;  // Closing and drained.
      ticket = queue_.front().first;
      response = std::move(queue_.front().second);
      queue_.pop_front();
    }
    absl::Status status = await_(ticket);
    if (status.ok() && !send_(response)) {
      status = absl::CancelledError(
          "client went away before its acknowledgement");
    }
    if (!status.ok()) {
      absl::MutexLock lock(&mu_);
      error_ = status;
      queue_.clear();  // Never acknowledge after a failure.
      return;
    }
  }
}

}  // namespace kg::graph
