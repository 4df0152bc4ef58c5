// PathFinder: the shortest connection between two entities, found by
// bidirectional breadth-first search over the spo (outgoing) and osp
// (incoming) indexes, so every fact can be crossed in both directions.
#ifndef KG_GRAPH_SERVICE_PATHS_PATH_FINDER_H_
#define KG_GRAPH_SERVICE_PATHS_PATH_FINDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/paths/graph_walk.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

inline constexpr uint32_t kDefaultMaxHops = 6;
inline constexpr uint32_t kMaxHopsCap = 10;
inline constexpr uint32_t kDefaultPathEvidence = 20;

struct PathOptions {
  // Longest path searched; 0 means kDefaultMaxHops; above kMaxHopsCap is
  // InvalidArgument.
  uint32_t max_hops = 0;
  // Only cross facts with these predicates (empty: all).
  std::vector<std::string> predicates;
  // At most this many evidence records per hop (0: kDefaultPathEvidence);
  // a fact with more has evidence_truncated set.
  uint32_t evidence_per_fact = 0;
  WalkLimits limits;
};

// A shortest path from `from` to `to` (fewest facts crossed), each hop with
// the fact, its evidence (at most options.evidence_per_fact records), and
// the direction it was crossed in. Among
// shortest paths the one found first in index order is returned, so the
// answer is deterministic for a given store. No path within max_hops: an
// empty response. `from` == `to`: an empty response.
// Errors: InvalidArgument (empty name, max_hops above the cap); NotFound
// (an entity the store has never seen); DeadlineExceeded; ResourceExhausted
// (more than limits.max_visited entities visited).
absl::StatusOr<kg::v1::FindPathResponse> FindPath(const GraphStore& store,
                                                  absl::string_view from,
                                                  absl::string_view to,
                                                  const PathOptions& options);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_PATHS_PATH_FINDER_H_
