// Join ordering for pattern queries.
//
// The engine evaluates triple patterns one after another (an index
// nested-loop join). The planner picks the order greedily: at each step, the
// remaining pattern with the fewest estimated matches given the variables
// that the patterns before it have already bound.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_PLANNER_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_PLANNER_H_

#include <array>
#include <cstdint>
#include <vector>

#include "graph_service/store/graph_store.h"

namespace kg::graph {

// A triple pattern whose constants have been resolved to TermIds.
struct ResolvedPattern {
  // The constant of each position; kNoTerm where a variable stands.
  IdPattern constants;
  // Index of the variable in each position (subject, predicate, value), or
  // -1 where a constant stands.
  std::array<int, 3> variables = {-1, -1, -1};
};

struct QueryPlan {
  // Indices into the planned patterns, in evaluation order.
  std::vector<size_t> order;
  // Estimated matches of each step (same indexing as `order`), given the
  // variables bound by the steps before it.
  std::vector<uint64_t> estimates;
};

// Each position holding an already-bound variable is assumed to divide the
// matches of a pattern by this factor.
inline constexpr uint64_t kBoundVariableSelectivity = 10;

// Estimated matches of `pattern` when the variables flagged in `bound` have
// values: EstimateCount of its constants, divided by
// kBoundVariableSelectivity per bound variable position, at least 1 unless
// the constants alone match nothing (then 0).
uint64_t EstimateMatches(const GraphStore& store,
                         const ResolvedPattern& pattern,
                         const std::vector<bool>& bound);

// EstimateMatches given the store's EstimateCount of the constants.
uint64_t AdjustForBound(uint64_t count, const ResolvedPattern& pattern,
                        const std::vector<bool>& bound);

// Orders `patterns` (variables numbered 0..num_variables-1). Ties go to the
// pattern that shares a bound variable, then to the earlier one, so plans
// are deterministic. Calls only EstimateCount on `store`.
QueryPlan PlanQuery(const GraphStore& store,
                    const std::vector<ResolvedPattern>& patterns,
                    int num_variables);

// As above, with the variables flagged in `bound` already bound before the
// first step (an OPTIONAL block is planned with the required part's
// variables bound). `bound` has one entry per variable.
QueryPlan PlanQuery(const GraphStore& store,
                    const std::vector<ResolvedPattern>& patterns,
                    std::vector<bool> bound);

// The index a scan of `pattern` uses when the variables flagged in `bound`
// have values: "spo" (subject known), "pos" (predicate known, subject
// not), "osp" (value known, or subject and value without predicate), or
// "all" (nothing known: a full scan).
const char* IndexName(const ResolvedPattern& pattern,
                      const std::vector<bool>& bound);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_PLANNER_H_
