#include "graph_service/graph_service_impl.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/grpc_server.h"
#include "common/grpc_status.h"
#include "graph_service/ack_pipeline.h"
#include "graph_service/bulk_pipeline.h"
#include "graph_service/io/exporter.h"
#include "graph_service/io/importer.h"
#include "graph_service/paths/neighbourhood.h"
#include "graph_service/paths/path_finder.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/temporal/conflicts.h"
#include "graph_service/query/row_sink.h"
#include "graph_service/rules/explain.h"

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

// Applies one batch; returns once it is applied, with the sync ticket to
// await before acknowledging it.
absl::StatusOr<WriteStats> ApplyBatch(rules::RuleMaterializer& store,
                                      const kg::v1::IngestRequest& request) {
  using Ack = rules::RuleMaterializer::Ack;
  std::vector<kg::v1::Fact> facts(request.facts().begin(),
                                  request.facts().end());
  if (request.document_id().empty()) {
    if (!request.content_hash().empty()) {
      return absl::InvalidArgumentError(
          "content_hash needs a document_id: only whole documents can be "
          "recognised as unchanged");
    }
    return store.AddFacts(facts, Ack::kApplied);
  }
  return store.ReplaceDocument(request.document_id(), request.content_hash(),
                               facts, Ack::kApplied);
}

// The caller's deadline or the server's --query_timeout, whichever is sooner.
absl::Time QueryDeadline(const grpc::ServerContext& context,
                         absl::Duration default_timeout) {
  return std::min(CallerDeadline(context), absl::Now() + default_timeout);
}

// A query's DEADLINE_EXCEEDED says which deadline ended it: the caller's,
// or the server's --query_timeout when that came first.
absl::Status NameTheDeadline(absl::Status status,
                             const grpc::ServerContext& context,
                             absl::Duration default_timeout) {
  if (!absl::IsDeadlineExceeded(status)) return status;
  if (CallerDeadline(context) <= absl::Now()) {
    return absl::DeadlineExceededError(
        absl::StrCat(status.message(), ": the caller's deadline passed"));
  }
  return absl::DeadlineExceededError(absl::StrCat(
      status.message(), ": the server's --query_timeout (",
      absl::FormatDuration(default_timeout),
      ") ended it; a query runs until the caller's deadline or this, "
      "whichever comes first"));
}

bool WantsBulk(const grpc::ServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(kIngestModeMetadata);
  return it != metadata.end() &&
         absl::string_view(it->second.data(), it->second.size()) ==
             kIngestModeBulk;
}

absl::Status BatchError(uint64_t batch, const absl::Status& status) {
  return absl::Status(status.code(),
                      absl::StrCat("batch ", batch, ": ", status.message()));
}

}  // namespace

grpc::Status GraphServiceImpl::ToClient(const absl::Status& status) const {
  if (status.ok()) return grpc::Status::OK;
  const std::string message = redactor_.Redact(status.message());
  if (message != status.message()) {
    // The operator still sees where: the full message goes to the log.
    std::fprintf(stderr, "graph_server: %s\n", status.ToString().c_str());
  }
  return ToGrpcStatus(absl::Status(status.code(), message));
}

GraphServiceImpl::GraphServiceImpl(
    GraphStore* store, rules::RuleMaterializer* writer,
    const GraphServiceLimits& limits,
    const std::vector<std::pair<std::string, std::string>>& server_paths,
    std::optional<std::vector<SingleValued>> single_valued)
    : store_(store),
      writer_(writer),
      limits_(limits),
      redactor_(server_paths),
      single_valued_(std::move(single_valued)) {}

grpc::Status GraphServiceImpl::CheckResponseSize(
    const google::protobuf::MessageLite& message, absl::string_view what) const {
  const size_t bytes = message.ByteSizeLong();
  if (bytes <= limits_.max_response_bytes) return grpc::Status::OK;
  return OverResponseBudget(bytes, what);
}

