// load_test: sustained concurrent ingest and queries against the real
// graph_server and extractor_server, checking that memory stays bounded.
//
// Starts both servers on free loopback ports (the graph on a fresh RocksDB
// directory), runs --writers threads sending generated press releases
// through Extract(forward = true) and --readers threads querying the graph
// for --minutes, and prints one JSON line per --window_seconds:
//
//   {"window": 3, "elapsed_s": 40.0, "ingest_ok": 95, "ingest_failed": 0,
//    "read_ok": 2400, "read_failed": 0, "ops": {"ingest_new": {"ok": ..,
//    "failed": .., "p50_ms": .., "p99_ms": ..}, ...}, "graph_rss_mb": ..,
//    "graph_peak_rss_mb": .., "extractor_rss_mb": .., "store": {"facts":
//    .., "evidence": .., "db_mb": ..}, "loadavg_1m": ..}
//
// then a summary line ("summary": true) with the whole run's p99 per kind,
// the peak RSS of both servers and the verdict. Exit status 0 when memory
// stayed bounded, no call failed, every unchanged re-send was a no-op and
// both servers exited 0 on SIGTERM; 1 otherwise; 2 when the servers could
// not be started.
//
//   bazel run //bench/load:load_test -- --minutes=3 --writers=2 --readers=2
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/load/latency_recorder.h"
#include "bench/load/load_workers.h"
#include "bench/load/press_release.h"
#include "bench/load/report.h"
#include "bench/load/rss_verdict.h"
#include "bench/load/server_child.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "kg/v1/graph.grpc.pb.h"

ABSL_FLAG(double, minutes, 3, "How long the load runs.");
ABSL_FLAG(int, writers, 2, "Threads sending documents to the extractor.");
ABSL_FLAG(int, readers, 2, "Threads querying the graph.");
ABSL_FLAG(int, window_seconds, 10, "Seconds per report line.");
ABSL_FLAG(uint64_t, documents, 2000,
          "Distinct document ids; once all are sent, writers only re-send "
          "(changed or unchanged).");
ABSL_FLAG(double, unchanged_fraction, 0.3,
          "Share of re-sends that repeat the unchanged text.");
ABSL_FLAG(int64_t, max_calls_per_worker, 10'000'000,
          "Upper bound on each thread's calls.");
ABSL_FLAG(int, rpc_timeout_seconds, 30, "Deadline of every call.");
ABSL_FLAG(double, rss_growth_limit, 1.5,
          "Bounded when the last third's max RSS is at most this times the "
          "first third's.");
ABSL_FLAG(int64_t, max_rss_mb, 0, "If > 0, also a bound on each peak RSS.");
ABSL_FLAG(uint64_t, seed, 1, "Seed of the writers' and readers' choices.");
ABSL_FLAG(std::string, graph_server_bin, "",
          "graph_server binary; default: from this binary's runfiles.");
ABSL_FLAG(std::string, extractor_server_bin, "",
          "extractor_server binary; default: from this binary's runfiles.");
ABSL_FLAG(std::string, graph_flags, "",
          "Extra graph_server flags, space-separated (e.g. --rules=FILE).");
ABSL_FLAG(std::string, extractor_flags, "",
          "Extra extractor_server flags, space-separated (e.g. "
          "--data_dir=DIR).");
ABSL_FLAG(std::string, work_dir, "",
          "Directory for the database and server logs; default: a new one "
          "under $TMPDIR or /tmp, removed afterwards unless --keep.");
ABSL_FLAG(bool, keep, false, "Keep the work directory.");

namespace kg::load {
namespace {

constexpr absl::Duration kStartTimeout = absl::Seconds(60);
constexpr absl::Duration kStopTimeout = absl::Seconds(30);

struct Servers {
  std::unique_ptr<ServerChild> graph;
  std::unique_ptr<ServerChild> extractor;
};

std::string RunfilesDir(const char* argv0) {
  if (const char* dir = std::getenv("RUNFILES_DIR")) return dir;
  const std::string beside = std::string(argv0) + ".runfiles";
  return std::filesystem::is_directory(beside) ? beside : "";
}

std::string BinaryPath(const std::string& flag, const std::string& runfiles,
                       const std::string& relative) {
  if (!flag.empty()) return flag;
  return runfiles.empty() ? relative : runfiles + "/kg/" + relative;
}

std::string MakeWorkDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr ? tmp : "/tmp") + "/kg_load_test.XXXXXX";
  return mkdtemp(pattern.data()) != nullptr ? pattern : "";
}

