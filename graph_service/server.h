// A running graph service: the RocksDB store, the gRPC shell over it and the
// gRPC server, owned together. Used by main.cc and by end-to-end tests.
#ifndef KG_GRAPH_SERVICE_SERVER_H_
#define KG_GRAPH_SERVICE_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/grpc_server.h"
#include "graph_service/graph_service_impl.h"
#include "graph_service/admin/graph_admin.h"
#include "graph_service/rules/rule_materializer.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "graph_service/temporal/history_retention.h"

namespace kg::graph {

struct GraphServerOptions {
  GrpcServerOptions grpc;
  // RocksDB directory; created when missing.
  std::string db_path;
  // Sync the WAL before acknowledging a batch. Turning this off trades the
  // durability of acknowledged facts for speed; only benchmarks do.
  bool sync_writes = true;
  // Rules file (docs/rules.md) materialised on every write; empty: none.
  std::string rules_path;
  // Schema of single-valued predicates (graph_service/temporal/
  // single_valued.h) the Conflicts RPC answers from; empty: none (Conflicts
  // is then FAILED_PRECONDITION).
  std::string schema_path;
  // Where the admin Backup RPC writes checkpoints; empty: backups off.
  std::string backup_dir;
  // Bounds of the store's memory (RocksDbGraphStoreOptions).
  size_t memory_budget_bytes = RocksDbGraphStoreOptions().memory_budget_bytes;
  size_t term_cache_bytes = RocksDbGraphStoreOptions().term_cache_bytes;
  GraphServiceLimits limits;
  // Retracted evidence older than this is purged from the history
  // (HistoryRetention); InfiniteDuration keeps it all.
  absl::Duration history_retention = absl::Hours(24 * 365);
  absl::Duration history_purge_period = absl::Hours(1);
};

class GraphServer {
 public:
  // Loads the rules and the schema, opens the store and starts serving.
  // InvalidArgument / NotFound for a bad or missing rules or schema file; FailedPrecondition /
  // Unavailable when the database cannot be opened or the port bound.
  static absl::StatusOr<std::unique_ptr<GraphServer>> Start(
      const GraphServerOptions& options);

  ~GraphServer();

  int port() const { return port_; }
  // Rules loaded from rules_path.
  size_t rule_count() const { return writer_->engine().rules().size(); }

  // Stops accepting calls, lets in-flight ones finish within `grace`, then
  // closes the store. Idempotent.
  void Shutdown(absl::Duration grace = absl::Seconds(5));

  // Blocks until Shutdown has been called.
  void Wait();

 private:
  GraphServer() = default;

  std::unique_ptr<GraphStore> store_;
  std::unique_ptr<rules::RuleMaterializer> writer_;
  std::unique_ptr<GraphServiceImpl> service_;
  std::unique_ptr<admin::GraphAdmin> admin_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<HistoryRetention> retention_;
  int port_ = 0;
  bool shut_down_ = false;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_SERVER_H_
