#include "graph_service/query/query_engine.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_macros.h"
#include "graph_service/query/query_parser.h"
#include "graph_service/query/query_planner.h"

namespace kg::graph {
namespace {

// The deadline is read once per this many steps (scans and entries).
constexpr uint64_t kDeadlineCheckInterval = 1000;

struct VariableInfo {
  std::string name;
  // Appears only in predicate position: decoded as a predicate name.
  bool predicate_only = true;
};

// A parsed query with its constants resolved against the store.
struct ResolvedQuery {
  std::vector<ResolvedPattern> patterns;
  std::vector<VariableInfo> variables;
  // Some constant is unknown to the store: the query has no answers.
  bool has_unknown_term = false;
};

absl::StatusOr<TermId> ResolveConstant(const GraphStore& store,
                                       const QueryTerm& term) {
  if (term.kind == QueryTerm::Kind::kPredicate) {
    return store.LookupPredicate(term.predicate);
  }
  return store.LookupValue(term.value);
}

absl::StatusOr<ResolvedQuery> Resolve(const GraphStore& store,
                                      const ParsedQuery& parsed) {
  ResolvedQuery resolved;
  absl::flat_hash_map<std::string, int> index;
  for (const std::string& name : parsed.variables) {
    index[name] = static_cast<int>(resolved.variables.size());
    resolved.variables.push_back({name, true});
  }
  for (const TriplePattern& pattern : parsed.patterns) {
    ResolvedPattern out;
    const QueryTerm* terms[3] = {&pattern.subject, &pattern.predicate,
                                 &pattern.value};
    TermId* slots[3] = {&out.constants.subject, &out.constants.predicate,
                        &out.constants.value};
    for (int k = 0; k < 3; ++k) {
      if (terms[k]->is_variable()) {
        const int var = index.at(terms[k]->variable);
        out.variables[k] = var;
        if (k != 1) resolved.variables[var].predicate_only = false;
        continue;
      }
      ASSIGN_OR_RETURN(*slots[k], ResolveConstant(store, *terms[k]));
      if (*slots[k] == kNoTerm) resolved.has_unknown_term = true;
    }
    resolved.patterns.push_back(out);
  }
  return resolved;
}

// Rows allowed by `options`; 0 means unlimited.
uint64_t RowCap(const QueryOptions& options) {
  if (options.limit == 0) return options.max_rows;
  if (options.max_rows == 0) return options.limit;
  return std::min(options.limit, options.max_rows);
}

// Index nested-loop join over TermIds, in plan order. Variables are bound
// to TermIds; values are decoded only for emitted rows.
class JoinEvaluator {
 public:
  JoinEvaluator(const GraphStore& store, const QueryOptions& options,
                ResolvedQuery query, QueryPlan plan,
                const std::function<bool(kg::v1::QueryRow)>& emit)
      : store_(store),
        options_(options),
        query_(std::move(query)),
        plan_(std::move(plan)),
        emit_(emit),
        row_cap_(RowCap(options)),
        binding_(query_.variables.size(), kNoTerm),
        matched_(query_.patterns.size()) {}

  absl::Status Run() {
    if (absl::Now() > options_.deadline) return DeadlineError();
    Join(0);
    return status_;
  }

 private:
  static absl::Status DeadlineError() {
    return absl::DeadlineExceededError("query deadline exceeded");
  }

  // Counts one unit of work; false (with status_ set) when a budget is
  // exhausted.
  bool Tick(bool is_entry) {
    if (is_entry && ++scanned_ > options_.max_scanned) {
      status_ = absl::ResourceExhaustedError(
          absl::StrCat("query visited more than ", options_.max_scanned,
                       " index entries; add constants or patterns that "
                       "narrow it"));
      return false;
    }
    if (++steps_ % kDeadlineCheckInterval == 0 &&
        absl::Now() > options_.deadline) {
      status_ = DeadlineError();
      return false;
    }
    return true;
  }

