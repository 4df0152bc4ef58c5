// The graph-walk RPCs timed with the server's default limits, as `kg viz`
// and the clients' explore call them: GetNeighbourhood (2 hops) on every
// two_hop key of the query set, and FindPath between consecutive keys.
#ifndef KG_BENCH_GRAPH_WALK_BENCH_H_
#define KG_BENCH_GRAPH_WALK_BENCH_H_

#include <string>
#include <vector>

#include "bench/graph/query_set.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::bench {

// Prints one JSON line per RPC: p50/p99 and what the answers held (facts
// and truncated answers for neighbourhoods, paths found and hops for
// FindPath). Returns 0, or 1 when a call failed.
int RunWalks(kg::v1::GraphService::Stub& stub, const std::string& label,
             const std::vector<BenchQuery>& queries, int repeat);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_WALK_BENCH_H_
