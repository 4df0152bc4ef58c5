#include "tests/crash/crash_harness.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "tests/crash/document_generator.h"
#include "tests/crash/graph_client.h"
#include "tests/crash/ingest_writer.h"
#include "tests/crash/server_process.h"

namespace kg::crash {
namespace {

absl::Status MakeDirectory(const std::string& path) {
  if (mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) {
    return absl::OkStatus();
  }
  return absl::InternalError(absl::StrCat("mkdir ", path, " failed"));
}

class CrashRun {
 public:
  explicit CrashRun(const CrashTestOptions& options)
      : options_(options),
        generator_(options.seed),
        delays_(options.seed ^ 0x5eedc0ffeeULL) {
    summary_.seed = options.seed;
  }

  absl::StatusOr<CrashTestSummary> Run();

 private:
  absl::Status Restart();
  // Checks the store; returns the presence of each unacknowledged document.
  absl::StatusOr<std::vector<std::pair<uint64_t, Presence>>> Check();
  absl::Status Retry(const std::vector<std::pair<uint64_t, Presence>>& pending);
  absl::Status ResendLastAcknowledged();
  absl::Status CheckAndRetry();
  // Applies options_.sabotage (once).
  absl::Status Sabotage();
  // Streams documents, kills the server after a random delay; returns the
  // delay.
  absl::StatusOr<absl::Duration> WriteAndKill();
  void RecordRetry(const std::string& document_id, bool expected_unchanged,
                   const kg::v1::IngestResponse& response);

