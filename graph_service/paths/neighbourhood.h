// Neighbourhood: every fact within k hops of an entity, with evidence.
#ifndef KG_GRAPH_SERVICE_PATHS_NEIGHBOURHOOD_H_
#define KG_GRAPH_SERVICE_PATHS_NEIGHBOURHOOD_H_

#include <cstddef>
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
inline constexpr uint32_t kDefaultNeighbourhoodFacts = 250;
inline constexpr uint32_t kMaxNeighbourhoodFacts = 100000;
inline constexpr uint32_t kDefaultNeighbourhoodEvidence = 5;
// Facts one level of a walk may hold before the shares are drawn (memory).
inline constexpr size_t kMaxNeighbourhoodLevelFacts = 4000000;

struct NeighbourhoodOptions {
  // 0: kDefaultNeighbourhoodHops; above kMaxNeighbourhoodHops is
  // InvalidArgument.
  uint32_t hops = 0;
  std::vector<std::string> predicates;
  // At most this many facts (0: kDefaultNeighbourhoodFacts; capped at
  // kMaxNeighbourhoodFacts).
  uint32_t limit = 0;
  // At most this many evidence records per fact (0:
  // kDefaultNeighbourhoodEvidence); a fact with more has evidence_truncated.
  uint32_t evidence_per_fact = 0;
  WalkLimits limits;
};

// The facts on the entities reachable from `name` in fewer than `hops`
// hops (so hops = 1 gives the entity's own facts, incoming and outgoing),
// each once, with evidence, level by level. Facts with literal values are
// included but not walked through.
//
// Bounded on hubs: the `limit` facts are shared out level by level, the
// entities of a level getting max-min fair shares of what is left (none
// more than it has; what one cannot use goes evenly to the others), so one
// busy neighbour cannot crowd out the rest, and a level that does not fit
// whole is the last one walked. An entity with more facts than its share
// gives them round-robin across its predicates (index order within each),
// so every kind of relation it has is shown before a second of any kind;
// only its first `limit` + 1 facts each way (as subject, as value) are read,
// which keeps a hub's cost to the limit rather than to its degree. When
// any fact within `hops` is left out, `truncated` is set.
//
// Errors: InvalidArgument (empty name, hops above the cap); NotFound
// (unknown entity); DeadlineExceeded; ResourceExhausted (visited-node cap,
// or a level with more than kMaxNeighbourhoodLevelFacts facts).
absl::StatusOr<kg::v1::GetNeighbourhoodResponse> GetNeighbourhood(
    const GraphStore& store, absl::string_view name,
    const NeighbourhoodOptions& options);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_PATHS_NEIGHBOURHOOD_H_