std::vector<std::string> WithExtraFlags(std::vector<std::string> argv,
                                        const std::string& extra) {
  for (absl::string_view flag :
       absl::StrSplit(extra, ' ', absl::SkipWhitespace())) {
    argv.emplace_back(flag);
  }
  return argv;
}

absl::Status StartServers(const std::string& runfiles,
                          const std::string& work_dir, Servers& servers) {
  std::vector<std::string> graph_argv = WithExtraFlags(
      {BinaryPath(absl::GetFlag(FLAGS_graph_server_bin), runfiles,
                  "graph_service/graph_server"),
       "--host=127.0.0.1", "--port=0", "--db_path=" + work_dir + "/db"},
      absl::GetFlag(FLAGS_graph_flags));
  auto graph = ServerChild::Start(graph_argv, work_dir + "/graph.log",
                                  runfiles, kStartTimeout);
  if (!graph.ok()) return graph.status();
  servers.graph = *std::move(graph);
  std::vector<std::string> extractor_argv = WithExtraFlags(
      {BinaryPath(absl::GetFlag(FLAGS_extractor_server_bin), runfiles,
                  "extractor_service/extractor_server"),
       "--host=127.0.0.1", "--port=0",
       "--graph_address=" + servers.graph->address()},
      absl::GetFlag(FLAGS_extractor_flags));
  auto extractor = ServerChild::Start(
      extractor_argv, work_dir + "/extractor.log", runfiles, kStartTimeout);
  if (!extractor.ok()) return extractor.status();
  servers.extractor = *std::move(extractor);
  return absl::OkStatus();
}

// Memory of both servers, the store's size and the machine's load.
WindowSample Sample(const Servers& servers, const std::string& db_path,
                    kg::v1::GraphService::Stub& graph) {
  WindowSample sample;
  if (auto memory = servers.graph->Memory(); memory.ok()) {
    sample.graph = *memory;
  }
  if (auto memory = servers.extractor->Memory(); memory.ok()) {
    sample.extractor = *memory;
  }
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  kg::v1::GetStatsResponse stats;
  sample.store.ok =
      graph.GetStats(&context, kg::v1::GetStatsRequest(), &stats).ok();
  sample.store.facts = static_cast<int64_t>(stats.facts());
  sample.store.evidence = static_cast<int64_t>(stats.evidence());
  sample.store.documents = static_cast<int64_t>(stats.documents());
  sample.store.terms = static_cast<int64_t>(stats.terms());
  sample.store.db_bytes = DirectoryBytes(db_path);
  sample.store.cache_bytes = static_cast<int64_t>(stats.memory().cache_bytes());
  sample.store.memtable_bytes =
      static_cast<int64_t>(stats.memory().memtable_bytes());
  sample.store.table_reader_bytes =
      static_cast<int64_t>(stats.memory().table_reader_bytes());
  sample.store.term_cache_bytes =
      static_cast<int64_t>(stats.memory().term_cache_bytes());
  sample.load_average = LoadAverage();
  return sample;
}

