#include "bench/graph/latency.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace kg::bench {
namespace {

double Percentile(const std::vector<double>& sorted, double p) {
  const size_t rank = static_cast<size_t>(std::ceil(p * sorted.size()));
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace

LatencySummary Summarize(std::vector<double>& micros) {
  LatencySummary summary;
  if (micros.empty()) return summary;
  std::sort(micros.begin(), micros.end());
  summary.samples = micros.size();
  summary.p50_us = Percentile(micros, 0.50);
  summary.p99_us = Percentile(micros, 0.99);
  double total = 0;
  for (double m : micros) total += m;
  summary.mean_us = total / micros.size();
  summary.max_us = micros.back();
  return summary;
}

std::string JsonFields(const LatencySummary& s) {
  return absl::StrFormat(
      "\"n\":%d,\"p50_us\":%.1f,\"p99_us\":%.1f,\"mean_us\":%.1f,"
      "\"max_us\":%.1f",
      s.samples, s.p50_us, s.p99_us, s.mean_us, s.max_us);
}

double MicrosSince(absl::Time start) {
  return absl::ToDoubleMicroseconds(absl::Now() - start);
}

}  // namespace kg::bench
