// GraphClient: how the extractor stores facts in the graph service.
//
// Each document goes as one Ingest batch carrying the document id and a
// content hash, so the graph applies it atomically and a retried batch is a
// no-op there. That makes retrying on UNAVAILABLE safe: the client retries
// with exponential backoff and jitter until the attempts or the deadline run
// out, then fails with UNAVAILABLE. It never reports success for a batch the
// graph did not acknowledge.
#ifndef KG_EXTRACTOR_SERVICE_GRAPH_CLIENT_H_
#define KG_EXTRACTOR_SERVICE_GRAPH_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::extractor {

struct RetryPolicy {
  int max_attempts = 5;
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(2);
  // Each wait is the backoff times a random factor in [1 - jitter, 1 + jitter].
  double jitter = 0.2;
  // Deadline of one attempt.
  absl::Duration attempt_timeout = absl::Seconds(10);
};

class GraphClient {
 public:
  // `address` is host:port of the graph service, reached in plaintext.
  // Thread-safe.
  GraphClient(const std::string& address, const RetryPolicy& policy);
  // Over `channel`, which carries the transport security and token (e.g.
  // from security::OpenChannel); `address` names the graph in messages.
  GraphClient(std::shared_ptr<grpc::Channel> channel,
              const std::string& address, const RetryPolicy& policy);

  // Stores `facts` as the complete fact set of `document_id`. Returns the
  // graph's acknowledgement. Unavailable when the graph cannot be reached
  // before `deadline`. Other errors are not retried and name the graph as
  // the hop that failed: the graph's code (InvalidArgument, ...) with
  // "graph service at ADDRESS: " before its message, except that the graph
  // refusing the extractor's own credentials (Unauthenticated,
  // PermissionDenied) is FailedPrecondition: the caller's credentials are
  // not what was refused, and only the extractor's flags can fix it.
  absl::StatusOr<kg::v1::IngestResponse> IngestDocument(
      const std::string& document_id,
      const google::protobuf::RepeatedPtrField<kg::v1::Fact>& facts,
      absl::Time deadline) const;

  const std::string& address() const { return address_; }

 private:
  absl::StatusOr<kg::v1::IngestResponse> IngestOnce(
      const kg::v1::IngestRequest& request, absl::Time deadline) const;
  absl::Status FromGraph(const absl::Status& status) const;

  const std::string address_;
  const RetryPolicy policy_;
  std::unique_ptr<kg::v1::GraphService::Stub> stub_;
};

// The hash the graph uses to recognise a batch it already has: a stable
// fingerprint of the facts' deterministic serialisation.
std::string FactsContentHash(
    const google::protobuf::RepeatedPtrField<kg::v1::Fact>& facts);

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_GRAPH_CLIENT_H_
