// Load rate of RocksDbGraphStore::AddFacts (one WriteBatch per batch)
// against BulkAddFacts (sorted table files ingested per batch) on the same
// deterministic fact set. Prints one JSON line per path.
//
//   bazel run -c opt //graph_service/store:bulk_load_benchmark --
//       --facts=1000000 --batch=100000 --dir=/tmp/kg-bulk-bench
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph_service/store/rocksdb_graph_store.h"

ABSL_FLAG(int, facts, 500000, "Facts to load.");
ABSL_FLAG(int, batch, 100000, "Facts per write.");
ABSL_FLAG(std::string, dir, "/tmp/kg-bulk-bench", "Scratch directory (wiped).");
ABSL_FLAG(bool, sync_writes, true, "Sync the WAL on the normal path.");
ABSL_FLAG(std::string, paths, "add_facts,bulk_add_facts",
          "Paths to measure, comma-separated.");

namespace {

kg::v1::Fact MakeFact(int i) {
  static const char* const kPredicates[] = {"member_of", "leads", "targets",
                                            "operates_in", "located_in", "part_of"};
  kg::v1::Fact f;
  f.set_subject(absl::StrCat("Entity ", (i * 7919) % 100000));
  f.set_predicate(kPredicates[i % 6]);
  f.mutable_value()->set_entity(absl::StrCat("Entity ", (i * 104729) % 100000));
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id(absl::StrCat("doc-", i % 50000));
  e->set_sentence(absl::StrCat("Sentence number ", i, " of the benchmark corpus."));
  e->set_byte_begin(static_cast<uint32_t>(i));
  e->set_byte_end(static_cast<uint32_t>(i + 40));
  e->set_rule("bench");
  e->set_confidence(0.8f);
  return f;
}

void Run(const std::string& name, bool bulk, int facts, int batch) {
  const std::string path = absl::StrCat(absl::GetFlag(FLAGS_dir), "/", name);
  std::error_code ignored;  // Absent directories are fine.
  std::filesystem::remove_all(path, ignored);
  std::filesystem::remove_all(path + ".bulk", ignored);
  std::filesystem::create_directories(absl::GetFlag(FLAGS_dir), ignored);
  kg::graph::RocksDbGraphStoreOptions options;
  options.path = path;
  options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  auto store = kg::graph::RocksDbGraphStore::Open(options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return;
  }
  absl::Duration spent;
  for (int start = 0; start < facts; start += batch) {
    std::vector<kg::v1::Fact> chunk;
    for (int i = start; i < std::min(facts, start + batch); ++i) {
      chunk.push_back(MakeFact(i));
    }
    const absl::Time t0 = absl::Now();
    auto stats = bulk ? (*store)->BulkAddFacts(chunk) : (*store)->AddFacts(chunk);
    spent += absl::Now() - t0;
    if (!stats.ok()) {
      std::fprintf(stderr, "%s\n", stats.status().ToString().c_str());
      return;
    }
  }
  const double seconds = absl::ToDoubleSeconds(spent);
  std::printf(
      "{\"path\":\"%s\",\"facts\":%d,\"batch\":%d,\"seconds\":%.3f,"
      "\"facts_per_second\":%.0f}\n",
      name.c_str(), facts, batch, seconds, facts / seconds);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int facts = absl::GetFlag(FLAGS_facts);
  const int batch = absl::GetFlag(FLAGS_batch);
  for (absl::string_view path : absl::StrSplit(absl::GetFlag(FLAGS_paths), ',')) {
    if (path == "add_facts") Run("add_facts", /*bulk=*/false, facts, batch);
    if (path == "bulk_add_facts") Run("bulk_add_facts", /*bulk=*/true, facts, batch);
  }
  return 0;
}