  // Evaluates plan step `depth` and everything after it for the current
  // bindings. Returns false once evaluation must stop (error, row cap, or
  // emit declined).
  bool Join(size_t depth) {
    if (depth == plan_.order.size()) return EmitRow();
    if (!Tick(/*is_entry=*/false)) return false;
    const size_t pattern_index = plan_.order[depth];
    const ResolvedPattern& pattern = query_.patterns[pattern_index];
    IdPattern probe = pattern.constants;
    TermId* probe_slots[3] = {&probe.subject, &probe.predicate, &probe.value};
    for (int k = 0; k < 3; ++k) {
      const int var = pattern.variables[k];
      if (var >= 0) *probe_slots[k] = binding_[var];  // kNoTerm if unbound
    }
    bool keep_going = true;
    const absl::Status scan_status =
        store_.Scan(probe, [&](const IdTriple& triple) {
          if (!Tick(/*is_entry=*/true)) return keep_going = false;
          const TermId ids[3] = {triple.subject, triple.predicate,
                                 triple.value};
          std::array<int, 3> newly_bound = {-1, -1, -1};
          bool consistent = true;
          for (int k = 0; k < 3 && consistent; ++k) {
            const int var = pattern.variables[k];
            if (var < 0) continue;
            if (binding_[var] == kNoTerm) {
              binding_[var] = ids[k];
              newly_bound[k] = var;
            } else {
              // Only a variable repeated within this pattern gets here
              // unbound by the probe.
              consistent = binding_[var] == ids[k];
            }
          }
          if (consistent) {
            matched_[pattern_index] = triple;
            keep_going = Join(depth + 1);
          }
          for (int var : newly_bound) {
            if (var >= 0) binding_[var] = kNoTerm;
          }
          return keep_going;
        });
    if (!scan_status.ok() && status_.ok()) status_ = scan_status;
    return keep_going && status_.ok();
  }

  bool EmitRow() {
    if (!seen_rows_.insert(binding_).second) return true;
    absl::StatusOr<kg::v1::QueryRow> row = BuildRow();
    if (!row.ok()) {
      status_ = row.status();
      return false;
    }
    ++rows_;
    const bool more = emit_(*std::move(row));
    return more && (row_cap_ == 0 || rows_ < row_cap_);
  }

  absl::StatusOr<kg::v1::QueryRow> BuildRow() {
    kg::v1::QueryRow row;
    for (size_t var = 0; var < query_.variables.size(); ++var) {
      kg::v1::Binding* binding = row.add_bindings();
      binding->set_variable(query_.variables[var].name);
      if (query_.variables[var].predicate_only) {
        ASSIGN_OR_RETURN(std::string name, CachedPredicate(binding_[var]));
        binding->mutable_value()->set_text(name);
      } else {
        ASSIGN_OR_RETURN(*binding->mutable_value(),
                         CachedValue(binding_[var]));
      }
    }
    if (!options_.with_evidence) return row;
    for (const IdTriple& triple : matched_) {
      kg::v1::Fact* fact = row.add_support();
      ASSIGN_OR_RETURN(kg::v1::Value subject, CachedValue(triple.subject));
      fact->set_subject(subject.entity());
      ASSIGN_OR_RETURN(*fact->mutable_predicate(),
                       CachedPredicate(triple.predicate));
      ASSIGN_OR_RETURN(*fact->mutable_value(), CachedValue(triple.value));
      ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> evidence,
                       store_.GetEvidence(triple));
      for (kg::v1::Evidence& e : evidence) *fact->add_evidence() = std::move(e);
    }
    return row;
  }

  // Cached decoding: a term shared by many rows is decoded once.
  absl::StatusOr<kg::v1::Value> CachedValue(TermId id) {
    auto it = value_cache_.find(id);
    if (it != value_cache_.end()) return it->second;
    ASSIGN_OR_RETURN(kg::v1::Value value, store_.DecodeValue(id));
    return value_cache_.emplace(id, std::move(value)).first->second;
  }
  absl::StatusOr<std::string> CachedPredicate(TermId id) {
    auto it = predicate_cache_.find(id);
    if (it != predicate_cache_.end()) return it->second;
    ASSIGN_OR_RETURN(std::string name, store_.DecodePredicate(id));
    return predicate_cache_.emplace(id, std::move(name)).first->second;
  }