grpc::Status GraphServiceImpl::OverResponseBudget(size_t bytes,
                                                  absl::string_view what) const {
  return grpc::Status(
      grpc::StatusCode::RESOURCE_EXHAUSTED,
      absl::StrCat(what, ": ", bytes, " bytes, over the server's response "
                   "budget of ", limits_.max_response_bytes,
                   " bytes (graph_server --max_response_mb)"));
}

grpc::Status GraphServiceImpl::Ingest(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<kg::v1::IngestResponse, kg::v1::IngestRequest>*
        stream) {
  if (WantsBulk(*context)) return IngestBulk(context, stream);
  // Batches are applied here, in stream order, and acknowledged by the
  // pipeline's thread once durable (never before: see ack_pipeline.h), so
  // that applying batch n+1 overlaps the WAL sync of batch n.
  AckPipeline acks(
      [this](uint64_t ticket) { return writer_->AwaitDurable(ticket); },
      [stream](const kg::v1::IngestResponse& response) {
        return stream->Write(response);
      });
  kg::v1::IngestRequest request;
  for (uint64_t batch = 0; stream->Read(&request); ++batch) {
    absl::StatusOr<WriteStats> stats = ApplyBatch(*writer_, request);
    if (!stats.ok()) {
      // Earlier batches of the stream are acknowledged once durable.
      const absl::Status acked = acks.Finish();
      if (!acked.ok()) return ToClient(acked);
      return ToClient(BatchError(batch, stats.status()));
    }
    if (!acks.Push(stats->sync_ticket, ToIngestResponse(*stats, batch))) break;
  }
  const absl::Status acked = acks.Finish();
  if (!acked.ok()) return ToClient(acked);
  return context->IsCancelled()
             ? grpc::Status(grpc::StatusCode::CANCELLED, "cancelled")
             : grpc::Status::OK;
}

grpc::Status GraphServiceImpl::CheckQuerySize(
    const kg::v1::QueryRequest& request) const {
  if (request.query().size() <= limits_.max_query_bytes) {
    return grpc::Status::OK;
  }
  return InvalidArgument(absl::StrCat("query is ", request.query().size(),
                                      " bytes; the limit is ",
                                      limits_.max_query_bytes));
}

grpc::Status GraphServiceImpl::PlanQuery(grpc::ServerContext* context,
                                         const kg::v1::QueryRequest* request,
                                         kg::v1::QueryPlan* response) {
  if (grpc::Status size = CheckQuerySize(*request); !size.ok()) return size;
  absl::StatusOr<kg::v1::QueryPlan> plan =
      PlanQueryText(*store_, request->query());
  if (!plan.ok()) return ToClient(plan.status());
  *response = *std::move(plan);
  return grpc::Status::OK;
}

QueryOptions GraphServiceImpl::OptionsFor(
    const grpc::ServerContext& context,
    const kg::v1::QueryRequest& request) const {
  QueryOptions options;
  options.limit = request.limit();
  options.default_limit = limits_.default_row_limit;
  options.max_rows = limits_.max_row_limit;
  options.with_evidence = request.with_evidence();
  options.deadline = QueryDeadline(context, limits_.default_query_timeout);
  options.prune_non_entity_subjects = limits_.prune_non_entity_subjects;
  return options;
}

grpc::Status GraphServiceImpl::StreamQuery(
    grpc::ServerContext& context, const kg::v1::QueryRequest& request,
    const std::function<bool(kg::v1::QueryRow)>& emit) const {
  if (grpc::Status size = CheckQuerySize(request); !size.ok()) return size;
  bool client_gone = false;
  bool truncated = false;
  // One row is held back, so that the last one can say `truncated`.
  std::optional<kg::v1::QueryRow> held;
  const absl::Status status = ExecuteQuery(
      *store_, request.query(), OptionsFor(context, request),
      [&](kg::v1::QueryRow row) {
        if (held.has_value()) client_gone = !emit(*std::move(held));
        held = std::move(row);
        return !client_gone;
      },
      &truncated);
  if (!client_gone && held.has_value()) {
    held->set_truncated(truncated);
    client_gone = !emit(*std::move(held));
  }
  if (client_gone) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  return ToClient(
      NameTheDeadline(status, context, limits_.default_query_timeout));
}

