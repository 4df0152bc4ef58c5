// crash_soak: SIGKILLs a real graph_server --kills times while documents
// stream in, checking after every restart that acknowledged batches are
// stored whole and exactly once (//tests/crash:crash_harness). Prints one
// JSON line:
//
//   {"kills": 200, "acknowledged": ..., "lost": 0, "duplicated": 0,
//    "half_applied": 0, ..., "duration_s": ...}
//
// Exit status 0 when nothing was lost, duplicated or half-applied, 1 when
// something was, 2 when the run could not complete (e.g. the store did not
// reopen). Each check reads the whole store back, so a run's time grows
// with the square of --kills.
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "tests/crash/crash_harness.h"

ABSL_FLAG(int, kills, 200, "SIGKILLs to deliver.");
ABSL_FLAG(uint64_t, seed, 0,
          "Seed of documents and delays; 0: from the clock.");
ABSL_FLAG(std::string, server, "",
          "graph_server binary; default: the one in this binary's runfiles.");
ABSL_FLAG(std::string, work_dir, "",
          "Directory for the database and the server log (must not hold a "
          "store); default: a new directory under $TMPDIR or /tmp.");
ABSL_FLAG(bool, keep, false, "Keep the default work directory afterwards.");
ABSL_FLAG(int, min_delay_ms, 20, "Shortest time from writer start to kill.");
ABSL_FLAG(int, max_delay_ms, 300, "Longest time from writer start to kill.");
ABSL_FLAG(bool, verbose, false, "Print a progress line per kill to stderr.");

namespace {

// A new directory under $TMPDIR (or /tmp); "" on failure.
std::string MakeTempDirectory() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr ? tmp : "/tmp") + "/kg_crash_soak.XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  return mkdtemp(buffer.data()) != nullptr ? std::string(buffer.data()) : "";
}

kg::crash::CrashTestOptions OptionsFromFlags(const char* argv0) {
  kg::crash::CrashTestOptions options;
  options.server_binary = absl::GetFlag(FLAGS_server);
  if (options.server_binary.empty()) {
    options.server_binary =
        kg::crash::FindRunfile("graph_service/graph_server", argv0);
  }
  options.seed = absl::GetFlag(FLAGS_seed);
  if (options.seed == 0) options.seed = absl::ToUnixMicros(absl::Now());
  options.kills = absl::GetFlag(FLAGS_kills);
  options.min_delay = absl::Milliseconds(absl::GetFlag(FLAGS_min_delay_ms));
  options.max_delay = absl::Milliseconds(absl::GetFlag(FLAGS_max_delay_ms));
  if (absl::GetFlag(FLAGS_verbose)) {
    options.progress = [](const std::string& line) {
      std::fprintf(stderr, "%s\n", line.c_str());
    };
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "SIGKILLs a graph_server repeatedly under load and checks durability.");
  absl::ParseCommandLine(argc, argv);
  kg::crash::CrashTestOptions options = OptionsFromFlags(argv[0]);
  if (options.server_binary.empty()) {
    std::fprintf(stderr, "crash_soak: graph_server not found; pass --server\n");
    return 2;
  }
  options.work_dir = absl::GetFlag(FLAGS_work_dir);
  const bool temporary = options.work_dir.empty();
  if (temporary) options.work_dir = MakeTempDirectory();
  std::fprintf(stderr, "crash_soak: seed %llu, work dir %s\n",
               static_cast<unsigned long long>(options.seed),
               options.work_dir.c_str());

  const absl::StatusOr<kg::crash::CrashTestSummary> summary =
      kg::crash::RunCrashTest(options);
  if (!summary.ok()) {
    std::fprintf(stderr, "crash_soak: %s\n",
                 summary.status().ToString().c_str());
    return 2;  // The work directory is kept for inspection.
  }
  for (const std::string& problem : summary->report.problems) {
    std::fprintf(stderr, "crash_soak: %s\n", problem.c_str());
  }
  std::printf("%s\n", summary->Json().c_str());
  if (temporary && summary->ok() && !absl::GetFlag(FLAGS_keep)) {
    std::error_code ignored;
    std::filesystem::remove_all(options.work_dir, ignored);
  }
  return summary->ok() ? 0 : 1;
}