  const CrashTestOptions& options_;
  DocumentGenerator generator_;
  DocumentLedger ledger_;
  std::mt19937_64 delays_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<kg::v1::GraphService::Stub> stub_;
  CrashTestSummary summary_;
};

absl::Status CrashRun::Restart() {
  server_.reset();
  ServerProcessOptions server_options;
  server_options.binary = options_.server_binary;
  server_options.db_path = options_.work_dir + "/db";
  server_options.log_path = options_.work_dir + "/graph_server.log";
  server_options.extra_flags = {"--sync_writes=true"};
  server_options.start_timeout = options_.start_timeout;
  ASSIGN_OR_RETURN(server_, ServerProcess::Start(server_options));
  stub_ = NewGraphStub(server_->address());
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::pair<uint64_t, Presence>>> CrashRun::Check() {
  ASSIGN_OR_RETURN(StoreSnapshot snapshot,
                   ReadSnapshot(*stub_, generator_.subjects(),
                                options_.rpc_timeout));
  DurabilityChecker checker(std::move(snapshot));
  std::vector<std::pair<uint64_t, Presence>> pending;
  const uint64_t sent = ledger_.sent();
  for (uint64_t index = 0; index < sent; ++index) {
    const bool acknowledged = ledger_.acknowledged(index);
    const Presence presence =
        checker.CheckDocument(generator_.Generate(index), acknowledged);
    if (!acknowledged) pending.emplace_back(index, presence);
  }
  summary_.report.Add(checker.Finish());
  return pending;
}

void CrashRun::RecordRetry(const std::string& document_id,
                           bool expected_unchanged,
                           const kg::v1::IngestResponse& response) {
  if (response.unchanged() == expected_unchanged) return;
  ++summary_.retry_mismatches;
  summary_.report.AddProblem(absl::StrCat(
      "re-sent ", document_id, ": expected unchanged=", expected_unchanged,
      ", got ", response.ShortDebugString()));
}

absl::Status CrashRun::Retry(
    const std::vector<std::pair<uint64_t, Presence>>& pending) {
  for (const auto& [index, presence] : pending) {
    const kg::v1::IngestRequest batch = generator_.Generate(index);
    ASSIGN_OR_RETURN(kg::v1::IngestResponse response,
                     IngestOne(*stub_, batch, options_.rpc_timeout));
    // Stored completely before the crash: the hash matches, nothing to do.
    // Absent: applied now. (Partial was already reported as half-applied.)
    if (presence == Presence::kComplete) ++summary_.committed_unacknowledged;
    if (presence != Presence::kPartial) {
      RecordRetry(batch.document_id(), presence == Presence::kComplete,
                  response);
    }
    ++summary_.retries;
    ledger_.MarkAcknowledged(index);
  }
  return absl::OkStatus();
}

absl::Status CrashRun::ResendLastAcknowledged() {
  const int64_t last = ledger_.LastAcknowledged();
  if (last < 0) return absl::OkStatus();
  const kg::v1::IngestRequest batch = generator_.Generate(last);
  ASSIGN_OR_RETURN(kg::v1::IngestResponse response,
                   IngestOne(*stub_, batch, options_.rpc_timeout));
  RecordRetry(batch.document_id(), /*expected_unchanged=*/true, response);
  return absl::OkStatus();
}

absl::Status CrashRun::CheckAndRetry() {
  ASSIGN_OR_RETURN(auto pending, Check());
  RETURN_IF_ERROR(Retry(pending));
  return ResendLastAcknowledged();
}

absl::Status CrashRun::Sabotage() {
  const int64_t last = ledger_.LastAcknowledged();
  const std::vector<uint64_t> pending = ledger_.Unacknowledged();
  if (last < 0 || pending.empty()) {
    return absl::FailedPreconditionError("nothing to sabotage");
  }
  kg::v1::IngestRequest batch;  // Document-less: plain AddFacts.
  switch (options_.sabotage) {
    case Sabotage::kNone:
      return absl::OkStatus();
    case Sabotage::kDeleteAcknowledged:
      return DeleteDocument(*stub_, DocumentGenerator::DocumentId(last),
                            options_.rpc_timeout);
    case Sabotage::kDuplicateEvidence: {
      kg::v1::Fact* fact = batch.add_facts();
      *fact = generator_.Generate(last).facts(0);
      kg::v1::Evidence* evidence = fact->mutable_evidence(0);
      evidence->set_byte_begin(evidence->byte_begin() + 1);
      break;
    }
    case Sabotage::kHalfApply: {
      const kg::v1::IngestRequest whole = generator_.Generate(pending[0]);
      RETURN_IF_ERROR(DeleteDocument(*stub_, whole.document_id(),
                                     options_.rpc_timeout));
      batch.mutable_facts()->CopyFrom(whole.facts());
      batch.mutable_facts()->DeleteSubrange(0, whole.facts_size() / 2);
      break;
    }
  }
  return IngestOne(*stub_, batch, options_.rpc_timeout).status();
}

absl::StatusOr<absl::Duration> CrashRun::WriteAndKill() {
  const int64_t min_ms = absl::ToInt64Milliseconds(options_.min_delay);
  const int64_t max_ms = absl::ToInt64Milliseconds(options_.max_delay);
  const absl::Duration delay = absl::Milliseconds(
      min_ms + static_cast<int64_t>(delays_() % (max_ms - min_ms + 1)));
  IngestWriter writer(generator_, ledger_, *stub_, options_.rpc_timeout);
  writer.Start();
  absl::SleepFor(delay);
  RETURN_IF_ERROR(server_->Kill());
  RETURN_IF_ERROR(writer.Join());
  return delay;
}

absl::StatusOr<CrashTestSummary> CrashRun::Run() {
  const absl::Time start = absl::Now();
  RETURN_IF_ERROR(MakeDirectory(options_.work_dir));
  RETURN_IF_ERROR(Restart());
  for (int kill = 1; kill <= options_.kills; ++kill) {
    RETURN_IF_ERROR(CheckAndRetry());
    ASSIGN_OR_RETURN(absl::Duration delay, WriteAndKill());
    summary_.kills = kill;
    RETURN_IF_ERROR(Restart());
    if (kill == 1 && options_.sabotage != Sabotage::kNone) {
      RETURN_IF_ERROR(Sabotage());
    }
    if (options_.progress) {
      options_.progress(absl::StrFormat(
          "kill %d/%d after %s: %d sent, %d acknowledged, %d problems so far",
          kill, options_.kills, absl::FormatDuration(delay), ledger_.sent(),
          ledger_.acknowledged_count(), summary_.report.problems.size()));
    }
  }
  RETURN_IF_ERROR(CheckAndRetry());
  RETURN_IF_ERROR(Check().status());  // The retried batches, acknowledged now.
  stub_.reset();  // Close the connection: the server need not wait for it.
  const absl::Time stop = absl::Now();
  RETURN_IF_ERROR(server_->Stop(absl::Seconds(30)));
  if (options_.progress) {
    options_.progress(absl::StrCat("graph_server stopped cleanly in ",
                                   absl::FormatDuration(absl::Now() - stop)));
  }
  summary_.sent = ledger_.sent();
  summary_.acknowledged = ledger_.acknowledged_count();
  summary_.duration = absl::Now() - start;
  return summary_;
}

std::string JoinPath(const char* dir, const std::string& relative) {
  return absl::StrCat(dir, "/kg/", relative);
}

}  // namespace

std::string CrashTestSummary::Line() const {
  return absl::StrFormat(
      "crash test: %d kills, %d acknowledged batches, %d facts checked, "
      "%d lost, %d duplicated, %d half-applied, %d unexpected, "
      "%d counter mismatches, %d retry mismatches (%d sent, %d retried of "
      "which %d were committed before the kill, seed %d, %s)",
      kills, acknowledged, report.facts_checked, report.lost,
      report.duplicated, report.half_applied, report.unexpected,
      report.counter_mismatches, retry_mismatches, sent, retries,
      committed_unacknowledged, seed,
      absl::FormatDuration(duration));
}

std::string CrashTestSummary::Json() const {
  return absl::StrFormat(
      "{\"kills\": %d, \"acknowledged\": %d, \"sent\": %d, \"retried\": %d, "
      "\"facts_checked\": %d, \"lost\": %d, \"duplicated\": %d, "
      "\"half_applied\": %d, \"unexpected\": %d, \"counter_mismatches\": %d, "
      "\"retry_mismatches\": %d, \"committed_unacknowledged\": %d, "
      "\"seed\": %d, \"duration_s\": %.3f}",
      kills, acknowledged, sent, retries, report.facts_checked, report.lost,
      report.duplicated, report.half_applied, report.unexpected,
      report.counter_mismatches, retry_mismatches, committed_unacknowledged,
      seed,
      absl::ToDoubleSeconds(duration));
}

absl::StatusOr<CrashTestSummary> RunCrashTest(const CrashTestOptions& options) {
  if (options.kills < 0 || options.max_delay < options.min_delay) {
    return absl::InvalidArgumentError(
        "negative kills or max_delay < min_delay");
  }
  CrashRun run(options);
  return run.Run();
}

std::string FindRunfile(const std::string& workspace_relative,
                        const std::string& argv0) {
  std::vector<std::string> candidates;
  for (const char* variable : {"TEST_SRCDIR", "RUNFILES_DIR"}) {
    if (const char* dir = std::getenv(variable)) {
      candidates.push_back(JoinPath(dir, workspace_relative));
    }
  }
  candidates.push_back(JoinPath((argv0 + ".runfiles").c_str(),
                                workspace_relative));
  for (const std::string& path : candidates) {
    if (access(path.c_str(), X_OK) == 0) return path;
  }
  return "";
}

}  // namespace kg::crash