grpc::Status GraphServiceImpl::Query(grpc::ServerContext* context,
                                     const kg::v1::QueryRequest* request,
                                     grpc::ServerWriter<kg::v1::QueryRow>* writer) {
  // One message per row. (A buffer hint on row writes would coalesce them,
  // but a sync-API write with the hint does not complete until a later
  // flush: it deadlocks. QueryBatches is the fast path.)
  grpc::Status oversized;
  grpc::Status status = StreamQuery(
      *context, *request, [&](kg::v1::QueryRow row) {
        oversized = CheckResponseSize(row, "a row of the answer");
        return oversized.ok() && !context->IsCancelled() && writer->Write(row);
      });
  return oversized.ok() ? status : oversized;
}

grpc::Status GraphServiceImpl::QueryBatches(
    grpc::ServerContext* context, const kg::v1::QueryRequest* request,
    grpc::ServerWriter<kg::v1::QueryRowBatch>* writer) {
  // Cancellation is checked per batch: IsCancelled() locks a mutex shared
  // with gRPC's threads, and once per row in a loop that does not block on
  // a write per row, it kept the handler in futex calls (measured: 2.5× the
  // server CPU of the whole query). The last batch goes out with the status
  // (WriteLast): a one-batch answer costs one transport write, like a unary
  // call.
  RowBatchLimits batch_limits = limits_.query_batch;
  batch_limits.max_message_bytes = limits_.max_response_bytes;
  RowBatcher batcher(
      batch_limits,
      [context, writer](const kg::v1::QueryRowBatch& batch, bool last) {
        if (context->IsCancelled()) return false;
        grpc::WriteOptions options;
        if (last) options.set_last_message();
        return writer->Write(batch, options);
      });
  if (grpc::Status size = CheckQuerySize(*request); !size.ok()) return size;
  // Rows are built in place in the batch being filled (query/row_sink.h).
  RowSinkRef<RowBatcher> sink(&batcher);
  bool truncated = false;
  const absl::Status status = ExecuteQuery(
      *store_, request->query(), OptionsFor(*context, *request), &sink,
      &truncated);
  const bool client_gone = batcher.failed();
  // Rows found before a failure go out ahead of its status, as Query's do.
  const bool flushed = batcher.Finish(status.ok() && truncated);
  if (batcher.refused_bytes() > 0) {
    return OverResponseBudget(batcher.refused_bytes(),
                              "a batch of the answer's rows");
  }
  if (client_gone || (status.ok() && !flushed)) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  return ToClient(
      NameTheDeadline(status, *context, limits_.default_query_timeout));
}

grpc::Status GraphServiceImpl::GetEntity(grpc::ServerContext* context,
                                         const kg::v1::GetEntityRequest* request,
                                         kg::v1::GetEntityResponse* response) {
  if (request->name().empty()) return InvalidArgument("name is empty");
  absl::StatusOr<kg::v1::GetEntityResponse> entity =
      DescribeEntity(*store_, request->name());
  if (!entity.ok()) return ToClient(entity.status());
  *response = *std::move(entity);
  return CheckResponseSize(*response, "the entity's facts");
}

grpc::Status GraphServiceImpl::DeleteDocument(
    grpc::ServerContext* context, const kg::v1::DeleteDocumentRequest* request,
    kg::v1::DeleteDocumentResponse* response) {
  if (request->document_id().empty()) {
    return InvalidArgument("document_id is empty");
  }
  absl::StatusOr<WriteStats> stats =
      writer_->DeleteDocument(request->document_id());
  if (!stats.ok()) return ToClient(stats.status());
  response->set_evidence_removed(stats->evidence_removed);
  response->set_facts_retracted(stats->facts_retracted);
  return grpc::Status::OK;
}

