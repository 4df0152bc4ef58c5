#include "graph_service/server.h"

#include <cstdio>
#include <string>
#include <utility>

#include "graph_service/rules/rule_engine.h"
#include "graph_service/rules/rule_parser.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "graph_service/temporal/single_valued.h"

namespace kg::graph {

absl::StatusOr<std::unique_ptr<GraphServer>> GraphServer::Start(
    const GraphServerOptions& options) {
  if (options.db_path.empty()) {
    return absl::InvalidArgumentError("db_path is empty");
  }
  std::vector<rules::Rule> rule_list;
  if (!options.rules_path.empty()) {
    absl::StatusOr<std::vector<rules::Rule>> loaded =
        rules::LoadRulesFile(options.rules_path);
    if (!loaded.ok()) return loaded.status();
    rule_list = *std::move(loaded);
  }
  std::optional<std::vector<SingleValued>> single_valued;
  if (!options.schema_path.empty()) {
    absl::StatusOr<std::vector<SingleValued>> loaded =
        LoadSingleValued(options.schema_path);
    if (!loaded.ok()) return loaded.status();
    single_valued = *std::move(loaded);
  }
  RocksDbGraphStoreOptions store_options;
  store_options.path = options.db_path;
  store_options.sync_writes = options.sync_writes;
  store_options.memory_budget_bytes = options.memory_budget_bytes;
  store_options.term_cache_bytes = options.term_cache_bytes;
  // Every write of the service goes through the RuleMaterializer, which
  // awaits each sync ticket before reporting a write (Ingest: before its
  // acknowledgement, see ack_pipeline.h) — group commit, never weaker than
  // "acknowledged = WAL synced".
  store_options.defer_sync = true;
  absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> store =
      RocksDbGraphStore::Open(store_options);
  if (!store.ok()) return store.status();
  if ((*store)->migrated_from_schema1()) {
    std::printf("graph_server: migrated %s from store schema 1 to %s; "
                "history is kept from now on\n",
                options.db_path.c_str(),
                std::string(RocksDbGraphStore::SchemaVersion()).c_str());
  }

  std::unique_ptr<GraphServer> graph_server(new GraphServer());
  // Checkpoints only read through the handle; writes go through the store.
  graph_server->admin_ =
      std::make_unique<admin::GraphAdmin>((*store)->db(), options.backup_dir);
  graph_server->store_ = *std::move(store);
  graph_server->writer_ = std::make_unique<rules::RuleMaterializer>(
      graph_server->store_.get(), rules::RuleEngine(std::move(rule_list)));
  graph_server->service_ = std::make_unique<GraphServiceImpl>(
      graph_server->store_.get(), graph_server->writer_.get(), options.limits,
      std::vector<std::pair<std::string, std::string>>{
          {options.db_path, "<store>"}, {options.backup_dir, "<backup dir>"}},
      std::move(single_valued));
  absl::StatusOr<RunningGrpcServer> running =
      StartGrpcServer(options.grpc, {graph_server->service_.get(),
                                     graph_server->admin_->service()});
  if (!running.ok()) return running.status();
  graph_server->server_ = std::move(running->server);
  graph_server->port_ = running->port;
  graph_server->retention_ = std::make_unique<HistoryRetention>(
      graph_server->store_.get(), options.history_retention,
      options.history_purge_period, [](const std::string& line) {
        std::printf("graph_server: %s\n", line.c_str());
        std::fflush(stdout);
      });
  return graph_server;
}

GraphServer::~GraphServer() { Shutdown(absl::ZeroDuration()); }

void GraphServer::Shutdown(absl::Duration grace) {
  if (shut_down_) return;
  shut_down_ = true;
  if (server_ == nullptr) return;  // Start failed before the server ran.
  ShutdownGracefully(*server_, grace);
  server_->Wait();
  retention_.reset();  // Before the store closes.
}

void GraphServer::Wait() { server_->Wait(); }

}  // namespace kg::graph
