#include "graph_service/query/query_checker.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace kg::graph {
namespace {

using NameSet = absl::flat_hash_set<std::string>;

absl::Status Undefined(const std::string& name, const SourcePosition& pos) {
  return ErrorAt(pos, absl::StrCat("?", name, " appears in no pattern"));
}

absl::Status CheckFilter(const FilterExpr& expr, const NameSet& defined) {
  for (const QueryTerm& operand : expr.operands) {
    if (operand.is_variable() && !defined.contains(operand.variable)) {
      return Undefined(operand.variable, operand.position);
    }
  }
  for (const FilterExpr& child : expr.children) {
    RETURN_IF_ERROR(CheckFilter(child, defined));
  }
  return absl::OkStatus();
}

absl::Status CheckSelect(const ParsedQuery& query, const NameSet& defined,
                         const NameSet& grouped, NameSet* aliases) {
  const bool aggregated = query.has_aggregate() || !query.group_by.empty();
  if (aggregated && query.select.empty()) {
    return ErrorAt(query.group_by[0].position,
                   "GROUP BY needs an explicit SELECT list");
  }
  NameSet names;
  for (const SelectItem& item : query.select) {
    if (!names.insert(item.name).second) {
      return ErrorAt(item.position,
                     absl::StrCat("?", item.name, " is selected twice"));
    }
    if (item.is_count) {
      if (!item.count_variable.empty() &&
          !defined.contains(item.count_variable)) {
        return Undefined(item.count_variable, item.position);
      }
      if (defined.contains(item.name)) {
        return ErrorAt(item.position,
                       absl::StrCat("?", item.name,
                                    " is a pattern variable; name the count "
                                    "with AS ?other"));
      }
      aliases->insert(item.name);
      continue;
    }
    if (!defined.contains(item.name)) {
      return Undefined(item.name, item.position);
    }
    if (aggregated && !grouped.contains(item.name)) {
      return ErrorAt(item.position,
                     absl::StrCat("?", item.name,
                                  " is neither grouped nor counted; add "
                                  "GROUP BY ?", item.name));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckQuery(ParsedQuery* query) {
  NameSet defined;
  query->variables.clear();
  for (const TriplePattern& pattern : query->patterns) {
    for (const QueryTerm* term :
         {&pattern.subject, &pattern.predicate, &pattern.value}) {
      if (term->is_variable() && defined.insert(term->variable).second) {
        query->variables.push_back(term->variable);
      }
    }
  }
  for (const Filter& filter : query->filters) {
    RETURN_IF_ERROR(CheckFilter(filter.expr, defined));
  }
  NameSet grouped;
  for (const GroupKey& key : query->group_by) {
    if (!defined.contains(key.variable)) {
      return Undefined(key.variable, key.position);
    }
    grouped.insert(key.variable);
  }
  NameSet aliases;
  RETURN_IF_ERROR(CheckSelect(*query, defined, grouped, &aliases));
  const bool aggregated = query->has_aggregate() || !query->group_by.empty();
  for (const OrderKey& key : query->order_by) {
    if (aliases.contains(key.variable)) continue;
    if (!defined.contains(key.variable)) {
      return Undefined(key.variable, key.position);
    }
    if (aggregated && !grouped.contains(key.variable)) {
      return ErrorAt(key.position,
                     absl::StrCat("?", key.variable,
                                  " is neither grouped nor counted"));
    }
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