std::vector<std::thread> StartWorkers(const Servers& servers,
                                      absl::Time stop_at,
                                      const PressReleaseGenerator& generator,
                                      LatencyRecorder& recorder,
                                      LoadCounters& counters) {
  WorkerOptions worker;
  worker.stop_at = stop_at;
  worker.max_calls = absl::GetFlag(FLAGS_max_calls_per_worker);
  worker.rpc_timeout = absl::Seconds(absl::GetFlag(FLAGS_rpc_timeout_seconds));
  const uint64_t seed = absl::GetFlag(FLAGS_seed);
  const int writers = absl::GetFlag(FLAGS_writers);
  std::vector<std::thread> threads;
  for (int i = 0; i < writers; ++i) {
    WriterOptions options;
    options.worker = worker;
    options.worker.seed = seed * 7919 + i;
    options.index = i;
    options.writers = writers;
    options.documents = absl::GetFlag(FLAGS_documents);
    options.unchanged_fraction = absl::GetFlag(FLAGS_unchanged_fraction);
    auto channel = grpc::CreateChannel(servers.extractor->address(),
                                       grpc::InsecureChannelCredentials());
    threads.emplace_back([=, &generator, &recorder, &counters] {
      RunWriter(options, channel, generator, recorder, counters);
    });
  }
  for (int i = 0; i < absl::GetFlag(FLAGS_readers); ++i) {
    WorkerOptions options = worker;
    options.seed = seed * 104729 + i;
    auto channel = grpc::CreateChannel(servers.graph->address(),
                                       grpc::InsecureChannelCredentials());
    threads.emplace_back([=, &generator, &recorder, &counters] {
      RunReader(options, channel, generator, recorder, counters);
    });
  }
  return threads;
}

}  // namespace
}  // namespace kg::load

