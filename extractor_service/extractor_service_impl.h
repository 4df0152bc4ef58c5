// The gRPC face of the extractor: validates the request, runs the extraction
// core, and (when asked) forwards the facts to the graph service. An OK
// answer to a forwarding call means the graph acknowledged the facts.
#ifndef KG_EXTRACTOR_SERVICE_EXTRACTOR_SERVICE_IMPL_H_
#define KG_EXTRACTOR_SERVICE_EXTRACTOR_SERVICE_IMPL_H_

#include <cstddef>
#include <memory>

#include "absl/time/time.h"
#include "common/security/token_store.h"
#include "extractor_service/forward_slots.h"
#include "extractor_service/graph_client.h"
#include "extractor_service/pipeline/extractor.h"
#include "kg/v1/extractor.grpc.pb.h"

namespace kg::extractor {

// Byte budgets of one Extract call, checked before anything is forwarded
// or sent: a document inside the size limit can still yield facts (each
// evidence record carries its sentence) past what one message may carry.
struct AnswerLimits {
  // The serialized answer (the facts with their evidence).
  size_t max_response_bytes = size_t{64} << 20;
  // One forward to the graph: its --max_message_mb.
  size_t max_forward_bytes = size_t{64} << 20;
};

class ExtractorServiceImpl final
    : public kg::v1::ExtractorService::StreamedUnaryService {
 public:
  // Neither pointer is owned; `graph` may be null when no graph service is
  // configured, and forwarding requests then fail with FAILED_PRECONDITION.
  // `tokens` null: no authentication; otherwise forwarding needs a writer
  // token (extracting alone passes the server-wide reader check). At most
  // `max_pending_forwards` forwards wait for the graph at once; more are
  // refused with RESOURCE_EXHAUSTED.
  ExtractorServiceImpl(const Extractor* extractor, const GraphClient* graph,
                       absl::Duration forward_timeout,
                       std::shared_ptr<const security::TokenStore> tokens =
                           nullptr,
                       int max_pending_forwards = 64,
                       AnswerLimits limits = AnswerLimits());

  // Extract, served as a streamed unary call so that the request and the
  // response live on a per-call protobuf arena: a document's answer is
  // thousands of small messages and strings, and building them on the heap
  // cost ~12% of extraction time (docs/extraction.md, Speed). On the wire it
  // is the plain unary Extract.
  grpc::Status StreamedExtract(
      grpc::ServerContext* context,
      grpc::ServerUnaryStreamer<kg::v1::ExtractRequest, kg::v1::ExtractResponse>*
          stream) override;

 private:
  grpc::Status Extract(grpc::ServerContext* context,
                       const kg::v1::ExtractRequest& request,
                       kg::v1::ExtractResponse* response);

  const Extractor* const extractor_;
  const GraphClient* const graph_;
  const absl::Duration forward_timeout_;
  const std::shared_ptr<const security::TokenStore> tokens_;
  ForwardSlots forward_slots_;
  const AnswerLimits limits_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_EXTRACTOR_SERVICE_IMPL_H_
