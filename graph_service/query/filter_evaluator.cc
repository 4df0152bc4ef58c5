#include "graph_service/query/filter_evaluator.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "common/status_macros.h"
#include "graph_service/query/value_order.h"

namespace kg::graph {
namespace {

using Op = FilterExpr::Op;
using Cmp = FilterExpr::Compare;

bool HoldsFor(Cmp compare, int c) {
  switch (compare) {
    case Cmp::kEq:
      return c == 0;
    case Cmp::kNe:
      return c != 0;
    case Cmp::kLt:
      return c < 0;
    case Cmp::kLe:
      return c <= 0;
    case Cmp::kGt:
      return c > 0;
    case Cmp::kGe:
      return c >= 0;
  }
  return false;
}

}  // namespace

void ResolvedFilter::CollectVariables(absl::flat_hash_set<int>* out) const {
  for (const ResolvedOperand& operand : operands) {
    if (operand.variable >= 0) out->insert(operand.variable);
  }
  for (const ResolvedFilter& child : children) child.CollectVariables(out);
}

absl::StatusOr<ResolvedFilter> ResolveFilter(
    const GraphStore& store, const FilterExpr& expr,
    const std::function<int(const std::string&)>& variable_index) {
  ResolvedFilter out;
  out.op = expr.op;
  out.compare = expr.compare;
  for (const FilterExpr& child : expr.children) {
    ASSIGN_OR_RETURN(ResolvedFilter resolved,
                     ResolveFilter(store, child, variable_index));
    out.children.push_back(std::move(resolved));
  }
  for (const QueryTerm& term : expr.operands) {
    ResolvedOperand operand;
    if (term.is_variable()) {
      operand.variable = variable_index(term.variable);
    } else {
      operand.constant = term.value;
      operand.compare_ids = term.value.has_entity() ||
                            term.value.has_text() || term.value.has_date();
      if (operand.compare_ids) {
        ASSIGN_OR_RETURN(operand.constant_id, store.LookupValue(term.value));
      }
    }
    out.operands.push_back(std::move(operand));
  }
  return out;
}

absl::StatusOr<bool> FilterEvaluator::Evaluate(
    const ResolvedFilter& filter, const std::vector<TermId>& binding) {
  switch (filter.op) {
    case Op::kAnd: {
      ASSIGN_OR_RETURN(bool left, Evaluate(filter.children[0], binding));
      if (!left) return false;
      return Evaluate(filter.children[1], binding);
    }
    case Op::kOr: {
      ASSIGN_OR_RETURN(bool left, Evaluate(filter.children[0], binding));
      if (left) return true;
      return Evaluate(filter.children[1], binding);
    }
    case Op::kNot: {
      ASSIGN_OR_RETURN(bool inner, Evaluate(filter.children[0], binding));
      return !inner;
    }
    case Op::kBound:
      return binding[filter.operands[0].variable] != kNoTerm;
    case Op::kCompare:
      return Compare(filter, binding);
    case Op::kContains:
    case Op::kStartsWith:
    case Op::kEndsWith:
      return StringFunction(filter, binding);
  }
  return false;
}

absl::StatusOr<bool> FilterEvaluator::Compare(
    const ResolvedFilter& filter, const std::vector<TermId>& binding) {
  const ResolvedOperand& a = filter.operands[0];
  const ResolvedOperand& b = filter.operands[1];
  for (const ResolvedOperand* operand : {&a, &b}) {
    if (operand->variable >= 0 && binding[operand->variable] == kNoTerm) {
      return false;  // unbound: the comparison is an error, hence false
    }
  }
  const bool equality = filter.compare == Cmp::kEq || filter.compare == Cmp::kNe;
  // Fast path: a value variable against an entity/text/date constant.
  const ResolvedOperand* var = a.variable >= 0 ? &a : &b;
  const ResolvedOperand* constant = a.variable >= 0 ? &b : &a;
  if (equality && var->variable >= 0 && constant->variable < 0 &&
      constant->compare_ids && !predicate_variables_[var->variable]) {
    const bool same = binding[var->variable] == constant->constant_id;
    return filter.compare == Cmp::kEq ? same : !same;
  }
  if (equality && a.variable >= 0 && b.variable >= 0 &&
      predicate_variables_[a.variable] == predicate_variables_[b.variable] &&
      binding[a.variable] == binding[b.variable]) {
    return filter.compare == Cmp::kEq;
  }
  ASSIGN_OR_RETURN(const kg::v1::Value left, ValueOf(a, binding));
  ASSIGN_OR_RETURN(const kg::v1::Value right, ValueOf(b, binding));
  const std::optional<int> c = CompareValues(left, right);
  if (!c.has_value()) return filter.compare == Cmp::kNe;
  return HoldsFor(filter.compare, *c);
}

absl::StatusOr<bool> FilterEvaluator::StringFunction(
    const ResolvedFilter& filter, const std::vector<TermId>& binding) {
  for (const ResolvedOperand& operand : filter.operands) {
    if (operand.variable >= 0 && binding[operand.variable] == kNoTerm) {
      return false;
    }
  }
  ASSIGN_OR_RETURN(const kg::v1::Value haystack,
                   ValueOf(filter.operands[0], binding));
  ASSIGN_OR_RETURN(const kg::v1::Value needle,
                   ValueOf(filter.operands[1], binding));
  const std::string h = LexicalForm(haystack);
  const std::string n = LexicalForm(needle);
  switch (filter.op) {
    case Op::kContains:
      return absl::StrContains(h, n);
    case Op::kStartsWith:
      return absl::StartsWith(h, n);
    case Op::kEndsWith:
      return absl::EndsWith(h, n);
    default:
      return false;
  }
}

absl::StatusOr<kg::v1::Value> FilterEvaluator::ValueOf(
    const ResolvedOperand& operand, const std::vector<TermId>& binding) {
  if (operand.variable < 0) return operand.constant;
  return decoder_->Decode(binding[operand.variable],
                          predicate_variables_[operand.variable]);
}

}  // namespace kg::graph
