#include "bench/graph/shape_timing.h"

#include <cstdio>

#include "absl/time/clock.h"
#include "bench/graph/latency.h"

namespace kg::bench {

void PrintQueryLine(const std::string& system, const std::string& shape,
                    const std::string& rpc, std::vector<double>& micros,
                    long rows, int failures) {
  std::printf(
      "{\"bench\":\"query\",\"system\":\"%s\",\"shape\":\"%s\","
      "\"rpc\":\"%s\",%s,\"rows\":%ld,\"failures\":%d}\n",
      system.c_str(), shape.c_str(), rpc.c_str(),
      JsonFields(Summarize(micros)).c_str(), rows, failures);
}

int TimeQueryShapes(const std::vector<BenchQuery>& queries, int repeat,
                    const std::string& system, const std::string& rpc,
                    const std::function<long(const std::string& text)>& run) {
  int total_failures = 0;
  for (QueryShape shape : kAllShapes) {
    std::vector<double> micros;
    long rows = 0;
    int failures = 0;
    for (int pass = 0; pass <= repeat; ++pass) {  // Pass 0 warms up.
      for (const BenchQuery& query : queries) {
        if (query.shape != shape) continue;
        const std::string text = ToKgQuery(query);
        const absl::Time start = absl::Now();
        const long n = run(text);
        if (pass > 0) micros.push_back(MicrosSince(start));
        if (n < 0) ++failures;
        if (pass == 1) rows += n;
      }
    }
    PrintQueryLine(system, ShapeName(shape), rpc, micros, rows, failures);
    total_failures += failures;
  }
  return total_failures;
}

}  // namespace kg::bench
