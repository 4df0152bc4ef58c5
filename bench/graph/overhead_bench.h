// Where a query's time over gRPC goes: the same server timed on calls that
// each add work to a bare round trip, so their p50s above the echo's are
// what that work costs.
//   echo         health Check (unary): transport and a handler that does
//                nothing
//   empty_stream QueryBatches of a query naming an entity the store does
//                not have: a server stream, parsing and the engine's
//                set-up, no store scan, no rows
//   plan         PlanQuery (unary) of "<E> type ?c" for a stored entity:
//                parsing, compiling, planning with a store count estimate
//   one_row      QueryBatches of that query: planning, one scan, one row
//                decoded, batched and sent
#ifndef KG_BENCH_GRAPH_OVERHEAD_BENCH_H_
#define KG_BENCH_GRAPH_OVERHEAD_BENCH_H_

#include <memory>
#include <string>
#include <vector>

#include "bench/graph/query_set.h"
#include "grpcpp/channel.h"

namespace kg::bench {

// Prints one JSON line per layer ({"bench":"overhead","layer":...,p50...})
// and one with each layer's p50 above the echo's. `calls` per layer, after a
// tenth as many to warm up. Returns 0, or 1 when a call failed.
int RunOverhead(const std::shared_ptr<grpc::Channel>& channel,
                const std::vector<BenchQuery>& queries, int calls);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_OVERHEAD_BENCH_H_
