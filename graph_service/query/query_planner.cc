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
  return AdjustForBound(store.EstimateCount(pattern.constants), pattern, bound);
}

uint64_t AdjustForBound(uint64_t estimate, const ResolvedPattern& pattern,
                        const std::vector<bool>& bound) {
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
  return PlanQuery(store, patterns, std::vector<bool>(num_variables, false));
}

const char* IndexName(const ResolvedPattern& pattern,
                      const std::vector<bool>& bound) {
  bool known[3];
  for (int k = 0; k < 3; ++k) {
    const int var = pattern.variables[k];
    known[k] = var >= 0 ? bound[var] : true;  // constants are known
  }
  if (known[0] && !known[1] && known[2]) return "osp";
  if (known[0]) return "spo";
  if (known[1]) return "pos";
  if (known[2]) return "osp";
  return "all";
}

QueryPlan PlanQuery(const GraphStore& store,
                    const std::vector<ResolvedPattern>& patterns,
                    std::vector<bool> bound) {
  QueryPlan plan;
  std::vector<bool> used(patterns.size(), false);
  // EstimateCount depends on the constants only: ask the store once per
  // pattern (it may scan), then adjust for the variables bound per step.
  std::vector<uint64_t> counts(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    counts[i] = store.EstimateCount(patterns[i].constants);
  }
  for (size_t step = 0; step < patterns.size(); ++step) {
    size_t best = patterns.size();
    // (estimate, not connected) — lower is better; ties keep the first.
    std::tuple<uint64_t, bool> best_key{std::numeric_limits<uint64_t>::max(),
                                        true};
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      const std::tuple<uint64_t, bool> key{
          AdjustForBound(counts[i], patterns[i], bound),
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
