#include "graph_service/paths/path_finder.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/fact_reader.h"

namespace kg::graph {
namespace {

// How a search side reached a node: from `prev` across `fact`.
struct Parent {
  TermId prev = kNoTerm;
  IdTriple fact;
  uint32_t depth = 0;  // Hops from this side's start.
};

// One direction of the search: the nodes it reached and its frontier.
struct Side {
  absl::flat_hash_map<TermId, Parent> parents;
  std::vector<TermId> frontier;
  uint32_t depth = 0;
};

absl::StatusOr<TermId> RequireEntity(const GraphStore& store,
                                     absl::string_view name) {
  if (name.empty()) return absl::InvalidArgumentError("entity name is empty");
  ASSIGN_OR_RETURN(TermId id, LookupEntity(store, name));
  if (id == kNoTerm) {
    return absl::NotFoundError(absl::StrCat("no entity named \"", name, "\""));
  }
  return id;
}

// Expands `side` by one level; returns the first new node that `other`
// has reached, or kNoTerm. The expansion stops there: every node the level
// could meet is on other's frontier (one `other` had expanded would have
// met this side already), so the first meet is as short as any.
absl::StatusOr<TermId> ExpandLevel(GraphWalk& walk, Side& side,
                                   const Side& other) {
  std::vector<TermId> next;
  TermId meet = kNoTerm;
  absl::Status status;
  for (TermId node : side.frontier) {
    RETURN_IF_ERROR(walk.ForEachEdge(node, [&](const Edge& edge) {
      if (edge.other == kNoTerm || side.parents.contains(edge.other)) {
        return true;
      }
      status = walk.CountVisit();
      if (!status.ok()) return false;
      side.parents.emplace(edge.other, Parent{node, edge.fact, side.depth + 1});
      next.push_back(edge.other);
      if (other.parents.contains(edge.other)) meet = edge.other;
      return meet == kNoTerm;
    }));
    RETURN_IF_ERROR(status);
    if (meet != kNoTerm) break;
  }
  side.frontier = std::move(next);
  ++side.depth;
  return meet;
}

absl::StatusOr<kg::v1::PathHop> MakeHop(GraphWalk& walk, const IdTriple& fact,
                                        TermId from, TermId to,
                                        size_t max_evidence) {
  kg::v1::PathHop hop;
  ASSIGN_OR_RETURN(*hop.mutable_fact(),
                   ReadFact(walk.store(), walk.reader(), fact, max_evidence));
  hop.set_reversed(!(fact.subject == from && fact.value == to));
  return hop;
}

// The path source -> meet -> target from the two sides' parent links.
absl::StatusOr<kg::v1::FindPathResponse> BuildPath(GraphWalk& walk,
                                                   const Side& forward,
                                                   const Side& backward,
                                                   TermId meet,
                                                   size_t max_evidence) {
  std::vector<kg::v1::PathHop> head;
  for (TermId node = meet;;) {
    const Parent& p = forward.parents.at(node);
    if (p.prev == kNoTerm) break;
    ASSIGN_OR_RETURN(kg::v1::PathHop hop,
                     MakeHop(walk, p.fact, p.prev, node, max_evidence));
    head.push_back(std::move(hop));
    node = p.prev;
  }
  kg::v1::FindPathResponse response;
  for (auto it = head.rbegin(); it != head.rend(); ++it) {
    *response.add_hops() = std::move(*it);
  }
  for (TermId node = meet;;) {
    const Parent& p = backward.parents.at(node);
    if (p.prev == kNoTerm) break;
    ASSIGN_OR_RETURN(*response.add_hops(),
                     MakeHop(walk, p.fact, node, p.prev, max_evidence));
    node = p.prev;
  }
  return response;
}

}  // namespace

absl::StatusOr<kg::v1::FindPathResponse> FindPath(const GraphStore& store,
                                                  absl::string_view from,
                                                  absl::string_view to,
                                                  const PathOptions& options) {
  const uint32_t max_hops =
      options.max_hops == 0 ? kDefaultMaxHops : options.max_hops;
  if (max_hops > kMaxHopsCap) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_hops ", max_hops, " is above the server's cap of ", kMaxHopsCap));
  }
  ASSIGN_OR_RETURN(TermId source, RequireEntity(store, from));
  ASSIGN_OR_RETURN(TermId target, RequireEntity(store, to));
  if (source == target) return kg::v1::FindPathResponse();
  ASSIGN_OR_RETURN(GraphWalk walk,
                   GraphWalk::Create(store, options.predicates, options.limits));
  Side forward, backward;
  forward.parents.emplace(source, Parent{});
  forward.frontier = {source};
  backward.parents.emplace(target, Parent{});
  backward.frontier = {target};
  while (forward.depth + backward.depth < max_hops &&
         !forward.frontier.empty() && !backward.frontier.empty()) {
    // Expand the smaller frontier: the search grows from both ends.
    const bool ahead = forward.frontier.size() <= backward.frontier.size();
    Side& side = ahead ? forward : backward;
    Side& other = ahead ? backward : forward;
    ASSIGN_OR_RETURN(TermId meet, ExpandLevel(walk, side, other));
    if (meet != kNoTerm) {
      return BuildPath(walk, forward, backward, meet,
                       options.evidence_per_fact == 0 ? kDefaultPathEvidence
                                                      : options.evidence_per_fact);
    }
  }
  return kg::v1::FindPathResponse();
}

}  // namespace kg::graph
