// graph_server: serves kg.v1.GraphService over a RocksDB store.
//
//   graph_server --port=50051 --db_path=/var/lib/kg/graph
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/flag_files.h"
#include "common/grpc_server.h"
#include "common/malloc_tuning.h"
#include "common/version.h"
#include "common/security/server_flags.h"
#include "graph_service/admin/restore.h"
#include "graph_service/server.h"
#include "graph_service/store/rocksdb_graph_store.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "Interface to listen on.");
ABSL_FLAG(int, port, 50051, "Port to listen on; 0 picks a free one.");
ABSL_FLAG(std::string, db_path, "", "RocksDB directory (created if missing).");
ABSL_FLAG(bool, sync_writes, true,
          "Sync the write-ahead log before acknowledging each batch.");
ABSL_FLAG(std::string, schema, "",
          "Schema of single-valued predicates the Conflicts RPC answers from "
          "(graph_service/temporal/single_valued.h). Empty: the shipped "
          "graph_service/temporal/single_valued.schema next to the binary; "
          "\"none\": no schema (Conflicts is FAILED_PRECONDITION).");
ABSL_FLAG(std::string, rules, "",
          "Rules file materialised on every write (docs/rules.md). Empty: "
          "the shipped graph_service/rules/default.rules next to the binary "
          "(its Bazel runfiles); \"none\": no rules.");
ABSL_FLAG(std::string, backup_dir, "",
          "Directory for online backups (admin Backup RPC, kg backup); empty: "
          "backups off.");
ABSL_FLAG(std::string, restore_from, "",
          "Before starting, copy this backup into --db_path (which must not "
          "exist or be empty).");
ABSL_FLAG(int, memory_budget_mb, 256,
          "Bound on RocksDB's memory, MiB: one cache for data, index and "
          "filter blocks, charged for the memtables (at most half). >= 16.");
ABSL_FLAG(int, term_cache_mb, 64,
          "Bound on the in-memory term dictionary cache, MiB.");
ABSL_FLAG(int, bulk_chunk_facts, 250000,
          "Bulk ingest (kg-ingest-mode: bulk): facts buffered per table-file "
          "load; larger loads faster and holds ~1 KB per buffered fact.");
ABSL_FLAG(absl::Duration, malloc_trim_period, absl::Seconds(10),
          "How often freed heap memory is returned to the kernel "
          "(malloc_trim); 0 turns it off.");
ABSL_FLAG(int, max_message_mb, 64, "Largest request message accepted, MiB.");
ABSL_FLAG(int, max_threads, 256,
          "Threads the server may run calls on; an open call holds one, and "
          "past the cap a new call gets RESOURCE_EXHAUSTED at once (0: no "
          "cap; else at least 4).");
ABSL_FLAG(int, max_response_mb, 64,
          "Largest message sent, MiB: a unary answer, or one streamed row or "
          "batch, over it is refused with RESOURCE_EXHAUSTED (1..1024).");
ABSL_FLAG(absl::Duration, query_timeout, absl::Seconds(30),
          "Longest a query may run: it ends at the caller's deadline or after "
          "this, whichever comes first (the error says which).");
ABSL_FLAG(int, default_row_limit, 10000,
          "Rows a query gets when neither the request nor its LIMIT says; a "
          "cut answer is marked truncated.");
ABSL_FLAG(int, max_row_limit, 1000000,
          "Most rows any query gets, whatever its LIMIT; a cut answer is "
          "marked truncated.");
ABSL_FLAG(absl::Duration, history_retention, absl::Hours(24 * 365),
          "How long retracted evidence stays readable with {as_of: T} "
          "(docs/time.md): older history is purged (e.g. 720h; inf keeps "
          "everything; 0 keeps none past the next purge).");
ABSL_FLAG(absl::Duration, history_purge_period, absl::Hours(1),
          "How often history older than --history_retention is purged.");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "Time in-flight calls get to finish after SIGTERM.");

