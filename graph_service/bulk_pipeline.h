// BulkPipeline: the bulk Ingest path (metadata "kg-ingest-mode: bulk")
// without gRPC. Batches are buffered into chunks of about `chunk_facts`
// facts; each full chunk is written (one table-file load, see
// GraphStore::BulkAddFacts) on a thread of its own while the stream's
// reader goes on parsing the next chunk, so that parsing and writing
// overlap. Every batch is acknowledged once, in order, after its chunk is
// durable; the chunk's new-fact counts ride on its last batch's ack.
//
// Memory: at most one chunk is being written and one is being filled;
// Push blocks while both are busy.
//
// Thread safety: Push and Finish are called by one thread (the stream's
// reader); the callbacks run on the pipeline's thread.
#ifndef KG_GRAPH_SERVICE_BULK_PIPELINE_H_
#define KG_GRAPH_SERVICE_BULK_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

class BulkPipeline {
 public:
  // Writes one chunk durably (the facts are the callee's to keep).
  using WriteFn =
      std::function<absl::StatusOr<WriteStats>(std::vector<kg::v1::Fact>)>;
  // Sends one acknowledgement; false when the client is gone.
  using SendFn = std::function<bool(const kg::v1::IngestResponse&)>;

  BulkPipeline(WriteFn write, SendFn send, size_t chunk_facts);
  // Finishes (see Finish) if the caller did not.
  ~BulkPipeline();
  BulkPipeline(const BulkPipeline&) = delete;
  BulkPipeline& operator=(const BulkPipeline&) = delete;

  // Adds the next batch (its facts are moved out). Returns false, taking
  // nothing, once the pipeline has failed: stop reading and call Finish.
  bool Push(google::protobuf::RepeatedPtrField<kg::v1::Fact>* facts);

  // Writes what is buffered, waits for every acknowledgement and stops the
  // thread. OK when every batch was acknowledged; otherwise the first
  // failure: the write's error prefixed "batch N: " (N = the chunk's first
  // batch; that chunk and later ones are not acknowledged), or Cancelled
  // when the client went away. Idempotent.
  absl::Status Finish();

 private:
  struct Chunk {
    std::vector<kg::v1::Fact> facts;
    std::vector<uint32_t> batch_sizes;  // Facts per batch, in order.
    uint64_t first_batch = 0;
  };

  // Hands the chunk being filled to the writer thread (waits for it).
  bool Hand();
  void Run();
  absl::Status WriteChunk(Chunk chunk);

  const WriteFn write_;
  const SendFn send_;
  const size_t chunk_facts_;
  Chunk filling_;          // Only the reader touches it.
  uint64_t next_batch_ = 0;  // Only the reader touches it.
  bool finished_ = false;    // Only the reader touches it.

  absl::Mutex mu_;
  std::optional<Chunk> handed_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status error_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_BULK_PIPELINE_H_
