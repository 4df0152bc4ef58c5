#include "extractor_service/extractor_service_impl.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/grpc_server.h"
#include "common/grpc_status.h"
#include "common/security/grpc_auth.h"
#include "google/protobuf/arena.h"

namespace kg::extractor {

ExtractorServiceImpl::ExtractorServiceImpl(const Extractor* extractor,
                                           const GraphClient* graph,
                                           absl::Duration forward_timeout,
                                           std::shared_ptr<const security::TokenStore> tokens,
                                           int max_pending_forwards,
                                           AnswerLimits limits)
    : extractor_(extractor),
      graph_(graph),
      forward_timeout_(forward_timeout),
      tokens_(std::move(tokens)),
      forward_slots_(max_pending_forwards),
      limits_(limits) {}

grpc::Status ExtractorServiceImpl::StreamedExtract(
    grpc::ServerContext* context,
    grpc::ServerUnaryStreamer<kg::v1::ExtractRequest, kg::v1::ExtractResponse>*
        stream) {
  google::protobuf::Arena arena;
  auto* request =
      google::protobuf::Arena::CreateMessage<kg::v1::ExtractRequest>(&arena);
  if (!stream->Read(request)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "the request could not be read (malformed, or the "
                        "call was cancelled)");
  }
  auto* response =
      google::protobuf::Arena::CreateMessage<kg::v1::ExtractResponse>(&arena);
  const grpc::Status status = Extract(context, *request, response);
  if (!status.ok()) return status;
  if (!stream->Write(*response)) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "the answer could not be sent: the caller is gone");
  }
  return grpc::Status::OK;
}

grpc::Status ExtractorServiceImpl::Extract(grpc::ServerContext* context,
                                           const kg::v1::ExtractRequest& request,
                                           kg::v1::ExtractResponse* response) {
  if (!request.has_document()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "document is missing");
  }
  if (request.forward()) {
    grpc::Status allowed = security::RequireRole(
        *context, tokens_.get(), security::Role::kWriter, "Extract with forward");
    if (!allowed.ok()) return allowed;
  }
  if (request.forward() && graph_ == nullptr) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "this extractor has no --graph_address; it can "
                        "extract but not forward");
  }
  // A caller that gives up (cancels, or its deadline passes, or the server
  // shuts down and cancels the call) stops the extraction within a sentence.
  const absl::Time caller_deadline = CallerDeadline(*context);
  const StopCheck stop([context] { return context->IsCancelled(); },
                       caller_deadline);
  const absl::Status extracted = extractor_->ExtractInto(
      request.document(), response->mutable_facts(), stop);
  if (!extracted.ok()) return ToGrpcStatus(extracted);

  // Checked before forwarding, so that a refusal stores nothing.
  const size_t answer_bytes = response->ByteSizeLong();
  const size_t limit = request.forward() ? std::min(limits_.max_response_bytes,
                                                    limits_.max_forward_bytes)
                                         : limits_.max_response_bytes;
  if (answer_bytes > limit) {
    size_t evidence = 0;
    for (const kg::v1::Fact& f : response->facts()) evidence += f.evidence_size();
    const bool forward_limit =
        request.forward() && limits_.max_forward_bytes < limits_.max_response_bytes;
    return grpc::Status(
        grpc::StatusCode::RESOURCE_EXHAUSTED,
        absl::StrCat("the facts of document '", request.document().id(), "' (",
                     response->facts_size(), " facts, ", evidence,
                     " evidence records) come to ", answer_bytes,
                     " bytes; the limit is ", limit,
                     forward_limit ? " bytes for one forward to the graph "
                                     "(--graph_max_message_mb)"
                                   : " bytes for one answer (--max_response_mb)",
                     "; nothing was stored: split the document"));
  }

  if (request.forward()) {
    const ForwardSlot slot(forward_slots_);
    if (!slot.held()) {
      return grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat(forward_slots_.capacity(),
                       " documents are already waiting for the graph service; "
                       "nothing was stored, retry later"));
    }
    const absl::Time deadline =
        std::min(absl::Now() + forward_timeout_, caller_deadline);
    absl::StatusOr<kg::v1::IngestResponse> ack = graph_->IngestDocument(
        request.document().id(), response->facts(), deadline);
    if (!ack.ok()) return ToGrpcStatus(ack.status());
    *response->mutable_ingest() = *std::move(ack);
  }
  return grpc::Status::OK;
}

}  // namespace kg::extractor
