#include "tests/crash/graph_client.h"

#include <chrono>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace kg::crash {
namespace {

void SetTimeout(grpc::ClientContext& context, absl::Duration timeout) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

absl::Status Annotate(const grpc::Status& status, const std::string& what) {
  const absl::Status converted = FromGrpcStatus(status);
  return absl::Status(converted.code(),
                      absl::StrCat(what, ": ", converted.message()));
}

// Adds the outgoing facts of `subject` to `snapshot`.
absl::Status ReadSubject(kg::v1::GraphService::Stub& stub,
                         const std::string& subject, absl::Duration timeout,
                         StoreSnapshot& snapshot) {
  grpc::ClientContext context;
  SetTimeout(context, timeout);
  kg::v1::GetEntityRequest request;
  request.set_name(subject);
  kg::v1::GetEntityResponse response;
  const grpc::Status status = stub.GetEntity(&context, request, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    return absl::OkStatus();
  }
  if (!status.ok()) return Annotate(status, "GetEntity " + subject);
  for (const kg::v1::Fact& fact : response.outgoing()) {
    if (fact.subject() != subject) {
      return absl::InternalError(absl::StrCat("GetEntity ", subject,
                                              " returned a fact of ",
                                              fact.subject()));
    }
    snapshot.AddFact(fact);
  }
  return absl::OkStatus();
}

absl::Status ReadStats(kg::v1::GraphService::Stub& stub,
                       absl::Duration timeout, StoreSnapshot& snapshot) {
  grpc::ClientContext context;
  SetTimeout(context, timeout);
  kg::v1::GetStatsResponse response;
  const grpc::Status status =
      stub.GetStats(&context, kg::v1::GetStatsRequest(), &response);
  if (!status.ok()) return Annotate(status, "GetStats");
  snapshot.stats_facts = response.facts();
  snapshot.stats_evidence = response.evidence();
  snapshot.stats_documents = response.documents();
  return absl::OkStatus();
}

}  // namespace

std::unique_ptr<kg::v1::GraphService::Stub> NewGraphStub(
    const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  return kg::v1::GraphService::NewStub(grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), args));
}

absl::StatusOr<StoreSnapshot> ReadSnapshot(
    kg::v1::GraphService::Stub& stub, const std::vector<std::string>& subjects,
    absl::Duration timeout) {
  StoreSnapshot snapshot;
  // Nothing writes while the snapshot is read, so the per-call reads and
  // the counters describe one state.
  for (const std::string& subject : subjects) {
    const absl::Status status = ReadSubject(stub, subject, timeout, snapshot);
    if (!status.ok()) return status;
  }
  const absl::Status status = ReadStats(stub, timeout, snapshot);
  if (!status.ok()) return status;
  return snapshot;
}

absl::StatusOr<kg::v1::IngestResponse> IngestOne(
    kg::v1::GraphService::Stub& stub, const kg::v1::IngestRequest& batch,
    absl::Duration timeout) {
  grpc::ClientContext context;
  SetTimeout(context, timeout);
  auto stream = stub.Ingest(&context);
  kg::v1::IngestResponse response;
  const bool written = stream->Write(batch);
  bool acknowledged =
      written && stream->WritesDone() && stream->Read(&response);
  if (acknowledged) {
    // Drain: the stream must end after the one acknowledgement.
    kg::v1::IngestResponse extra;
    while (stream->Read(&extra)) acknowledged = false;
  }
  const grpc::Status status = stream->Finish();
  if (!status.ok()) return Annotate(status, "Ingest " + batch.document_id());
  if (!acknowledged) {
    return absl::InternalError(absl::StrCat(
        "Ingest ", batch.document_id(),
        ": stream ended OK without exactly one acknowledgement"));
  }
  return response;
}

absl::Status DeleteDocument(kg::v1::GraphService::Stub& stub,
                            const std::string& document_id,
                            absl::Duration timeout) {
  grpc::ClientContext context;
  SetTimeout(context, timeout);
  kg::v1::DeleteDocumentRequest request;
  request.set_document_id(document_id);
  kg::v1::DeleteDocumentResponse response;
  const grpc::Status status = stub.DeleteDocument(&context, request, &response);
  if (status.ok() || status.error_code() == grpc::StatusCode::NOT_FOUND) {
    return absl::OkStatus();
  }
  return Annotate(status, "DeleteDocument " + document_id);
}

}  // namespace kg::crash