grpc::Status GraphServiceImpl::GetStats(grpc::ServerContext* context,
                                        const kg::v1::GetStatsRequest* request,
                                        kg::v1::GetStatsResponse* response) {
  absl::StatusOr<StoreStats> stats = store_->GetStats();
  if (!stats.ok()) return ToClient(stats.status());
  response->set_facts(stats->facts);
  response->set_evidence(stats->evidence);
  response->set_documents(stats->documents);
  response->set_terms(stats->terms);
  response->set_history_records(stats->history_records);
  response->set_history_complete_from_micros(
      stats->history_complete_from_micros);
  for (const auto& [predicate, count] : stats->facts_per_predicate) {
    kg::v1::PredicateCount* entry = response->add_predicates();
    entry->set_predicate(predicate);
    entry->set_facts(count);
  }
  kg::v1::StoreMemory* memory = response->mutable_memory();
  memory->set_budget_bytes(stats->memory.budget_bytes);
  memory->set_cache_bytes(stats->memory.cache_bytes);
  memory->set_memtable_bytes(stats->memory.memtable_bytes);
  memory->set_table_reader_bytes(stats->memory.table_reader_bytes);
  memory->set_term_cache_bytes(stats->memory.term_cache_bytes);
  memory->set_term_cache_budget_bytes(stats->memory.term_cache_budget_bytes);
  return grpc::Status::OK;
}

grpc::Status GraphServiceImpl::IngestBulk(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<kg::v1::IngestResponse, kg::v1::IngestRequest>*
        stream) {
  BulkPipeline pipeline(
      [this](std::vector<kg::v1::Fact> facts) {
        return writer_->BulkAddFacts(std::move(facts));
      },
      [stream](const kg::v1::IngestResponse& ack) { return stream->Write(ack); },
      limits_.bulk_chunk_facts);
  kg::v1::IngestRequest request;
  for (uint64_t batch = 0; stream->Read(&request); ++batch) {
    if (!request.document_id().empty() || !request.content_hash().empty()) {
      const absl::Status written = pipeline.Finish();
      if (!written.ok()) return ToClient(written);
      return ToClient(BatchError(
          batch, absl::InvalidArgumentError(
                     "bulk ingest takes batches without document_id and "
                     "content_hash (facts name their own documents)")));
    }
    if (!pipeline.Push(request.mutable_facts())) break;
  }
  const absl::Status written = pipeline.Finish();
  if (!written.ok()) return ToClient(written);
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
  }
  return grpc::Status::OK;
}

grpc::Status GraphServiceImpl::ListDocuments(
    grpc::ServerContext* context, const kg::v1::ListDocumentsRequest* request,
    kg::v1::ListDocumentsResponse* response) {
  absl::StatusOr<std::vector<DocumentInfo>> documents =
      store_->ListDocumentInfo();
  if (!documents.ok()) return ToClient(documents.status());
  for (const DocumentInfo& info : *documents) {
    kg::v1::DocumentInfo* out = response->add_documents();
    out->set_document_id(info.document_id);
    out->set_content_hash(info.content_hash);
    out->set_evidence(info.evidence);
  }
  return CheckResponseSize(*response, "the document list");
}

grpc::Status GraphServiceImpl::FindPath(grpc::ServerContext* context,
                                        const kg::v1::FindPathRequest* request,
                                        kg::v1::FindPathResponse* response) {
  PathOptions options;
  options.max_hops = request->max_hops();
  options.evidence_per_fact = request->evidence_per_fact();
  options.predicates.assign(request->predicates().begin(),
                            request->predicates().end());
  options.limits.deadline =
      QueryDeadline(*context, limits_.default_query_timeout);
  options.limits.max_visited = limits_.max_path_visited;
  absl::StatusOr<kg::v1::FindPathResponse> path =
      kg::graph::FindPath(*store_, request->from(), request->to(), options);
  if (!path.ok()) return ToClient(path.status());
  *response = *std::move(path);
  return CheckResponseSize(*response, "the path's facts");
}

