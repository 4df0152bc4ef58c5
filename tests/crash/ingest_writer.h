// The crash test's writer: streams new documents to a graph_server over one
// Ingest stream on a thread of its own, recording which were sent and which
// acknowledged, until the stream breaks (the server was killed).
#ifndef KG_TESTS_CRASH_INGEST_WRITER_H_
#define KG_TESTS_CRASH_INGEST_WRITER_H_

#include <cstdint>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "kg/v1/graph.grpc.pb.h"
#include "tests/crash/document_generator.h"

namespace kg::crash {

// Which documents were sent ("doc-0", "doc-1", ... in order) and which of
// them the server acknowledged. Thread-safe.
class DocumentLedger {
 public:
  // Records that the next document is about to be sent; returns its index.
  uint64_t AddSent() ABSL_LOCKS_EXCLUDED(mu_);
  void MarkAcknowledged(uint64_t index) ABSL_LOCKS_EXCLUDED(mu_);

  // Documents sent so far (their indexes are 0 .. sent() - 1).
  uint64_t sent() const ABSL_LOCKS_EXCLUDED(mu_);
  uint64_t acknowledged_count() const ABSL_LOCKS_EXCLUDED(mu_);
  // False for an index never sent.
  bool acknowledged(uint64_t index) const ABSL_LOCKS_EXCLUDED(mu_);
  // Sent but not acknowledged, ascending.
  std::vector<uint64_t> Unacknowledged() const ABSL_LOCKS_EXCLUDED(mu_);
  // The highest acknowledged index, or -1 when none.
  int64_t LastAcknowledged() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  std::vector<bool> acknowledged_ ABSL_GUARDED_BY(mu_);
  uint64_t acknowledged_count_ ABSL_GUARDED_BY(mu_) = 0;
};

class IngestWriter {
 public:
  // `generator`, `ledger` and `stub` are not owned and must outlive the
  // writer. The stream gives up after `timeout`.
  IngestWriter(const DocumentGenerator& generator, DocumentLedger& ledger,
               kg::v1::GraphService::Stub& stub, absl::Duration timeout);
  // Cancels the stream if it is still open and joins the thread.
  ~IngestWriter();
  IngestWriter(const IngestWriter&) = delete;
  IngestWriter& operator=(const IngestWriter&) = delete;

  // Starts streaming: each document is marked sent before it is written and
  // acknowledged only when its IngestResponse has been read. Call once.
  void Start();

  // Waits for the stream to end. OK when it ended because the server went
  // away; Internal when an acknowledgement contradicted its batch (wrong
  // batch_index, facts_received, evidence_new, or `unchanged` for a new
  // document) or the stream ended OK, which it never should.
  absl::Status Join();

  // Batches acknowledged on this writer's stream.
  uint64_t acknowledged() const;

 private:
  void Run();

  const DocumentGenerator& generator_;
  DocumentLedger& ledger_;
  kg::v1::GraphService::Stub& stub_;
  grpc::ClientContext context_;
  std::thread thread_;
  mutable absl::Mutex mu_;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
  uint64_t acknowledged_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_INGEST_WRITER_H_
