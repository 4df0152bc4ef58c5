// Turns a parsed query into what the engine runs: constants resolved to
// TermIds, a join order per block (the required part, then each OPTIONAL
// block planned with the required variables bound), every FILTER attached
// to the earliest step that binds its variables, and the ResultSpec of the
// solution modifiers.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_COMPILER_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_COMPILER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph_service/query/filter_evaluator.h"
#include "graph_service/query/query_ast.h"
#include "graph_service/query/query_planner.h"
#include "graph_service/query/result_collector.h"
#include "graph_service/store/graph_store.h"

namespace kg::graph {

// One step of the nested-loop join: scan one pattern.
struct JoinStep {
  size_t pattern = 0;  // index into CompiledQuery::patterns
  int block = 0;       // 0: required; k: k-th OPTIONAL block
  // First step of an OPTIONAL block, and the step after its last one.
  bool block_begin = false;
  size_t block_end = 0;
  // Filters (indices into CompiledQuery::filters) checked after this step.
  std::vector<size_t> filters;
  uint64_t estimate = 0;
  const char* index = "all";
};

struct CompiledQuery {
  std::vector<ResolvedPattern> patterns;  // in query order
  std::vector<ProvenanceFilter> provenance;
  std::vector<std::string> variable_names;
  // Per variable: stands only in predicate position (holds predicate ids).
  std::vector<bool> predicate_variables;
  std::vector<ResolvedFilter> filters;
  std::vector<JoinStep> steps;
  // Filters that need variables the required part may leave unbound: run
  // on the complete solution.
  std::vector<size_t> final_filters;
  // Per block: some constant is unknown to the store (the block matches
  // nothing; for block 0 the query has no solutions).
  std::vector<bool> block_has_unknown_term;
  // Per pattern: some constant is unknown to the store.
  std::vector<bool> pattern_has_unknown_term;
  ResultSpec result;
};

// Limits from the caller that shape the ResultSpec.
struct CompileLimits {
  uint64_t limit = 0;  // 0: none
  uint64_t max_memory_bytes = 0;
  bool with_support = false;
  // Estimate a block's only pattern too (for PlanQuery's output). Off for
  // execution: with nothing to order, the estimate (a scan) is wasted, and
  // JoinStep::estimate is then 0.
  bool estimate_single_patterns = true;
};

// Compiles `parsed` against `store` (lookups and EstimateCount only).
// Errors come from the store.
absl::StatusOr<CompiledQuery> CompileQuery(const GraphStore& store,
                                           const ParsedQuery& parsed,
                                           const CompileLimits& limits);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_COMPILER_H_
