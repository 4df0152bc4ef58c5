#include "graph_service/graph_service_impl.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "graph_service/query/query_engine.h"

namespace kg::graph {
namespace {

grpc::Status InvalidArgument(const std::string& message) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message);
}

kg::v1::IngestResponse ToIngestResponse(const WriteStats& stats,
                                        uint64_t batch_index) {
  kg::v1::IngestResponse response;
  response.set_batch_index(batch_index);
  response.set_facts_received(stats.facts_received);
  response.set_facts_new(stats.facts_new);
  response.set_evidence_new(stats.evidence_new);
  response.set_facts_retracted(stats.facts_retracted);
  response.set_unchanged(stats.unchanged);
  return response;
}

absl::StatusOr<WriteStats> ApplyBatch(GraphStore& store,
                                      const kg::v1::IngestRequest& request) {
  std::vector<kg::v1::Fact> facts(request.facts().begin(),
                                  request.facts().end());
  if (request.document_id().empty()) {
    if (!request.content_hash().empty()) {
      return absl::InvalidArgumentError(
          "content_hash needs a document_id: only whole documents can be "
          "recognised as unchanged");
    }
    return store.AddFacts(facts);
  }
  return store.ReplaceDocument(request.document_id(), request.content_hash(),
                               facts);
}

// The caller's deadline, capped by the server's own default when it set none.
absl::Time QueryDeadline(const grpc::ServerContext& context,
                         absl::Duration default_timeout) {
  const absl::Time fallback = absl::Now() + default_timeout;
  const auto client = context.deadline();
  if (client == std::chrono::system_clock::time_point::max()) return fallback;
  return std::min(absl::FromChrono(client), fallback);
}

}  // namespace

GraphServiceImpl::GraphServiceImpl(GraphStore* store,
                                   const GraphServiceLimits& limits)
    : store_(store), limits_(limits) {}

grpc::Status GraphServiceImpl::Ingest(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<kg::v1::IngestResponse, kg::v1::IngestRequest>*
        stream) {
  kg::v1::IngestRequest request;
  for (uint64_t batch = 0; stream->Read(&request); ++batch) {
    absl::StatusOr<WriteStats> stats = ApplyBatch(*store_, request);
    if (!stats.ok()) {
      // Earlier batches of the stream were acknowledged and stay durable.
      return ToGrpcStatus(absl::Status(
          stats.status().code(),
          absl::StrCat("batch ", batch, ": ", stats.status().message())));
    }
    if (!stream->Write(ToIngestResponse(*stats, batch))) {
      return grpc::Status(grpc::StatusCode::CANCELLED,
                          "client went away before its acknowledgement");
    }
  }
  return context->IsCancelled()
             ? grpc::Status(grpc::StatusCode::CANCELLED, "cancelled")
             : grpc::Status::OK;
}

grpc::Status GraphServiceImpl::Query(grpc::ServerContext* context,
                                     const kg::v1::QueryRequest* request,
                                     grpc::ServerWriter<kg::v1::QueryRow>* writer) {
  if (request->query().size() > limits_.max_query_bytes) {
    return InvalidArgument(absl::StrCat("query is ", request->query().size(),
                                        " bytes; the limit is ",
                                        limits_.max_query_bytes));
  }
  QueryOptions options;
  options.limit = request->limit() == 0 ? limits_.default_row_limit
                                        : request->limit();
  options.max_rows = limits_.max_row_limit;
  options.with_evidence = request->with_evidence();
  options.deadline = QueryDeadline(*context, limits_.default_query_timeout);
  bool client_gone = false;
  const absl::Status status = ExecuteQuery(
      *store_, request->query(), options, [&](kg::v1::QueryRow row) {
        client_gone = context->IsCancelled() || !writer->Write(row);
        return !client_gone;
      });
  if (client_gone) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  return ToGrpcStatus(status);
}

grpc::Status GraphServiceImpl::GetEntity(grpc::ServerContext* context,
                                         const kg::v1::GetEntityRequest* request,
                                         kg::v1::GetEntityResponse* response) {
  if (request->name().empty()) return InvalidArgument("name is empty");
  absl::StatusOr<kg::v1::GetEntityResponse> entity =
      DescribeEntity(*store_, request->name());
  if (!entity.ok()) return ToGrpcStatus(entity.status());
  *response = *std::move(entity);
  return grpc::Status::OK;
}

grpc::Status GraphServiceImpl::DeleteDocument(
    grpc::ServerContext* context, const kg::v1::DeleteDocumentRequest* request,
    kg::v1::DeleteDocumentResponse* response) {
  if (request->document_id().empty()) {
    return InvalidArgument("document_id is empty");
  }
  absl::StatusOr<WriteStats> stats =
      store_->DeleteDocument(request->document_id());
  if (!stats.ok()) return ToGrpcStatus(stats.status());
  response->set_evidence_removed(stats->evidence_removed);
  response->set_facts_retracted(stats->facts_retracted);
  return grpc::Status::OK;
}

grpc::Status GraphServiceImpl::GetStats(grpc::ServerContext* context,
                                        const kg::v1::GetStatsRequest* request,
                                        kg::v1::GetStatsResponse* response) {
  absl::StatusOr<StoreStats> stats = store_->GetStats();
  if (!stats.ok()) return ToGrpcStatus(stats.status());
  response->set_facts(stats->facts);
  response->set_evidence(stats->evidence);
  response->set_documents(stats->documents);
  response->set_terms(stats->terms);
  for (const auto& [predicate, count] : stats->facts_per_predicate) {
    kg::v1::PredicateCount* entry = response->add_predicates();
    entry->set_predicate(predicate);
    entry->set_facts(count);
  }
  return grpc::Status::OK;
}

}  // namespace kg::graph
