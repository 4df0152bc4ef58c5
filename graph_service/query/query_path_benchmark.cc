// query_path_benchmark: the server-side CPU cost of answering queries, per
// query and per row, without gRPC: ExecuteQuery on a RocksDB store (e.g.
// one a graph_server loaded; stop that server first, RocksDB takes a lock),
// rows grouped into QueryRowBatch messages as QueryBatches groups them
// (1024 rows / 64 KiB) and each batch serialised, as gRPC would.
//
//   query_path_benchmark --db_path=DIR --queries=queries.tsv [--repeat=5]
//                        [--rows=emit|sink] [--prune] [--term_cache_mb=N]
//
// --rows=emit: rows handed over whole (ExecuteQuery's std::function form,
// batched like RowBatcher::Add); sink: built in place in an arena batch
// (the RowSink form, as RowBatcher::StartRow/CommitRow). Prints one JSON
// line per query shape: thread CPU time per query (p50, mean), rows, CPU
// ns per row, and a checksum of the serialised batches (equal checksums:
// byte-identical answers).
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/arena.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "kg/v1/graph.pb.h"
#if __has_include("graph_service/query/row_sink.h")
#include "graph_service/query/row_sink.h"
#define KG_HAVE_ROW_SINK 1
#endif

ABSL_FLAG(std::string, db_path, "", "RocksDB graph store directory.");
ABSL_FLAG(std::string, queries, "", "queries.tsv of bench/graph/gen_facts.");
ABSL_FLAG(int, repeat, 5, "Passes over the queries (1 warm-up more).");
ABSL_FLAG(std::string, rows, "sink", "emit or sink (see the top comment).");
ABSL_FLAG(bool, prune, false,
          "QueryOptions::prune_non_entity_subjects (sink builds only).");
ABSL_FLAG(int, memory_budget_mb, 1024, "Store memory budget, MiB.");
ABSL_FLAG(int, term_cache_mb, 64, "Store term cache, MiB.");

namespace kg::graph {
namespace {

constexpr size_t kMaxRows = 1024;
constexpr size_t kMaxBytes = 64 * 1024;

struct Query {
  std::string shape;
  std::string text;
};

// The query texts of bench/graph/query_set.cc.
std::vector<Query> ReadQueries(const std::string& path) {
  std::vector<Query> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line) && out.size() < 100000) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() < 3) continue;
    std::string text;
    if (f[0] == "subject") text = absl::StrCat("<", f[1], "> ?p ?o");
    if (f[0] == "pred_value") text = absl::StrCat("?s ", f[1], " <", f[2], ">");
    if (f[0] == "join") {
      text = absl::StrCat("<", f[1], "> leads ?y . ?y type Operation");
    }
    if (f[0] == "two_hop") text = absl::StrCat("<", f[1], "> ?p1 ?y . ?y ?p2 ?z");
    if (!text.empty()) out.push_back({f[0], text});
  }
  return out;
}

uint64_t ThreadCpuNanos() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + ts.tv_nsec;
}

// Serialises a sent batch (as gRPC does) and folds it into a checksum.
struct Wire {
  std::string bytes;
  uint64_t checksum = 1469598103934665603ull;
  uint64_t rows = 0;
  void Send(const kg::v1::QueryRowBatch& batch) {
    bytes.clear();
    batch.SerializeToString(&bytes);
    for (unsigned char c : bytes) checksum = (checksum ^ c) * 1099511628211ull;
    rows += batch.rows_size();
  }
};

// RowBatcher::Add as it was: a heap batch, rows moved in.
absl::Status RunEmit(const GraphStore& store, const std::string& text,
                     const QueryOptions& options, Wire* wire) {
  kg::v1::QueryRowBatch batch;
  size_t bytes = 0;
  const absl::Status status =
      ExecuteQuery(store, text, options, [&](kg::v1::QueryRow row) {
        bytes += row.ByteSizeLong();
        *batch.add_rows() = std::move(row);
        if (batch.rows_size() >= static_cast<int>(kMaxRows) ||
            bytes >= kMaxBytes) {
          wire->Send(batch);
          batch.Clear();
          bytes = 0;
        }
        return true;
      });
  if (batch.rows_size() > 0) wire->Send(batch);
  return status;
}

