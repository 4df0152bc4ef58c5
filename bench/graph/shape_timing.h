// The query-latency measurement graph_bench (over gRPC) and core_bench (in
// process) share, so that their JSON lines compare like with like.
#ifndef KG_BENCH_GRAPH_SHAPE_TIMING_H_
#define KG_BENCH_GRAPH_SHAPE_TIMING_H_

#include <functional>
#include <string>
#include <vector>

#include "bench/graph/query_set.h"

namespace kg::bench {

// {"bench":"query","system":SYSTEM,"shape":SHAPE,"rpc":RPC,<latency>,
//  "rows":ROWS,"failures":FAILURES}
void PrintQueryLine(const std::string& system, const std::string& shape,
                    const std::string& rpc, std::vector<double>& micros,
                    long rows, int failures);

// Runs every query of `queries` through `run` (its row count, or -1 when it
// failed) shape by shape: one warm-up pass, then `repeat` timed ones; rows
// are those of the first timed pass. Prints one PrintQueryLine per shape.
// Returns the failed runs.
int TimeQueryShapes(const std::vector<BenchQuery>& queries, int repeat,
                    const std::string& system, const std::string& rpc,
                    const std::function<long(const std::string& text)>& run);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_SHAPE_TIMING_H_
