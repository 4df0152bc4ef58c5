#include "graph_service/query/query_compiler.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "common/status_macros.h"

namespace kg::graph {
namespace {

using VariableIndex = absl::flat_hash_map<std::string, int>;

absl::StatusOr<TermId> ResolveConstant(const GraphStore& store,
                                       const QueryTerm& term) {
  if (term.kind == QueryTerm::Kind::kPredicate) {
    return store.LookupPredicate(term.predicate);
  }
  return store.LookupValue(term.value);
}

absl::Status ResolvePatterns(const GraphStore& store, const ParsedQuery& parsed,
                             const VariableIndex& index, CompiledQuery* out) {
  out->block_has_unknown_term.assign(parsed.num_optional_blocks + 1, false);
  out->predicate_variables.assign(parsed.variables.size(), true);
  for (const TriplePattern& pattern : parsed.patterns) {
    ResolvedPattern resolved;
    bool unknown = false;
    const QueryTerm* terms[3] = {&pattern.subject, &pattern.predicate,
                                 &pattern.value};
    TermId* slots[3] = {&resolved.constants.subject,
                        &resolved.constants.predicate,
                        &resolved.constants.value};
    for (int k = 0; k < 3; ++k) {
      if (terms[k]->is_variable()) {
        const int var = index.at(terms[k]->variable);
        resolved.variables[k] = var;
        if (k != 1) out->predicate_variables[var] = false;
        continue;
      }
      ASSIGN_OR_RETURN(*slots[k], ResolveConstant(store, *terms[k]));
      if (*slots[k] == kNoTerm) unknown = true;
    }
    if (unknown) out->block_has_unknown_term[pattern.block] = true;
    out->pattern_has_unknown_term.push_back(unknown);
    out->patterns.push_back(resolved);
    out->provenance.push_back(pattern.provenance);
  }
  return absl::OkStatus();
}

// Plans every block and appends its steps.
void PlanSteps(const GraphStore& store, const ParsedQuery& parsed,
               bool estimate_single_patterns, CompiledQuery* out) {
  const size_t num_vars = parsed.variables.size();
  std::vector<bool> required_bound(num_vars, false);
  for (int block = 0; block <= parsed.num_optional_blocks; ++block) {
    std::vector<size_t> members;
    std::vector<ResolvedPattern> block_patterns;
    for (size_t i = 0; i < parsed.patterns.size(); ++i) {
      if (parsed.patterns[i].block != block) continue;
      members.push_back(i);
      block_patterns.push_back(out->patterns[i]);
    }
    std::vector<bool> bound =
        block == 0 ? std::vector<bool>(num_vars, false) : required_bound;
    QueryPlan plan;
    if (block_patterns.size() == 1 && !estimate_single_patterns) {
      plan.order = {0};
      plan.estimates = {0};
    } else {
      plan = PlanQuery(store, block_patterns, bound);
    }
    const size_t first = out->steps.size();
    for (size_t s = 0; s < plan.order.size(); ++s) {
      JoinStep step;
      step.pattern = members[plan.order[s]];
      step.block = block;
      step.block_begin = block > 0 && s == 0;
      step.estimate =
          out->pattern_has_unknown_term[step.pattern] ? 0 : plan.estimates[s];
      const ResolvedPattern& pattern = out->patterns[step.pattern];
      step.index = IndexName(pattern, bound);
      for (int var : pattern.variables) {
        if (var >= 0) bound[var] = true;
      }
      out->steps.push_back(step);
    }
    for (size_t s = first; s < out->steps.size(); ++s) {
      out->steps[s].block_end = out->steps.size();
    }
    if (block == 0) required_bound = bound;
  }
}

// Attaches filter `f` of `block` to the first step of that block after
// which all its variables are bound.
void PlaceFilter(size_t f, int block, CompiledQuery* out) {
  absl::flat_hash_set<int> needed;
  out->filters[f].CollectVariables(&needed);
  std::vector<bool> bound(out->variable_names.size(), false);
  size_t last_of_block = out->steps.size();
  for (size_t s = 0; s < out->steps.size(); ++s) {
    const JoinStep& step = out->steps[s];
    if (step.block != 0 && step.block != block) continue;
    for (int var : out->patterns[step.pattern].variables) {
      if (var >= 0) bound[var] = true;
    }
    if (step.block != block) continue;
    last_of_block = s;
    const bool ready = std::all_of(needed.begin(), needed.end(),
                                   [&](int var) { return bound[var]; });
    if (ready) {
      out->steps[s].filters.push_back(f);
      return;
    }
  }
  if (block == 0 || last_of_block == out->steps.size()) {
    out->final_filters.push_back(f);
  } else {
    out->steps[last_of_block].filters.push_back(f);
  }
}

ResultSpec BuildResultSpec(const ParsedQuery& parsed,
                           const VariableIndex& index,
                           const CompileLimits& limits,
                           const std::vector<bool>& predicate_variables) {
  ResultSpec spec;
  spec.predicate_variables = predicate_variables;
  spec.aggregate = parsed.has_aggregate() || !parsed.group_by.empty();
  spec.with_support = limits.with_support;
  spec.max_memory_bytes = limits.max_memory_bytes;
  absl::flat_hash_map<std::string, int> cell_of;  // output names -> cells
  if (spec.aggregate) {
    for (const GroupKey& key : parsed.group_by) {
      cell_of[key.variable] = static_cast<int>(spec.group_variables.size());
      spec.group_variables.push_back(index.at(key.variable));
    }
    for (const SelectItem& item : parsed.select) {
      if (!item.is_count) continue;
      cell_of[item.name] = static_cast<int>(spec.group_variables.size() +
                                            spec.counts.size());
      spec.counts.push_back(
          {item.count_variable.empty() ? -1 : index.at(item.count_variable),
           item.count_distinct});
    }
  } else {
    for (const auto& [name, var] : index) cell_of[name] = var;
  }
  if (parsed.select.empty()) {
    for (const std::string& name : parsed.variables) {
      spec.columns.push_back({name, cell_of.at(name)});
    }
  } else {
    for (const SelectItem& item : parsed.select) {
      spec.columns.push_back({item.name, cell_of.at(item.name)});
    }
  }
  absl::flat_hash_set<int> projected;
  for (const ResultSpec::Column& column : spec.columns) {
    projected.insert(column.cell);
  }
  spec.deduplicate =
      !spec.aggregate && projected.size() < parsed.variables.size();
  for (const OrderKey& key : parsed.order_by) {
    spec.order.push_back({cell_of.at(key.variable), key.descending});
  }
  spec.offset = parsed.offset;
  spec.limit = parsed.limit;
  if (limits.limit > 0) {
    spec.limit = std::min(spec.limit.value_or(limits.limit), limits.limit);
  }
  return spec;
}

}  // namespace

absl::StatusOr<CompiledQuery> CompileQuery(const GraphStore& store,
                                           const ParsedQuery& parsed,
                                           const CompileLimits& limits) {
  CompiledQuery out;
  VariableIndex index;
  for (const std::string& name : parsed.variables) {
    index[name] = static_cast<int>(out.variable_names.size());
    out.variable_names.push_back(name);
  }
  RETURN_IF_ERROR(ResolvePatterns(store, parsed, index, &out));
  PlanSteps(store, parsed, limits.estimate_single_patterns, &out);
  auto lookup = [&](const std::string& name) { return index.at(name); };
  for (const Filter& filter : parsed.filters) {
    ASSIGN_OR_RETURN(ResolvedFilter resolved,
                     ResolveFilter(store, filter.expr, lookup));
    out.filters.push_back(std::move(resolved));
    PlaceFilter(out.filters.size() - 1, filter.block, &out);
  }
  out.result =
      BuildResultSpec(parsed, index, limits, out.predicate_variables);
  return out;
}

}  // namespace kg::graph
