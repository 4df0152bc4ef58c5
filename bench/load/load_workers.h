// The load test's clients: writers send generated press releases through
// ExtractorService.Extract (forward = true), readers ask the graph service
// pattern queries (single patterns and joins), GetEntity, FindPath and
// GetNeighbourhood. Every call is timed into a LatencyRecorder under its
// OperationKind.
//
// Each writer owns the document numbers n with n % writers == index, so no
// two writers race on one document. A writer first mixes new documents
// with re-sends; once its share of --documents is used up it only re-sends:
// a changed version (the graph replaces the document's facts) or the
// unchanged text (the graph must answer `unchanged`, a no-op).
//
// Thread-safety: RunWriter and RunReader are meant to run on many threads
// at once; LoadCounters is atomic.
#ifndef KG_BENCH_LOAD_LOAD_WORKERS_H_
#define KG_BENCH_LOAD_LOAD_WORKERS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "bench/load/latency_recorder.h"
#include "bench/load/press_release.h"
#include "grpcpp/channel.h"

namespace kg::load {

enum OperationKind : size_t {
  kIngestNew = 0,
  kIngestChanged,
  kIngestUnchanged,
  kQueryPattern,
  kQueryJoin,
  kGetEntity,
  kFindPath,
  kNeighbourhood,
  // Aggregates: every call is also recorded under one of these.
  kAllIngests,
  kAllReads,
  kOperationKindCount,
};

// Names for the LatencyRecorder, in OperationKind order.
std::vector<std::string> OperationKindNames();

struct LoadCounters {
  std::atomic<int64_t> facts_extracted{0};
  // Re-sent unchanged documents the graph did (not) report as unchanged.
  std::atomic<int64_t> unchanged_acknowledged{0};
  std::atomic<int64_t> unchanged_rewritten{0};
  // Reader calls answered NOT_FOUND (counted as ok: a valid answer).
  std::atomic<int64_t> not_found{0};
  std::atomic<int64_t> query_rows{0};
};

struct WorkerOptions {
  // Stop at this time or after this many calls, whichever comes first.
  absl::Time stop_at;
  int64_t max_calls = 1'000'000;
  // Per-call gRPC deadline.
  absl::Duration rpc_timeout = absl::Seconds(30);
  uint64_t seed = 1;
};

struct WriterOptions {
  WorkerOptions worker;
  int index = 0;
  int writers = 1;
  // Distinct document numbers over all writers.
  uint64_t documents = 2000;
  // Chance that a re-send is the unchanged text rather than a new version.
  double unchanged_fraction = 0.3;
};

// Runs until options.worker.stop_at or max_calls.
void RunWriter(const WriterOptions& options,
               std::shared_ptr<grpc::Channel> extractor,
               const PressReleaseGenerator& generator,
               LatencyRecorder& recorder, LoadCounters& counters);

void RunReader(const WorkerOptions& options,
               std::shared_ptr<grpc::Channel> graph,
               const PressReleaseGenerator& generator,
               LatencyRecorder& recorder, LoadCounters& counters);

}  // namespace kg::load

#endif  // KG_BENCH_LOAD_LOAD_WORKERS_H_