grpc::Status GraphServiceImpl::GetNeighbourhood(
    grpc::ServerContext* context, const kg::v1::GetNeighbourhoodRequest* request,
    kg::v1::GetNeighbourhoodResponse* response) {
  NeighbourhoodOptions options;
  options.hops = request->hops();
  options.limit = request->limit();
  options.evidence_per_fact = request->evidence_per_fact();
  options.predicates.assign(request->predicates().begin(),
                            request->predicates().end());
  options.limits.deadline =
      QueryDeadline(*context, limits_.default_query_timeout);
  options.limits.max_visited = limits_.max_path_visited;
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> found =
      kg::graph::GetNeighbourhood(*store_, request->name(), options);
  if (!found.ok()) return ToClient(found.status());
  *response = *std::move(found);
  return CheckResponseSize(
      *response,
      "the neighbourhood (ask for a lower limit or evidence_per_fact)");
}

grpc::Status GraphServiceImpl::Explain(grpc::ServerContext* context,
                                       const kg::v1::ExplainRequest* request,
                                       kg::v1::ExplainResponse* response) {
  if (!request->has_fact()) return InvalidArgument("fact is not set");
  absl::StatusOr<kg::v1::Derivation> tree =
      rules::Explain(*store_, request->fact());
  if (!tree.ok()) return ToClient(tree.status());
  *response->mutable_root() = *std::move(tree);
  return CheckResponseSize(*response, "the derivation tree");
}

grpc::Status GraphServiceImpl::Conflicts(
    grpc::ServerContext* context, const kg::v1::ConflictsRequest* request,
    kg::v1::ConflictsResponse* response) {
  if (!single_valued_.has_value()) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "the graph server runs without a schema of "
                        "single-valued predicates (--schema=none)");
  }
  ConflictOptions options;
  options.entity = request->entity();
  options.limit = request->limit();
  options.deadline = QueryDeadline(*context, limits_.default_query_timeout);
  absl::StatusOr<kg::v1::ConflictsResponse> found =
      FindConflicts(*store_, *single_valued_, options);
  if (!found.ok()) return ToClient(found.status());
  *response = *std::move(found);
  return CheckResponseSize(*response, "the conflicts (ask for a lower limit)");
}

grpc::Status GraphServiceImpl::Export(
    grpc::ServerContext* context, const kg::v1::ExportRequest* request,
    grpc::ServerWriter<kg::v1::ExportChunk>* writer) {
  io::ExportOptions options;
  options.format = request->format();
  options.deadline = CallerDeadline(*context);
  kg::v1::ExportChunk chunk;
  return ToClient(io::ExportStore(
      *store_, options, [&](absl::string_view data) {
        chunk.set_data(std::string(data));
        return !context->IsCancelled() && writer->Write(chunk);
      }));
}

grpc::Status GraphServiceImpl::Import(
    grpc::ServerContext* context, grpc::ServerReader<kg::v1::ImportChunk>* reader,
    kg::v1::ImportResponse* response) {
  kg::v1::ImportChunk chunk;
  if (!reader->Read(&chunk)) return InvalidArgument("no data to import");
  // Bulk: large batches written as table files (docs/api.md).
  const bool bulk = WantsBulk(*context);
  io::Importer importer(
      chunk.format(),
      [this, bulk](std::vector<kg::v1::Fact> facts) {
        return bulk ? writer_->BulkImportFacts(std::move(facts))
                    : writer_->ImportFacts(facts);
      },
      bulk ? limits_.bulk_chunk_facts : io::kImportBatchFacts);
  do {
    const absl::Status fed = importer.Feed(chunk.data());
    if (!fed.ok()) return ToClient(fed);
  } while (reader->Read(&chunk));
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
  }
  absl::StatusOr<io::ImportStats> stats = importer.Finish();
  if (!stats.ok()) return ToClient(stats.status());
  response->set_facts_received(stats->facts_received);
  response->set_facts_new(stats->facts_new);
  response->set_evidence_new(stats->evidence_new);
  return grpc::Status::OK;
}

}  // namespace kg::graph
