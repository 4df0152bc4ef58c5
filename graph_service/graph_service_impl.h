// The gRPC face of the graph service. Thin by design: each method validates
// its request, calls the store or query core, and maps absl::Status to
// grpc::Status. No business rules live here.
#ifndef KG_GRAPH_SERVICE_GRAPH_SERVICE_IMPL_H_
#define KG_GRAPH_SERVICE_GRAPH_SERVICE_IMPL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "common/path_redactor.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/row_batcher.h"
#include "graph_service/rules/rule_materializer.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/temporal/single_valued.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::graph {

struct GraphServiceLimits {
  // Queries longer than this are refused (InvalidArgument).
  uint32_t max_query_bytes = 64 * 1024;
  // Rows returned when the request sets no limit.
  uint32_t default_row_limit = 10000;
  // Hard cap on rows whatever the request asks.
  uint32_t max_row_limit = 1000000;
  // When QueryBatches sends a batch of rows.
  RowBatchLimits query_batch;
  // Longest a query may run; the caller's deadline ends it sooner.
  absl::Duration default_query_timeout = absl::Seconds(30);
  // Entities a FindPath / GetNeighbourhood may visit (ResourceExhausted).
  uint64_t max_path_visited = 200000;
  // Skip scans whose subject is bound to a non-entity value
  // (QueryOptions::prune_non_entity_subjects): a win while the term cache
  // holds the dictionary.
  bool prune_non_entity_subjects = true;
  // Bulk ingest (client metadata "kg-ingest-mode: bulk"): batches are
  // buffered and written together once they hold this many facts.
  size_t bulk_chunk_facts = 100000;
  // Largest message the server sends: a unary answer, or one streamed row
  // or batch, over it is refused with RESOURCE_EXHAUSTED naming the size,
  // the budget and the flag. Protobuf cannot serialise 2 GB (it aborts the
  // process), and clients' receive limits are far lower.
  size_t max_response_bytes = size_t{64} << 20;
};

// Client metadata key and value that select the bulk ingest path.
inline constexpr char kIngestModeMetadata[] = "kg-ingest-mode";
inline constexpr char kIngestModeBulk[] = "bulk";

class GraphServiceImpl final : public kg::v1::GraphService::Service {
 public:
  // `store` and `writer` (the rule-maintaining write path over `store`)
  // are not owned and must outlive the service.
  // `server_paths` are (path, label) pairs, e.g. (the store's folder,
  // "<store>"): a client-visible error message never shows the server's
  // paths (RocksDB names its files); the full message goes to stderr.
  // `single_valued` is the schema Conflicts answers from; without one
  // (nullopt) Conflicts is FAILED_PRECONDITION.
  GraphServiceImpl(GraphStore* store, rules::RuleMaterializer* writer,
                   const GraphServiceLimits& limits,
                   const std::vector<std::pair<std::string, std::string>>&
                       server_paths = {},
                   std::optional<std::vector<SingleValued>> single_valued =
                       std::nullopt);

  grpc::Status Ingest(grpc::ServerContext* context,
                      grpc::ServerReaderWriter<kg::v1::IngestResponse,
                                               kg::v1::IngestRequest>* stream)
      override;
  grpc::Status Query(grpc::ServerContext* context,
                     const kg::v1::QueryRequest* request,
                     grpc::ServerWriter<kg::v1::QueryRow>* writer) override;
  // Query's rows, in order, grouped into QueryRowBatch messages.
  grpc::Status QueryBatches(
      grpc::ServerContext* context, const kg::v1::QueryRequest* request,
      grpc::ServerWriter<kg::v1::QueryRowBatch>* writer) override;
  grpc::Status PlanQuery(grpc::ServerContext* context,
                         const kg::v1::QueryRequest* request,
                         kg::v1::QueryPlan* response) override;
  grpc::Status GetEntity(grpc::ServerContext* context,
                         const kg::v1::GetEntityRequest* request,
                         kg::v1::GetEntityResponse* response) override;
  grpc::Status DeleteDocument(grpc::ServerContext* context,
                              const kg::v1::DeleteDocumentRequest* request,
                              kg::v1::DeleteDocumentResponse* response) override;
  grpc::Status GetStats(grpc::ServerContext* context,
                        const kg::v1::GetStatsRequest* request,
                        kg::v1::GetStatsResponse* response) override;
  grpc::Status ListDocuments(grpc::ServerContext* context,
                             const kg::v1::ListDocumentsRequest* request,
                             kg::v1::ListDocumentsResponse* response) override;
  grpc::Status FindPath(grpc::ServerContext* context,
                        const kg::v1::FindPathRequest* request,
                        kg::v1::FindPathResponse* response) override;
  grpc::Status GetNeighbourhood(
      grpc::ServerContext* context,
      const kg::v1::GetNeighbourhoodRequest* request,
      kg::v1::GetNeighbourhoodResponse* response) override;
  grpc::Status Explain(grpc::ServerContext* context,
                       const kg::v1::ExplainRequest* request,
                       kg::v1::ExplainResponse* response) override;
  grpc::Status Conflicts(grpc::ServerContext* context,
                         const kg::v1::ConflictsRequest* request,
                         kg::v1::ConflictsResponse* response) override;
  grpc::Status Export(grpc::ServerContext* context,
                      const kg::v1::ExportRequest* request,
                      grpc::ServerWriter<kg::v1::ExportChunk>* writer) override;
  grpc::Status Import(grpc::ServerContext* context,
                      grpc::ServerReader<kg::v1::ImportChunk>* reader,
                      kg::v1::ImportResponse* response) override;

 private:
  // InvalidArgument when the query text is over limits_.max_query_bytes.
  grpc::Status CheckQuerySize(const kg::v1::QueryRequest& request) const;

  // ToGrpcStatus with the server's paths replaced by their labels.
  grpc::Status ToClient(const absl::Status& status) const;
  // RESOURCE_EXHAUSTED when `message` (`what`, e.g. "the entity's facts")
  // is larger than limits_.max_response_bytes; OK otherwise.
  grpc::Status CheckResponseSize(const google::protobuf::MessageLite& message,
                                 absl::string_view what) const;
  // The RESOURCE_EXHAUSTED of a `bytes`-long `what` over the budget.
  grpc::Status OverResponseBudget(size_t bytes, absl::string_view what) const;
  // The request's row limit and the caller's deadline, within limits_.
  QueryOptions OptionsFor(const grpc::ServerContext& context,
                          const kg::v1::QueryRequest& request) const;

  // Query's loop: checks the request, runs its query and hands each row to
  // `emit`, which returns false when the row could not be sent or the
  // client is gone (checking that is up to `emit`). Returns the status to
  // finish the call with (CANCELLED once a row was refused).
  grpc::Status StreamQuery(
      grpc::ServerContext& context, const kg::v1::QueryRequest& request,
      const std::function<bool(kg::v1::QueryRow)>& emit) const;

  // The bulk variant of Ingest: see docs/api.md.
  grpc::Status IngestBulk(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<kg::v1::IngestResponse, kg::v1::IngestRequest>*
          stream);

  GraphStore* const store_;
  rules::RuleMaterializer* const writer_;
  const GraphServiceLimits limits_;
  const PathRedactor redactor_;
  const std::optional<std::vector<SingleValued>> single_valued_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_GRAPH_SERVICE_IMPL_H_
