// FILTER expressions resolved against a store and evaluated on TermId
// bindings. Values are decoded only when a comparison needs them; equality
// with an entity, text or date constant compares TermIds.
//
// Semantics (docs/query-language.md): a comparison or function with an
// unbound variable, or comparing incomparable kinds with <, <=, >, >=, is
// false; `=` between different kinds (other than two numbers) is false and
// `!=` true.
#ifndef KG_GRAPH_SERVICE_QUERY_FILTER_EVALUATOR_H_
#define KG_GRAPH_SERVICE_QUERY_FILTER_EVALUATOR_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph_service/query/query_ast.h"
#include "graph_service/query/term_decoder.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

struct ResolvedOperand {
  int variable = -1;  // index into the binding, or -1 for a constant
  kg::v1::Value constant;
  // For an entity, text or date constant: its id (kNoTerm if the store has
  // never seen it), so `=` can compare ids.
  bool compare_ids = false;
  TermId constant_id = kNoTerm;
};

struct ResolvedFilter {
  FilterExpr::Op op = FilterExpr::Op::kCompare;
  FilterExpr::Compare compare = FilterExpr::Compare::kEq;
  std::vector<ResolvedFilter> children;
  std::vector<ResolvedOperand> operands;

  // Adds the variables the filter reads to `out`.
  void CollectVariables(absl::flat_hash_set<int>* out) const;
};

// Resolves `expr`; `variable_index` maps a name to its binding slot (every
// name is known: the parser checked). Errors come from the store.
absl::StatusOr<ResolvedFilter> ResolveFilter(
    const GraphStore& store, const FilterExpr& expr,
    const std::function<int(const std::string&)>& variable_index);

// Evaluates filters over one binding. Not thread-safe.
class FilterEvaluator {
 public:
  // `predicate_variables[v]` is true when variable v holds predicate ids.
  FilterEvaluator(TermDecoder* decoder, std::vector<bool> predicate_variables)
      : decoder_(decoder), predicate_variables_(std::move(predicate_variables)) {}

  // True when `filter` holds for `binding` (kNoTerm = unbound). Store
  // errors while decoding are returned.
  absl::StatusOr<bool> Evaluate(const ResolvedFilter& filter,
                                const std::vector<TermId>& binding);

 private:
  absl::StatusOr<bool> Compare(const ResolvedFilter& filter,
                               const std::vector<TermId>& binding);
  absl::StatusOr<bool> StringFunction(const ResolvedFilter& filter,
                                      const std::vector<TermId>& binding);
  // The operand's value; unset for an unbound variable.
  absl::StatusOr<kg::v1::Value> ValueOf(const ResolvedOperand& operand,
                                        const std::vector<TermId>& binding);

  TermDecoder* decoder_;
  const std::vector<bool> predicate_variables_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_FILTER_EVALUATOR_H_