namespace {

// A file shipped in the binary's runfiles (`relative` from the workspace
// root), or "" if absent.
std::string ShippedFile(const char* argv0, const std::string& relative) {
  const std::string suffix = "/kg/" + relative;
  std::vector<std::string> candidates;
  if (const char* dir = std::getenv("RUNFILES_DIR")) {
    candidates.push_back(std::string(dir) + suffix);
  }
  candidates.push_back(std::string(argv0) + ".runfiles" + suffix);
  for (const std::string& path : candidates) {
    if (std::FILE* f = std::fopen(path.c_str(), "r")) {
      std::fclose(f);
      return path;
    }
  }
  return "";
}

// A data-file flag's path: its value, "" for "none", and when empty the
// shipped `relative` beside the binary. Nullopt, the reason printed, when
// that is missing: serving without it would silently answer less.
std::optional<std::string> DataFilePath(const char* argv0, const std::string& flag,
                                        const std::string& value,
                                        const std::string& relative,
                                        const char* without) {
  if (value == "none") return std::string();
  if (!value.empty()) return value;
  std::string shipped = ShippedFile(argv0, relative);
  if (!shipped.empty()) return shipped;
  std::fprintf(stderr,
               "graph_server: %s is not next to the binary; pass --%s=FILE, "
               "or --%s=none to serve without %s\n",
               relative.substr(relative.rfind('/') + 1).c_str(), flag.c_str(),
               flag.c_str(), without);
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  kg::LimitMallocRetention();  // Before any thread starts.
  kg::BlockTerminationSignals();
  absl::SetProgramUsageMessage(
      "Serves the knowledge graph (kg.v1.GraphService) over RocksDB.");
  absl::FlagsUsageConfig usage;
  usage.version_string = [] {
    return absl::StrCat("graph_server ", kg::kVersion, " (store schema ",
                        kg::graph::RocksDbGraphStore::SchemaVersion(), ")\n");
  };
  absl::SetFlagsUsageConfig(usage);
  absl::ParseCommandLine(argc, argv);

  std::vector<kg::FlagPath> paths = kg::security::SecurityFlagPaths();
  if (absl::GetFlag(FLAGS_rules) != "none") {
    paths.push_back({"rules", absl::GetFlag(FLAGS_rules)});
  }
  if (absl::GetFlag(FLAGS_schema) != "none") {
    paths.push_back({"schema", absl::GetFlag(FLAGS_schema)});
  }
  paths.push_back({"restore_from", absl::GetFlag(FLAGS_restore_from),
                   kg::FlagPath::Kind::kDirectory});
  if (absl::Status checked = kg::CheckFlagPaths(paths); !checked.ok()) {
    std::fprintf(stderr, "graph_server: %s\n",
                 std::string(checked.message()).c_str());
    return kg::kExitUsage;
  }

  kg::graph::GraphServerOptions options;
  options.grpc.host = absl::GetFlag(FLAGS_host);
  options.grpc.port = absl::GetFlag(FLAGS_port);
  options.grpc.max_threads = absl::GetFlag(FLAGS_max_threads);
  if (absl::Status threads = kg::CheckMaxThreads(options.grpc.max_threads);
      !threads.ok()) {
    std::fprintf(stderr, "graph_server: %s\n", std::string(threads.message()).c_str());
    return kg::kExitUsage;
  }
  options.grpc.max_receive_message_bytes =
      absl::GetFlag(FLAGS_max_message_mb) * 1024 * 1024;
  options.db_path = absl::GetFlag(FLAGS_db_path);
  options.memory_budget_bytes =
      static_cast<size_t>(std::max(0, absl::GetFlag(FLAGS_memory_budget_mb)))
      << 20;
  options.term_cache_bytes =
      static_cast<size_t>(std::max(0, absl::GetFlag(FLAGS_term_cache_mb)))
      << 20;
  options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  options.limits.default_query_timeout = absl::GetFlag(FLAGS_query_timeout);
  if (absl::GetFlag(FLAGS_default_row_limit) < 1 ||
      absl::GetFlag(FLAGS_max_row_limit) < absl::GetFlag(FLAGS_default_row_limit)) {
    std::fprintf(stderr, "graph_server: need 1 <= --default_row_limit <= "
                         "--max_row_limit\n");
    return kg::kExitUsage;
  }
  options.limits.default_row_limit =
      static_cast<uint32_t>(absl::GetFlag(FLAGS_default_row_limit));
  options.limits.max_row_limit =
      static_cast<uint32_t>(absl::GetFlag(FLAGS_max_row_limit));
  options.limits.bulk_chunk_facts =
      static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_bulk_chunk_facts)));
  const int max_response_mb = absl::GetFlag(FLAGS_max_response_mb);
  if (max_response_mb < 1 || max_response_mb > 1024) {
    // Protobuf cannot serialise 2 GB: a larger budget could not be honoured.
    std::fprintf(stderr, "graph_server: --max_response_mb must be in 1..1024\n");
    return kg::kExitUsage;
  }
  options.limits.max_response_bytes = static_cast<size_t>(max_response_mb) << 20;
  options.history_retention = absl::GetFlag(FLAGS_history_retention);
  options.history_purge_period = absl::GetFlag(FLAGS_history_purge_period);
  if (absl::Status retention = kg::graph::CheckHistoryRetention(
          options.history_retention, options.history_purge_period);
      !retention.ok()) {
    std::fprintf(stderr, "graph_server: %s\n",
                 std::string(retention.message()).c_str());
    return kg::kExitUsage;
  }
  const std::optional<std::string> rules_path =
      DataFilePath(argv[0], "rules", absl::GetFlag(FLAGS_rules),
                   "graph_service/rules/default.rules", "derived facts");
  if (!rules_path.has_value()) return kg::kExitUsage;
  options.rules_path = *rules_path;
  const std::optional<std::string> schema_path = DataFilePath(
      argv[0], "schema", absl::GetFlag(FLAGS_schema),
      "graph_service/temporal/single_valued.schema", "conflicts");
  if (!schema_path.has_value()) return kg::kExitUsage;
  options.schema_path = *schema_path;
  if (options.db_path.empty()) {
    std::fprintf(stderr, "graph_server: --db_path is required\n");
    return kg::kExitUsage;
  }
  options.backup_dir = absl::GetFlag(FLAGS_backup_dir);
  if (absl::Status security = kg::security::ApplySecurityFlags(&options.grpc);
      !security.ok()) {
    std::fprintf(stderr, "graph_server: %s\n",
                 std::string(security.message()).c_str());
    return kg::kExitUsage;
  }
  if (const std::string backup = absl::GetFlag(FLAGS_restore_from);
      !backup.empty()) {
    if (absl::Status restored =
            kg::graph::admin::RestoreCheckpoint(backup, options.db_path);
        !restored.ok()) {
      std::fprintf(stderr, "graph_server: restore: %s\n",
                   std::string(restored.message()).c_str());
      return EXIT_FAILURE;
    }
    std::printf("graph_server: restored %s into %s\n", backup.c_str(),
                options.db_path.c_str());
  }
  std::unique_ptr<kg::PeriodicMallocTrim> malloc_trim;
  if (const absl::Duration period = absl::GetFlag(FLAGS_malloc_trim_period);
      period > absl::ZeroDuration()) {
    malloc_trim = std::make_unique<kg::PeriodicMallocTrim>(period);
  }
  auto server = kg::graph::GraphServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "graph_server: %s\n",
                 server.status().ToString().c_str());
    return EXIT_FAILURE;
  }
  std::printf(
      "graph_server listening on %s:%d, store %s, %zu rule(s)%s%s (%s)\n",
      options.grpc.host.c_str(), (*server)->port(), options.db_path.c_str(),
      (*server)->rule_count(), options.rules_path.empty() ? "" : " from ",
      options.rules_path.c_str(),
      kg::security::DescribeSecurity(options.grpc.security).c_str());
  std::fflush(stdout);
  const int signal_number = kg::WaitForTerminationSignal();
  std::printf("graph_server: signal %d, shutting down\n", signal_number);
  std::fflush(stdout);
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  return EXIT_SUCCESS;
}
