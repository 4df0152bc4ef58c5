#include "extractor_service/graph_client.h"

#include <algorithm>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "common/content_hash.h"
#include "common/grpc_status.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace kg::extractor {

std::string FactsContentHash(
    const google::protobuf::RepeatedPtrField<kg::v1::Fact>& facts) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream output(&bytes);
    google::protobuf::io::CodedOutputStream coded(&output);
    coded.SetSerializationDeterministic(true);
    for (const kg::v1::Fact& fact : facts) {
      coded.WriteVarint64(fact.ByteSizeLong());
      fact.SerializeWithCachedSizes(&coded);
    }
  }
  return ContentHash(bytes);
}

GraphClient::GraphClient(const std::string& address, const RetryPolicy& policy)
    : GraphClient(
          grpc::CreateChannel(address, grpc::InsecureChannelCredentials()),
          address, policy) {}

GraphClient::GraphClient(std::shared_ptr<grpc::Channel> channel,
                         const std::string& address, const RetryPolicy& policy)
    : address_(address),
      policy_(policy),
      stub_(kg::v1::GraphService::NewStub(std::move(channel))) {}

absl::StatusOr<kg::v1::IngestResponse> GraphClient::IngestOnce(
    const kg::v1::IngestRequest& request, absl::Time deadline) const {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  auto stream = stub_->Ingest(&context);
  kg::v1::IngestResponse response;
  bool acknowledged = false;
  if (stream->Write(request)) {
    stream->WritesDone();
    acknowledged = stream->Read(&response);
  }
  const grpc::Status status = stream->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  if (!acknowledged) {
    return absl::UnavailableError("graph service closed the stream without an "
                                  "acknowledgement");
  }
  return response;
}

absl::Status GraphClient::FromGraph(const absl::Status& status) const {
  if (absl::IsUnauthenticated(status) || absl::IsPermissionDenied(status)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the graph service at ", address_,
        " refused the extractor's credentials (",
        absl::StatusCodeToString(status.code()), ": ", status.message(),
        "): check the extractor's --graph_token_file and --graph_tls_* "
        "flags; the document was not stored"));
  }
  return absl::Status(status.code(), absl::StrCat("graph service at ", address_,
                                                  ": ", status.message()));
}

absl::StatusOr<kg::v1::IngestResponse> GraphClient::IngestDocument(
    const std::string& document_id,
    const google::protobuf::RepeatedPtrField<kg::v1::Fact>& facts,
    absl::Time deadline) const {
  kg::v1::IngestRequest request;
  request.set_document_id(document_id);
  request.set_content_hash(FactsContentHash(facts));
  *request.mutable_facts() = facts;

  absl::BitGen random;
  absl::Duration backoff = policy_.initial_backoff;
  absl::Status last = absl::UnavailableError("no attempt made");
  for (int attempt = 1; attempt <= policy_.max_attempts; ++attempt) {
    const absl::Time attempt_deadline =
        std::min(deadline, absl::Now() + policy_.attempt_timeout);
    absl::StatusOr<kg::v1::IngestResponse> response =
        IngestOnce(request, attempt_deadline);
    if (response.ok()) return response;
    last = response.status();
    // CANCELLED here comes from the graph's side (a server shutting down
    // cancels its in-flight calls; this client cancels nothing), so like
    // UNAVAILABLE it says nothing about the batch: retrying is safe because
    // the batch is a whole document with a content hash.
    const bool retryable = absl::IsUnavailable(last) ||
                           absl::IsCancelled(last) ||
                           (absl::IsDeadlineExceeded(last) &&
                            attempt_deadline < deadline);
    if (!retryable) return FromGraph(last);
    const absl::Duration wait =
        backoff * absl::Uniform(random, 1.0 - policy_.jitter,
                                1.0 + policy_.jitter);
    if (attempt == policy_.max_attempts || absl::Now() + wait >= deadline) {
      break;
    }
    absl::SleepFor(wait);
    backoff = std::min(backoff * 2, policy_.max_backoff);
  }
  return absl::UnavailableError(
      absl::StrCat("graph service at ", address_, " unavailable: ",
                   last.message(), "; the document was not stored"));
}

}  // namespace kg::extractor
