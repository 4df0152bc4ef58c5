#include "graph_service/paths/neighbourhood.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
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

// At most `n` of `edges`, taken round-robin across predicates: the first
// edge of each predicate (in first-seen order), then the second of each,
// and so on. All of them, in their order, when there are no more than `n`.
std::vector<Edge> SpreadAcrossPredicates(std::vector<Edge> edges, size_t n) {
  if (edges.size() <= n) return edges;
  absl::flat_hash_map<TermId, size_t> group_of;
  std::vector<std::vector<Edge>> groups;
  for (Edge& edge : edges) {
    auto [it, added] = group_of.try_emplace(edge.fact.predicate, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(std::move(edge));
  }
  std::vector<Edge> picked;
  picked.reserve(n);
  for (size_t round = 0; picked.size() < n; ++round) {
    for (std::vector<Edge>& group : groups) {
      if (round < group.size() && picked.size() < n) {
        picked.push_back(std::move(group[round]));
      }
    }
  }
  return picked;
}

// Max-min fair shares of `budget` among entities with `counts` facts to
// give: none gets more than it has, and what one cannot use goes to the
// others evenly; odd units go to the earliest of those with facts left.
std::vector<size_t> FairShares(const std::vector<size_t>& counts,
                               size_t budget) {
  std::vector<size_t> shares(counts.size(), 0);
  size_t total = 0;
  for (size_t c : counts) total += c;
  if (total <= budget) return counts;
  // The largest cap with sum(min(count, cap)) <= budget.
  std::vector<size_t> sorted = counts;
  std::sort(sorted.begin(), sorted.end());
  size_t cap = 0;
  size_t below = 0;  // Sum of the counts under the cap.
  for (size_t i = 0; i < sorted.size(); ++i) {
    const size_t above = sorted.size() - i;
    const size_t fits = (budget - below) / above;
    if (fits < sorted[i]) {
      cap = fits;
      break;
    }
    below += sorted[i];
  }
  size_t given = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    shares[i] = std::min(counts[i], cap);
    given += shares[i];
  }
  for (size_t i = 0; i < counts.size() && given < budget; ++i) {
    if (shares[i] < counts[i]) {
      ++shares[i];
      ++given;
    }
  }
  return shares;
}

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
  const uint32_t evidence_per_fact = options.evidence_per_fact == 0
                                         ? kDefaultNeighbourhoodEvidence
                                         : options.evidence_per_fact;
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
  for (uint32_t depth = 0; depth < hops && !level.empty(); ++depth) {
    // Every fact of the level not taken at an earlier one, each under the
    // first entity of the level that has it.
    // No entity can get more than what is left, so a hub's facts are read
    // only that far each way (`cut` marks the entities that have more).
    const size_t left = limit - facts.size();
    std::vector<std::vector<Edge>> edges(level.size());
    std::vector<bool> cut(level.size(), false);
    absl::flat_hash_set<IdTriple, TripleHash> claimed;
    size_t total = 0;
    for (size_t i = 0; i < level.size(); ++i) {
      auto claim = [&](const Edge& edge) {
        if (!seen.contains(edge.fact) && claimed.insert(edge.fact).second) {
          edges[i].push_back(edge);
        }
        return true;
      };
      bool more = false;
      RETURN_IF_ERROR(walk.ForEachEdge(level[i], left + 1, &more, claim));
      if (more && edges[i].size() <= left) {
        // Facts taken before filled the window: read them all to be exact.
        for (const Edge& edge : edges[i]) claimed.erase(edge.fact);
        edges[i].clear();
        RETURN_IF_ERROR(walk.ForEachEdge(level[i], claim));
      } else {
        cut[i] = more;
      }
      total += edges[i].size();
      if (total > kMaxNeighbourhoodLevelFacts) {
        return absl::ResourceExhaustedError(absl::StrCat(
            "the neighbourhood of \"", name, "\" has more than ",
            kMaxNeighbourhoodLevelFacts, " facts ", depth + 1,
            " hop(s) out; ask for fewer hops or name predicates"));
      }
    }
    std::vector<size_t> counts(level.size());
    for (size_t i = 0; i < level.size(); ++i) counts[i] = edges[i].size();
    const std::vector<size_t> shares = FairShares(counts, left);
    std::vector<TermId> next;
    for (size_t i = 0; i < level.size(); ++i) {
      if (shares[i] < counts[i] || cut[i]) truncated = true;
      for (Edge& edge : SpreadAcrossPredicates(std::move(edges[i]), shares[i])) {
        seen.insert(edge.fact);
        facts.push_back(edge.fact);
        if (edge.other != kNoTerm && visited.insert(edge.other).second) {
          RETURN_IF_ERROR(walk.CountVisit());
          next.push_back(edge.other);
        }
      }
    }
    if (truncated) break;
    if (facts.size() == limit && depth + 1 < hops) {
      // No room for the next level: cut only if it has a fact to give.
      for (TermId node : next) {
        RETURN_IF_ERROR(walk.ForEachEdge(node, [&](const Edge& edge) {
          truncated = !seen.contains(edge.fact);
          return !truncated;
        }));
        if (truncated) break;
      }
      break;
    }
    level = std::move(next);
  }
  kg::v1::GetNeighbourhoodResponse response;
  response.set_truncated(truncated);
  for (const IdTriple& ids : facts) {
    ASSIGN_OR_RETURN(*response.add_facts(),
                     ReadFact(store, walk.reader(), ids, evidence_per_fact));
  }
  return response;
}

}  // namespace kg::graph
