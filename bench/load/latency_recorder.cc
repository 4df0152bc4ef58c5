#include "bench/load/latency_recorder.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kg::load {

double Percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(p * static_cast<double>(values.size()));
  const size_t index =
      static_cast<size_t>(std::max(1.0, rank)) - 1;  // 1-based rank.
  return values[std::min(index, values.size() - 1)];
}

LatencyRecorder::LatencyRecorder(std::vector<std::string> kinds,
                                 size_t max_samples_per_kind)
    : kinds_(std::move(kinds)),
      max_samples_per_kind_(max_samples_per_kind),
      window_(kinds_.size()),
      overall_(kinds_.size()) {}

void LatencyRecorder::Record(size_t kind, bool ok, absl::Duration latency,
                             const std::string& error) {
  const double ms = absl::ToDoubleMilliseconds(latency);
  absl::MutexLock lock(&mu_);
  for (Samples* samples : {&window_[kind], &overall_[kind]}) {
    (ok ? samples->ok : samples->failed) += 1;
    if (!ok) ++samples->errors[error];
  }
  window_[kind].latencies_ms.push_back(ms);
  if (overall_[kind].latencies_ms.size() < max_samples_per_kind_) {
    overall_[kind].latencies_ms.push_back(ms);
  }
}

std::vector<KindSummary> LatencyRecorder::TakeWindow() {
  std::vector<Samples> window(kinds_.size());
  {
    absl::MutexLock lock(&mu_);
    window.swap(window_);
  }
  std::vector<KindSummary> summaries;
  for (size_t i = 0; i < kinds_.size(); ++i) {
    summaries.push_back(Summarize(kinds_[i], std::move(window[i])));
    summaries.back().errors.clear();
  }
  return summaries;
}

std::vector<KindSummary> LatencyRecorder::Overall() const {
  std::vector<Samples> overall;
  {
    absl::MutexLock lock(&mu_);
    overall = overall_;
  }
  std::vector<KindSummary> summaries;
  for (size_t i = 0; i < kinds_.size(); ++i) {
    summaries.push_back(Summarize(kinds_[i], std::move(overall[i])));
  }
  return summaries;
}

KindSummary LatencyRecorder::Summarize(const std::string& kind,
                                       Samples samples) {
  KindSummary summary;
  summary.kind = kind;
  summary.ok = samples.ok;
  summary.failed = samples.failed;
  summary.errors = std::move(samples.errors);
  summary.p50_ms = Percentile(samples.latencies_ms, 0.50);
  summary.p99_ms = Percentile(samples.latencies_ms, 0.99);
  summary.max_ms =
      samples.latencies_ms.empty() ? 0 : samples.latencies_ms.back();
  return summary;
}

}  // namespace kg::load
