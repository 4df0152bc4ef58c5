// Client-side graph walks over "all facts of one entity" lookups, for
// servers that predate FindPath and GetNeighbourhood. gRPC-free: the caller
// supplies the lookup (kg passes GraphService.GetEntity).
#ifndef KG_CLIENTS_CLI_GRAPH_WALK_H_
#define KG_CLIENTS_CLI_GRAPH_WALK_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/v1/graph.pb.h"

namespace kg::cli {

// Facts with the entity as subject or value; NotFound for an unknown one.
using EntityLookup =
    std::function<absl::StatusOr<kg::v1::GetEntityResponse>(const std::string&)>;

struct WalkLimits {
  uint32_t max_hops = 6;
  // Entities looked up at most; the walk stops (as if exhausted) past it.
  size_t max_lookups = 2000;
  // Only cross facts with these predicates (empty: all but `type`).
  std::vector<std::string> predicates;
};

// The shortest path from `from` to `to` through entity-valued facts, in
// either direction (breadth-first). Empty when there is none within the
// limits. NotFound (naming the entity) when `from` or `to` is unknown;
// other lookup errors are returned as they are.
absl::StatusOr<std::vector<kg::v1::PathHop>> FindPathByLookups(
    const std::string& from, const std::string& to, const WalkLimits& limits,
    const EntityLookup& lookup);

// Every distinct fact within `hops` of `name` (type facts included, not
// followed), at most `max_facts`; `truncated` says whether that cut it
// short. NotFound when `name` is unknown.
absl::StatusOr<kg::v1::GetNeighbourhoodResponse> NeighbourhoodByLookups(
    const std::string& name, uint32_t hops, uint32_t max_facts,
    const EntityLookup& lookup);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_GRAPH_WALK_H_
