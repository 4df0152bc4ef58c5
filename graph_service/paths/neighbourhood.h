// Neighbourhood: every fact within k hops of an entity, with evidence.
#ifndef KG_GRAPH_SERVICE_PATHS_NEIGHBOURHOOD_H_
#define KG_GRAPH_SERVICE_PATHS_NEIGHBOURHOOD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/paths/graph_walk.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

inline constexpr uint32_t kDefaultNeighbourhoodHops = 1;
inline constexpr uint32_t kMaxNeighbourhoodHops = 4;
inline constexpr uint32_t kDefaultNeighbourhoodFacts = 1000;
inline constexpr uint32_t kMaxNeighbourhoodFacts = 100000;

struct NeighbourhoodOptions {
  // 0: kDefaultNeighbourhoodHops; above kMaxNeighbourhoodHops is
  // InvalidArgument.
  uint32_t hops = 0;
  std::vector<std::string> predicates;
  // At most this many facts (0: kDefaultNeighbourhoodFacts; capped at
  // kMaxNeighbourhoodFacts).
  uint32_t limit = 0;
  WalkLimits limits;
};

// The facts on the entities reachable from `name` in fewer than `hops`
// hops (so hops = 1 gives the entity's own facts, incoming and outgoing),
// each once, with evidence, in breadth-first order. Facts with literal
// values are included but not walked through. When the limit cuts the
// list short, `truncated` is set.
// Errors: InvalidArgument (empty name, hops above the cap); NotFound
// (unknown entity); DeadlineExceeded; ResourceExhausted (visited-node cap).
absl::StatusOr<kg::v1::GetNeighbourhoodResponse> GetNeighbourhood(
    const GraphStore& store, absl::string_view name,
    const NeighbourhoodOptions& options);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_PATHS_NEIGHBOURHOOD_H_
