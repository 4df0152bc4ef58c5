// AckPipeline: acknowledges an Ingest stream's batches in order, each only
// once its write is durable, on a thread of its own, so that the stream's
// reader applies the next batches while earlier ones wait for their WAL
// sync. With the store's group commit (GraphStore::AwaitDurable) one fsync
// then covers every batch applied during the previous one: a pipelining
// client pays about one fsync per round of batches, not per batch, and no
// batch is ever acknowledged before it is durable.
//
// gRPC-free: the sender is a callback (the shell writes the response).
//
// Thread safety: Push and Finish are called by one thread (the stream's
// reader); the callbacks run on the pipeline's thread.
#ifndef KG_GRAPH_SERVICE_ACK_PIPELINE_H_
#define KG_GRAPH_SERVICE_ACK_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

class AckPipeline {
 public:
  // Makes the writes up to `ticket` durable (GraphStore::AwaitDurable).
  using AwaitFn = std::function<absl::Status(uint64_t ticket)>;
  // Sends one acknowledgement; false when the client is gone.
  using SendFn = std::function<bool(const kg::v1::IngestResponse&)>;

  // Starts the acknowledging thread. At most `max_pending` acks wait at a
  // time; Push blocks beyond that.
  AckPipeline(AwaitFn await, SendFn send, size_t max_pending = 1024);
  // Finishes (see Finish) if the caller did not.
  ~AckPipeline();
  AckPipeline(const AckPipeline&) = delete;
  AckPipeline& operator=(const AckPipeline&) = delete;

  // Queues `response`, to be sent once the write with sync ticket `ticket`
  // is durable (0: already durable). Returns false, queuing nothing, once
  // the pipeline has failed: the caller should stop applying batches and
  // call Finish for the reason.
  bool Push(uint64_t ticket, kg::v1::IngestResponse response);

  // Sends every queued ack whose write becomes durable, then stops the
  // thread. OK when all were sent; the sync error when durability could not
  // be established (that batch and later ones are not acknowledged);
  // Cancelled when the client went away. Idempotent.
  absl::Status Finish();

 private:
  void Run();

  const AwaitFn await_;
  const SendFn send_;
  const size_t max_pending_;
  absl::Mutex mu_;
  std::deque<std::pair<uint64_t, kg::v1::IngestResponse>> queue_
      ABSL_GUARDED_BY(mu_);
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status error_ ABSL_GUARDED_BY(mu_);
  bool finished_ = false;  // Only the owner thread touches it.
  std::thread thread_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_ACK_PIPELINE_H_
