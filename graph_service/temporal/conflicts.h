// Conflicts: competing facts where the schema (single_valued.h) allows one
// value, told apart by the reported dates on their evidence.
#ifndef KG_GRAPH_SERVICE_TEMPORAL_CONFLICTS_H_
#define KG_GRAPH_SERVICE_TEMPORAL_CONFLICTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/temporal/single_valued.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

inline constexpr uint32_t kDefaultConflicts = 100;
inline constexpr uint32_t kMaxConflicts = 10000;

struct ConflictOptions {
  // Only conflicts about this entity ("" = the whole graph).
  std::string entity;
  // 0: kDefaultConflicts; capped at kMaxConflicts.
  uint32_t limit = 0;
  absl::Time deadline = absl::InfiniteFuture();
};

// Every group of two or more facts competing under a declaration of
// `schema`, ordered by entity name then predicate; the facts of a group
// earliest reported first. A group is a SUCCESSION when every fact has a
// dated record and, ordered by first reported date, each fact's last
// reported date is before the next one's first; UNDATED when a fact has no
// dated record; a CONTRADICTION otherwise (overlapping periods).
// NotFound for an `entity` the store has never seen; DeadlineExceeded.
absl::StatusOr<kg::v1::ConflictsResponse> FindConflicts(
    const GraphStore& store, const std::vector<SingleValued>& schema,
    const ConflictOptions& options);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_TEMPORAL_CONFLICTS_H_
