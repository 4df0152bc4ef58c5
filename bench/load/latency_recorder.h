// Per-operation-kind counts and latencies for the load test, collected in
// windows (one per report line) and over the whole run.
//
// Thread-safe: Record may be called from any number of threads while
// another thread calls TakeWindow or Overall.
#ifndef KG_BENCH_LOAD_LATENCY_RECORDER_H_
#define KG_BENCH_LOAD_LATENCY_RECORDER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace kg::load {

// The nearest-rank percentile (0 < p <= 1) of `values`, which it sorts;
// 0 when empty.
double Percentile(std::vector<double>& values, double p);

struct KindSummary {
  std::string kind;
  int64_t ok = 0;
  int64_t failed = 0;
  // Over every call of the kind, failed ones included; milliseconds.
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  // Failures by gRPC status code name ("UNAVAILABLE"); Overall() only.
  std::map<std::string, int64_t> errors;
};

class LatencyRecorder {
 public:
  // `kinds` names the operation kinds; Record's `kind` indexes it.
  // The whole-run statistics keep at most `max_samples_per_kind` latencies
  // per kind (later ones are counted but not kept).
  explicit LatencyRecorder(std::vector<std::string> kinds,
                           size_t max_samples_per_kind = 4'000'000);

  // Records one call. `error` is the status code name for a failure.
  void Record(size_t kind, bool ok, absl::Duration latency,
              const std::string& error = "");

  // The summaries of the calls recorded since the previous TakeWindow (or
  // construction), in `kinds` order; starts a new window.
  std::vector<KindSummary> TakeWindow();

  // The summaries of every call so far, in `kinds` order.
  std::vector<KindSummary> Overall() const;

 private:
  struct Samples {
    int64_t ok = 0;
    int64_t failed = 0;
    std::vector<double> latencies_ms;
    std::map<std::string, int64_t> errors;
  };
  static KindSummary Summarize(const std::string& kind, Samples samples);

  const std::vector<std::string> kinds_;
  const size_t max_samples_per_kind_;
  mutable absl::Mutex mu_;
  std::vector<Samples> window_ ABSL_GUARDED_BY(mu_);
  std::vector<Samples> overall_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kg::load

#endif  // KG_BENCH_LOAD_LATENCY_RECORDER_H_