  const GraphStore& store_;
  const QueryOptions& options_;
  const ResolvedQuery query_;
  const QueryPlan plan_;
  const std::function<bool(kg::v1::QueryRow)>& emit_;
  const uint64_t row_cap_;

  std::vector<TermId> binding_;   // per variable; kNoTerm while unbound
  std::vector<IdTriple> matched_;  // per pattern (query order)
  absl::flat_hash_set<std::vector<TermId>> seen_rows_;
  absl::flat_hash_map<TermId, kg::v1::Value> value_cache_;
  absl::flat_hash_map<TermId, std::string> predicate_cache_;
  uint64_t scanned_ = 0;
  uint64_t steps_ = 0;
  uint64_t rows_ = 0;
  absl::Status status_;
};

// Decodes a fact found by DescribeEntity, with its evidence.
absl::StatusOr<kg::v1::Fact> DecodeFact(const GraphStore& store,
                                        const IdTriple& triple) {
  kg::v1::Fact fact;
  ASSIGN_OR_RETURN(kg::v1::Value subject, store.DecodeValue(triple.subject));
  fact.set_subject(subject.entity());
  ASSIGN_OR_RETURN(*fact.mutable_predicate(),
                   store.DecodePredicate(triple.predicate));
  ASSIGN_OR_RETURN(*fact.mutable_value(), store.DecodeValue(triple.value));
  ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> evidence,
                   store.GetEvidence(triple));
  for (kg::v1::Evidence& e : evidence) *fact.add_evidence() = std::move(e);
  return fact;
}

// Appends every fact matching `pattern` to `out`, decoded.
absl::Status CollectFacts(const GraphStore& store, const IdPattern& pattern,
                          google::protobuf::RepeatedPtrField<kg::v1::Fact>* out) {
  std::vector<IdTriple> triples;
  RETURN_IF_ERROR(store.Scan(pattern, [&](const IdTriple& triple) {
    triples.push_back(triple);
    return true;
  }));
  for (const IdTriple& triple : triples) {
    ASSIGN_OR_RETURN(*out->Add(), DecodeFact(store, triple));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ExecuteQuery(const GraphStore& store, absl::string_view query,
                          const QueryOptions& options,
                          const std::function<bool(kg::v1::QueryRow)>& emit) {
  ASSIGN_OR_RETURN(const ParsedQuery parsed, ParseQuery(query));
  ASSIGN_OR_RETURN(ResolvedQuery resolved, Resolve(store, parsed));
  if (resolved.has_unknown_term) return absl::OkStatus();
  QueryPlan plan =
      PlanQuery(store, resolved.patterns,
                static_cast<int>(resolved.variables.size()));
  JoinEvaluator evaluator(store, options, std::move(resolved), std::move(plan),
                          emit);
  return evaluator.Run();
}

absl::StatusOr<kg::v1::GetEntityResponse> DescribeEntity(
    const GraphStore& store, absl::string_view entity) {
  kg::v1::Value value;
  value.set_entity(std::string(entity));
  ASSIGN_OR_RETURN(const TermId id, store.LookupValue(value));
  kg::v1::GetEntityResponse response;
  if (id != kNoTerm) {
    RETURN_IF_ERROR(CollectFacts(store, IdPattern{id, kNoTerm, kNoTerm},
                                 response.mutable_outgoing()));
    RETURN_IF_ERROR(CollectFacts(store, IdPattern{kNoTerm, kNoTerm, id},
                                 response.mutable_incoming()));
  }
  if (response.outgoing().empty() && response.incoming().empty()) {
    return absl::NotFoundError(absl::StrCat("no entity named ", entity));
  }
  return response;
}

}  // namespace kg::graph