#ifdef KG_HAVE_ROW_SINK
// RowBatcher's in-place form: an arena batch, reset per send.
class ArenaBatches {
 public:
  explicit ArenaBatches(Wire* wire) : wire_(wire), arena_(Options()) {
    New();
  }
  kg::v1::QueryRow* StartRow() { return batch_->add_rows(); }
  bool CommitRow() {
    bytes_ += batch_->rows(batch_->rows_size() - 1).ByteSizeLong();
    if (batch_->rows_size() < static_cast<int>(kMaxRows) && bytes_ < kMaxBytes) {
      return true;
    }
    Send();
    return true;
  }
  void DiscardRow() { batch_->mutable_rows()->RemoveLast(); }
  void Finish() {
    if (batch_->rows_size() > 0) Send();
  }

 private:
  // As RowBatcher's arena.
  static google::protobuf::ArenaOptions Options() {
    google::protobuf::ArenaOptions options;
    options.start_block_size = 4 * 1024;
    options.max_block_size = 64 * 1024;
    return options;
  }
  void New() {
    batch_ = google::protobuf::Arena::CreateMessage<kg::v1::QueryRowBatch>(
        &arena_);
  }
  void Send() {
    wire_->Send(*batch_);
    arena_.Reset();
    New();
    bytes_ = 0;
  }
  Wire* wire_;
  google::protobuf::Arena arena_;
  kg::v1::QueryRowBatch* batch_;
  size_t bytes_ = 0;
};

absl::Status RunSink(const GraphStore& store, const std::string& text,
                     const QueryOptions& options, Wire* wire) {
  ArenaBatches batches(wire);
  RowSinkRef<ArenaBatches> sink(&batches);
  const absl::Status status = ExecuteQuery(store, text, options, &sink);
  batches.Finish();
  return status;
}
#endif

struct ShapeResult {
  std::vector<double> cpu_us;
  uint64_t cpu_ns = 0;
  uint64_t failures = 0;
  Wire wire;
};

int Main() {
  RocksDbGraphStoreOptions store_options;
  store_options.path = absl::GetFlag(FLAGS_db_path);
  store_options.sync_writes = false;
  store_options.memory_budget_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_memory_budget_mb)) << 20;
  store_options.term_cache_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_term_cache_mb)) << 20;
  auto store = RocksDbGraphStore::Open(store_options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  const std::vector<Query> queries = ReadQueries(absl::GetFlag(FLAGS_queries));
  const std::string rows = absl::GetFlag(FLAGS_rows);
  auto run = [&](const Query& q, Wire* wire) {
    QueryOptions options;
    options.limit = 1000000;
    options.max_rows = 1000000;
#ifdef KG_HAVE_ROW_SINK
    options.prune_non_entity_subjects = absl::GetFlag(FLAGS_prune);
    if (rows == "sink") return RunSink(**store, q.text, options, wire);
#endif
    return RunEmit(**store, q.text, options, wire);
  };
  std::map<std::string, ShapeResult> results;
  const int repeat = std::max(1, absl::GetFlag(FLAGS_repeat));
  for (int pass = 0; pass <= repeat; ++pass) {
    for (const Query& q : queries) {
      ShapeResult& r = results[q.shape];
      Wire scratch;
      Wire* wire = pass == 1 ? &r.wire : &scratch;
      const uint64_t start = ThreadCpuNanos();
      const absl::Status status = run(q, wire);
      const uint64_t ns = ThreadCpuNanos() - start;
      if (!status.ok()) ++r.failures;
      if (pass == 0) continue;  // warm-up
      r.cpu_us.push_back(ns / 1000.0);
      r.cpu_ns += ns;
    }
  }
  for (auto& [shape, r] : results) {
    std::sort(r.cpu_us.begin(), r.cpu_us.end());
    const double rows_total = static_cast<double>(r.wire.rows) * repeat;
    std::printf(
        "{\"bench\":\"query_path\",\"rows_mode\":\"%s\",\"prune\":%s,"
        "\"shape\":\"%s\","
        "\"queries\":%zu,\"cpu_p50_us\":%.1f,\"cpu_mean_us\":%.1f,"
        "\"rows_per_query\":%.1f,\"cpu_ns_per_row\":%.0f,"
        "\"checksum\":\"%016llx\",\"failures\":%llu}\n",
        rows.c_str(), absl::GetFlag(FLAGS_prune) ? "true" : "false",
        shape.c_str(), r.cpu_us.size(),
        r.cpu_us[r.cpu_us.size() / 2], r.cpu_ns / 1000.0 / r.cpu_us.size(),
        rows_total / r.cpu_us.size(),
        rows_total > 0 ? r.cpu_ns / rows_total : 0.0,
        static_cast<unsigned long long>(r.wire.checksum),
        static_cast<unsigned long long>(r.failures));
  }
  return 0;
}

}  // namespace
}  // namespace kg::graph

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return kg::graph::Main();
}
