#include "graph_service/query/query_planner.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace kg::graph {
namespace {

// True if some variable of `pattern` is already bound.
bool SharesBoundVariable(const ResolvedPattern& pattern,
                         const std::vector<bool>& bound) {
  for (int var : pattern.variables) {
    if (var >= 0 && bound[var]) return true;
  }
  return false;
}

}  // namespace

uint64_t EstimateMatches(const GraphStore& store,
                         const ResolvedPattern& pattern,
                         const std::vector<bool>& bound) {
  uint64_t estimate = store.EstimateCount(pattern.constants);
  if (estimate == 0) return 0;
  // A variable repeated within the pattern counts once per position: it
  // constrains each position it stands in.
  for (int var : pattern.variables) {
    if (var >= 0 && bound[var]) estimate /= kBoundVariableSelectivity;
  }
  return std::max<uint64_t>(estimate, 1);
}

QueryPlan PlanQuery(const GraphStore& store,
                    const std::vector<ResolvedPattern>& patterns,
                    int num_variables) {
  QueryPlan plan;
  std::vector<bool> bound(num_variables, false);
  std::vector<bool> used(patterns.size(), false);
  for (size_t step = 0; step < patterns.size(); ++step) {
    size_t best = patterns.size();
    // (estimate, not connected) — lower is better; ties keep the first.
    std::tuple<uint64_t, bool> best_key{std::numeric_limits<uint64_t>::max(),
                                        true};
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      const std::tuple<uint64_t, bool> key{
          EstimateMatches(store, patterns[i], bound),
          !SharesBoundVariable(patterns[i], bound)};
      if (best == patterns.size() || key < best_key) {
        best = i;
        best_key = key;
      }
    }
    used[best] = true;
    plan.order.push_back(best);
    plan.estimates.push_back(std::get<0>(best_key));
    for (int var : patterns[best].variables) {
      if (var >= 0) bound[var] = true;
    }
  }
  return plan;
}

}  // namespace kg::graph
