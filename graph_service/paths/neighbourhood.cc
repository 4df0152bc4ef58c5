#include "graph_service/paths/neighbourhood.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/fact_reader.h"

namespace kg::graph {
namespace {

struct TripleHash {
  size_t operator()(const IdTriple& t) const {
    return absl::HashOf(t.subject, t.predicate, t.value);
  }
};

}  // namespace

absl::StatusOr<kg::v1::GetNeighbourhoodResponse> GetNeighbourhood(
    const GraphStore& store, absl::string_view name,
    const NeighbourhoodOptions& options) {
  const uint32_t hops =
      options.hops == 0 ? kDefaultNeighbourhoodHops : options.hops;
  if (hops > kMaxNeighbourhoodHops) {
    return absl::InvalidArgumentError(absl::StrCat(
        "hops ", hops, " is above the server's cap of ", kMaxNeighbourhoodHops));
  }
  const uint32_t limit = std::min(
      options.limit == 0 ? kDefaultNeighbourhoodFacts : options.limit,
      kMaxNeighbourhoodFacts);
  if (name.empty()) return absl::InvalidArgumentError("name is empty");
  ASSIGN_OR_RETURN(TermId start, LookupEntity(store, name));
  if (start == kNoTerm) {
    return absl::NotFoundError(absl::StrCat("no entity named \"", name, "\""));
  }
  ASSIGN_OR_RETURN(GraphWalk walk,
                   GraphWalk::Create(store, options.predicates, options.limits));
  absl::flat_hash_set<TermId> visited = {start};
  absl::flat_hash_set<IdTriple, TripleHash> seen;
  std::vector<IdTriple> facts;
  std::vector<TermId> level = {start};
  bool truncated = false;
  absl::Status status;
  for (uint32_t depth = 0; depth < hops && !truncated && !level.empty();
       ++depth) {
    std::vector<TermId> next;
    for (TermId node : level) {
      RETURN_IF_ERROR(walk.ForEachEdge(node, [&](const Edge& edge) {
        if (!seen.insert(edge.fact).second) return true;
        if (facts.size() == limit) {
          truncated = true;
          return false;
        }
        facts.push_back(edge.fact);
        if (edge.other != kNoTerm && visited.insert(edge.other).second) {
          status = walk.CountVisit();
          next.push_back(edge.other);
        }
        return status.ok();
      }));
      RETURN_IF_ERROR(status);
      if (truncated) break;
    }
    level = std::move(next);
  }
  kg::v1::GetNeighbourhoodResponse response;
  response.set_truncated(truncated);
  for (const IdTriple& ids : facts) {
    ASSIGN_OR_RETURN(*response.add_facts(), ReadFact(store, ids, true));
  }
  return response;
}

}  // namespace kg::graph
