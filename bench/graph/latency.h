// Latency samples and their summary, printed as JSON fields.
#ifndef KG_BENCH_GRAPH_LATENCY_H_
#define KG_BENCH_GRAPH_LATENCY_H_

#include <string>
#include <vector>

#include "absl/time/time.h"

namespace kg::bench {

struct LatencySummary {
  size_t samples = 0;
  double p50_us = 0;
  double p99_us = 0;
  double mean_us = 0;
  double max_us = 0;
};

// Nearest-rank percentiles of `micros` (sorted in place). All zero when
// empty.
LatencySummary Summarize(std::vector<double>& micros);

// Microseconds from `start` to now.
double MicrosSince(absl::Time start);

// "\"n\":600,\"p50_us\":123.4,\"p99_us\":...,\"mean_us\":...,\"max_us\":..."
std::string JsonFields(const LatencySummary& summary);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_LATENCY_H_