namespace kg::load {
namespace {

struct RunResult {
  std::vector<WindowSample> windows;
  WindowSample last;  // Sampled just before the servers were stopped.
};

// Runs the workers for --minutes, printing a line per window.
RunResult RunLoad(const Servers& servers, const std::string& db_path,
                  LatencyRecorder& recorder, LoadCounters& counters) {
  const PressReleaseGenerator generator;
  auto graph = kg::v1::GraphService::NewStub(grpc::CreateChannel(
      servers.graph->address(), grpc::InsecureChannelCredentials()));
  const absl::Time start = absl::Now();
  const absl::Time stop_at =
      start + absl::Seconds(absl::GetFlag(FLAGS_minutes) * 60);
  const absl::Duration window =
      absl::Seconds(std::max(1, absl::GetFlag(FLAGS_window_seconds)));
  std::vector<std::thread> threads =
      StartWorkers(servers, stop_at, generator, recorder, counters);
  RunResult result;
  for (int index = 0; start + index * window < stop_at; ++index) {
    const absl::Time end = std::min(start + (index + 1) * window, stop_at);
    absl::SleepFor(end - absl::Now());
    const std::vector<KindSummary> kinds = recorder.TakeWindow();
    WindowSample sample = Sample(servers, db_path, *graph);
    sample.index = index;
    sample.elapsed = absl::Now() - start;
    absl::PrintF("%s\n", WindowJson(sample, kinds));
    std::fflush(stdout);
    result.windows.push_back(sample);
  }
  for (std::thread& thread : threads) thread.join();
  // Calls in flight at stop_at are in Overall() but in no window.
  result.last = Sample(servers, db_path, *graph);
  return result;
}

// Prints the summary line; returns true when the run passed.
bool PrintSummary(const RunResult& run, const LatencyRecorder& recorder,
                  const LoadCounters& counters, absl::Duration elapsed,
                  const absl::Status& graph_stop,
                  const absl::Status& extractor_stop, double load_before) {
  std::vector<int64_t> graph_rss, extractor_rss;
  for (const WindowSample& sample : run.windows) {
    graph_rss.push_back(sample.graph.rss_kb);
    extractor_rss.push_back(sample.extractor.rss_kb);
  }
  const double limit = absl::GetFlag(FLAGS_rss_growth_limit);
  const int64_t max_kb = absl::GetFlag(FLAGS_max_rss_mb) * 1024;
  const RssVerdict graph =
      JudgeRss(graph_rss, run.last.graph.peak_rss_kb, limit, max_kb);
  const RssVerdict extractor =
      JudgeRss(extractor_rss, run.last.extractor.peak_rss_kb, limit, max_kb);
  const std::vector<KindSummary> kinds = recorder.Overall();
  const int64_t failed = kinds[kAllIngests].failed + kinds[kAllReads].failed;
  const bool passed = graph.bounded && extractor.bounded && failed == 0 &&
                      counters.unchanged_rewritten == 0 && graph_stop.ok() &&
                      extractor_stop.ok();
  absl::PrintF(
      "{\"summary\": true, \"duration_s\": %.1f, \"writers\": %d, "
      "\"readers\": %d, \"windows\": %d, \"ingest_ok\": %d, "
      "\"ingest_failed\": %d, \"ingest_p99_ms\": %.2f, \"read_ok\": %d, "
      "\"read_failed\": %d, \"read_p99_ms\": %.2f, \"ops\": %s, "
      "\"facts_extracted\": %d, \"unchanged_acknowledged\": %d, "
      "\"unchanged_rewritten\": %d, \"not_found\": %d, \"query_rows\": %d, "
      "\"store_facts\": %d, \"store_evidence\": %d, \"store_db_mb\": %.1f, "
      "%s, %s, \"graph_exit\": \"%s\", \"extractor_exit\": \"%s\", "
      "\"loadavg_1m_start\": %.2f, \"loadavg_1m_end\": %.2f, "
      "\"passed\": %s}\n",
      absl::ToDoubleSeconds(elapsed), absl::GetFlag(FLAGS_writers),
      absl::GetFlag(FLAGS_readers), static_cast<int>(run.windows.size()),
      kinds[kAllIngests].ok, kinds[kAllIngests].failed,
      kinds[kAllIngests].p99_ms, kinds[kAllReads].ok, kinds[kAllReads].failed,
      kinds[kAllReads].p99_ms, KindsJson(kinds, true),
      counters.facts_extracted.load(), counters.unchanged_acknowledged.load(),
      counters.unchanged_rewritten.load(), counters.not_found.load(),
      counters.query_rows.load(), run.last.store.facts,
      run.last.store.evidence,
      static_cast<double>(run.last.store.db_bytes) / (1024.0 * 1024.0),
      VerdictJson("graph", graph, run.last.graph.peak_rss_kb),
      VerdictJson("extractor", extractor, run.last.extractor.peak_rss_kb),
      graph_stop.ok() ? std::string("0") : JsonSafe(graph_stop.ToString()),
      extractor_stop.ok() ? std::string("0")
                          : JsonSafe(extractor_stop.ToString()),
      load_before, LoadAverage(), passed ? "true" : "false");
  std::fflush(stdout);
  return passed;
}

}  // namespace
}  // namespace kg::load

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Sustained concurrent ingest and queries against real servers; "
      "prints RSS and latency per window as JSON lines.");
  absl::ParseCommandLine(argc, argv);
  const std::string runfiles = kg::load::RunfilesDir(argv[0]);
  std::string work_dir = absl::GetFlag(FLAGS_work_dir);
  const bool own_work_dir = work_dir.empty();
  if (own_work_dir) work_dir = kg::load::MakeWorkDir();
  kg::load::Servers servers;
  if (const absl::Status started =
          kg::load::StartServers(runfiles, work_dir, servers);
      !started.ok()) {
    std::fprintf(stderr, "load_test: %s\n", started.ToString().c_str());
    return 2;
  }
  const double load_before = kg::load::LoadAverage();
  absl::PrintF(
      "{\"start\": true, \"graph_pid\": %d, \"extractor_pid\": %d, "
      "\"graph\": \"%s\", \"extractor\": \"%s\", \"work_dir\": \"%s\", "
      "\"loadavg_1m\": %.2f}\n",
      servers.graph->pid(), servers.extractor->pid(),
      servers.graph->address(), servers.extractor->address(),
      kg::load::JsonSafe(work_dir), load_before);
  std::fflush(stdout);

  kg::load::LatencyRecorder recorder(kg::load::OperationKindNames());
  kg::load::LoadCounters counters;
  const absl::Time start = absl::Now();
  const kg::load::RunResult run =
      kg::load::RunLoad(servers, work_dir + "/db", recorder, counters);
  const absl::Duration elapsed = absl::Now() - start;
  const absl::Status extractor_stop =
      servers.extractor->Stop(kg::load::kStopTimeout);
  const absl::Status graph_stop = servers.graph->Stop(kg::load::kStopTimeout);
  const bool passed =
      kg::load::PrintSummary(run, recorder, counters, elapsed, graph_stop,
                             extractor_stop, load_before);
  if (own_work_dir && !absl::GetFlag(FLAGS_keep)) {
    std::error_code ignored;
    std::filesystem::remove_all(work_dir, ignored);
  }
  return passed ? 0 : 1;
}
