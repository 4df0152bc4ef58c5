// The crash-durability harness shared by //tests/crash:graph_crash_test and
// //bench/crash_soak: runs the real graph_server as a child process, streams
// documents into it, SIGKILLs it at seeded random moments, restarts it on
// the same database and checks (durability_checker.h) that
//   - every acknowledged document is stored completely, exactly once;
//   - no unacknowledged document is half-applied;
//   - a retried unacknowledged batch is applied once or reported unchanged,
//     and a re-sent acknowledged batch is reported unchanged;
//   - the store reopens after every kill and GetStats agrees with the facts.
//
// One run:  start; kills x [check; retry; re-send; write & kill; restart];
//           check; retry; re-send; check; SIGTERM (must exit 0).
#ifndef KG_TESTS_CRASH_CRASH_HARNESS_H_
#define KG_TESTS_CRASH_CRASH_HARNESS_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tests/crash/durability_checker.h"

namespace kg::crash {

// Damage the harness itself does to the store once, after the first kill,
// behind the checker's back: proof that the checks catch what they claim to.
enum class Sabotage {
  kNone,
  // DeleteDocument of the last acknowledged document: `lost`.
  kDeleteAcknowledged,
  // A second evidence record (other offsets) for a fact of the last
  // acknowledged document, added with a document-less batch: `duplicated`.
  kDuplicateEvidence,
  // The in-flight (unacknowledged) document deleted, then half of its facts
  // added with a document-less batch: `half_applied`.
  kHalfApply,
};

struct CrashTestOptions {
  // The graph_server binary.
  std::string server_binary;
  // Created if missing; holds the database ("db") and the server's stderr
  // ("graph_server.log"). Should be empty: the run assumes a new store.
  std::string work_dir;
  // Seeds the documents and the kill delays. The run is reproducible up to
  // scheduling: the same seed gives the same documents and delays.
  uint64_t seed = 1;
  int kills = 20;
  // Each kill comes a uniformly drawn delay (ms granularity) after the
  // writer starts.
  absl::Duration min_delay = absl::Milliseconds(20);
  absl::Duration max_delay = absl::Milliseconds(300);
  absl::Duration start_timeout = absl::Seconds(30);
  absl::Duration rpc_timeout = absl::Seconds(120);
  // Only for testing the harness; see Sabotage.
  Sabotage sabotage = Sabotage::kNone;
  // Called with a line of progress after each kill; may be empty.
  std::function<void(const std::string&)> progress;
};

struct CrashTestSummary {
  uint64_t seed = 0;
  int kills = 0;
  uint64_t sent = 0;
  uint64_t acknowledged = 0;
  // Unacknowledged batches re-sent after a restart, and re-sent batches
  // whose acknowledgement contradicted the store (`unchanged` wrong).
  uint64_t retries = 0;
  uint64_t retry_mismatches = 0;
  // Unacknowledged batches found stored completely after the kill (the
  // crash fell between the commit and the acknowledgement).
  uint64_t committed_unacknowledged = 0;
  // Summed over every check of the run (facts_checked counts a fact once
  // per check).
  CheckReport report;
  absl::Duration duration;

  bool ok() const { return report.ok() && retry_mismatches == 0; }
  // "crash test: 20 kills, 1234 acknowledged batches, 56789 facts checked,
  //  0 lost, 0 duplicated, 0 half-applied, ..." (one line).
  std::string Line() const;
  // One-line JSON object with the same numbers.
  std::string Json() const;
};

// Runs the loop above. Returns the summary when the loop ran to its end,
// whatever it found (see CrashTestSummary::ok); an error when the harness
// itself fails or the server does not come back after a kill (Unavailable:
// a store that cannot be reopened), does not answer, or does not stop
// cleanly. Every child process is reaped before this returns.
absl::StatusOr<CrashTestSummary> RunCrashTest(const CrashTestOptions& options);

// Path of `workspace_relative` in the runfiles of the running binary
// ($TEST_SRCDIR, $RUNFILES_DIR, or `argv0`.runfiles), e.g.
// "graph_service/graph_server". "" when none exists.
std::string FindRunfile(const std::string& workspace_relative,
                        const std::string& argv0);

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_CRASH_HARNESS_H_
