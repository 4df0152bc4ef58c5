// GraphWalk: the edges of the entity graph as the path searches see them,
// with the guards every search shares (deadline, visited-node cap).
//
// An edge is a stored fact between two entities: (s, p, o) with an entity
// value o joins s and o and can be crossed both ways. Facts with a literal
// value are edges to nowhere: a neighbourhood lists them, a path never
// crosses them.
//
// Thread safety: a GraphWalk is used by one search on one thread.
#ifndef KG_GRAPH_SERVICE_PATHS_GRAPH_WALK_H_
#define KG_GRAPH_SERVICE_PATHS_GRAPH_WALK_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph_service/store/graph_store.h"

namespace kg::graph {

struct WalkLimits {
  // Past this instant the search stops with DeadlineExceeded.
  absl::Time deadline = absl::InfiniteFuture();
  // More distinct nodes visited than this: ResourceExhausted.
  uint64_t max_visited = 200000;
};

// One fact seen from one of its ends.
struct Edge {
  IdTriple fact;
  // The other end; kNoTerm when the value is a literal.
  TermId other = kNoTerm;
  // True when the fact is crossed from its value to its subject.
  bool reversed = false;
};

class GraphWalk {
 public:
  // `store` must outlive the walk. Facts whose predicate is not among
  // `predicates` are ignored (empty: none is ignored; names the store does
  // not know match nothing).
  static absl::StatusOr<GraphWalk> Create(
      const GraphStore& store, const std::vector<std::string>& predicates,
      const WalkLimits& limits);

  // Calls `visit` for every fact with `node` as subject (value-side first
  // in index order) and then every fact with `node` as value, until it
  // returns false. Checks the deadline first.
  absl::Status ForEachEdge(TermId node,
                           const std::function<bool(const Edge&)>& visit);

  // The same over at most `max_per_direction` facts with `node` as subject
  // and as many with it as value (the first in index order); `*cut` tells
  // whether either direction had more.
  absl::Status ForEachEdge(TermId node, size_t max_per_direction, bool* cut,
                           const std::function<bool(const Edge&)>& visit);

  // Counts a newly visited node against the cap.
  absl::Status CountVisit();

  const GraphStore& store() const { return *store_; }
  // The walk's reader: its scans and evidence reads share one view.
  StoreReader& reader() { return *reader_; }

 private:
  GraphWalk(const GraphStore& store, const WalkLimits& limits)
      : store_(&store), reader_(store.OpenReader()), limits_(limits) {}
  bool Accepts(TermId predicate) const;
  absl::StatusOr<bool> IsEntity(TermId value);

  const GraphStore* store_;
  std::unique_ptr<StoreReader> reader_;
  WalkLimits limits_;
  bool filter_ = false;
  absl::flat_hash_set<TermId> predicates_;
  absl::flat_hash_map<TermId, bool> is_entity_;
  uint64_t visited_ = 0;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_PATHS_GRAPH_WALK_H_
