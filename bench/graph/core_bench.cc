// core_bench: the graph core in-process — RocksDbGraphStore and the query
// engine, no gRPC — on a store a graph_server built (run.sh runs it on the
// bulk-loaded 1M store once the server has stopped), for like-with-like
// comparison with Oxigraph and Kùzu in-process. Prints one JSON line per
// query shape, as graph_bench does, with "system":"<label>" (default
// ours_inprocess).
//
//   core_bench --db_path=DIR --queries=queries.tsv [--repeat=3]
//
// Each query is run --repeat times after one warm-up pass, every row read
// (limit 1,000,000), with the same memory budget and term cache as run.sh
// gives the server.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "bench/graph/query_set.h"
#include "bench/graph/shape_timing.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/store/rocksdb_graph_store.h"

ABSL_FLAG(std::string, db_path, "", "A store built by graph_server (not in use).");
ABSL_FLAG(std::string, queries, "", "The queries.tsv of gen_facts.");
ABSL_FLAG(int, repeat, 3, "Passes over the queries (1 warm-up more).");
ABSL_FLAG(std::string, label, "ours_inprocess", "Tag for the JSON lines.");
ABSL_FLAG(int, memory_budget_mb, 1024, "As graph_server --memory_budget_mb.");
ABSL_FLAG(int, term_cache_mb, 256, "As graph_server --term_cache_mb.");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  kg::graph::RocksDbGraphStoreOptions options;
  options.path = absl::GetFlag(FLAGS_db_path);
  options.memory_budget_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_memory_budget_mb)) << 20;
  options.term_cache_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_term_cache_mb)) << 20;
  auto store = kg::graph::RocksDbGraphStore::Open(options);
  if (!store.ok()) {
    std::fprintf(stderr, "core_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto queries = kg::bench::ReadQueryFile(absl::GetFlag(FLAGS_queries));
  if (!queries.ok()) {
    std::fprintf(stderr, "core_bench: %s\n", queries.status().ToString().c_str());
    return 1;
  }
  kg::graph::QueryOptions query_options;
  query_options.limit = 1000000;
  query_options.max_rows = 1000000;
  const int failures = kg::bench::TimeQueryShapes(
      *queries, absl::GetFlag(FLAGS_repeat), absl::GetFlag(FLAGS_label), "none",
      [&](const std::string& text) -> long {
        long rows = 0;
        const absl::Status status = kg::graph::ExecuteQuery(
            **store, text, query_options, [&rows](kg::v1::QueryRow) {
              ++rows;
              return true;
            });
        if (status.ok()) return rows;
        std::fprintf(stderr, "core_bench: %s: %s\n", text.c_str(),
                     status.ToString().c_str());
        return -1;
      });
  return failures == 0 ? 0 : 1;
}
