#include "graph_service/query/query_engine.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_macros.h"
#include "graph_service/query/filter_evaluator.h"
#include "graph_service/query/provenance.h"
#include "graph_service/query/query_compiler.h"
#include "graph_service/query/query_parser.h"
#include "graph_service/query/result_collector.h"
#include "graph_service/query/term_decoder.h"
#include "graph_service/temporal/as_of_view.h"

namespace kg::graph {
namespace {

// The deadline is read once per this many steps (scans and entries).
constexpr uint64_t kDeadlineCheckInterval = 1000;
// Provenance verdicts cached per query (pattern, fact); dropped beyond.
constexpr size_t kMaxProvenanceCache = 1 << 18;

absl::Status DeadlineError() {
  return absl::DeadlineExceededError("query deadline exceeded");
}

// The store each pattern reads: the store itself, or a view of it as it
// stood at the pattern's {as_of: T} (one view per distinct T, built before
// evaluation; their history records count against the query's memory cap).
class PatternStores {
 public:
  static absl::StatusOr<PatternStores> Open(const GraphStore& store,
                                            const ParsedQuery& query,
                                            uint64_t max_memory_bytes) {
    PatternStores out;
    std::map<int64_t, const GraphStore*> by_instant;
    for (const TriplePattern& pattern : query.patterns) {
      const std::optional<int64_t>& as_of = pattern.provenance.as_of_micros;
      if (!as_of.has_value()) {
        out.stores_.push_back(&store);
        continue;
      }
      auto [it, inserted] = by_instant.emplace(*as_of, nullptr);
      if (inserted) {
        ASSIGN_OR_RETURN(std::unique_ptr<AsOfView> view,
                         AsOfView::Open(store, *as_of, max_memory_bytes));
        it->second = view.get();
        out.views_.push_back(std::move(view));
      }
      out.stores_.push_back(it->second);
    }
    return out;
  }

  const GraphStore& operator[](size_t pattern) const {
    return *stores_[pattern];
  }

 private:
  std::vector<std::unique_ptr<AsOfView>> views_;
  std::vector<const GraphStore*> stores_;  // per pattern, in query order
};

// Index nested-loop join over TermIds, in plan order, with OPTIONAL blocks
// as left joins. Variables are bound to TermIds; values are decoded only
// for filters that need them and for emitted rows.
class JoinEvaluator {
 public:
  JoinEvaluator(const PatternStores& stores, const QueryOptions& options,
                const CompiledQuery& query, TermDecoder* decoder,
                ResultCollector* collector)
      : stores_(stores),
        options_(options),
        query_(query),
        decoder_(decoder),
        filters_(decoder, query.predicate_variables),
        collector_(collector),
        binding_(query.variable_names.size(), kNoTerm),
        matched_(query.patterns.size()),
        block_matched_(query.block_has_unknown_term.size(), false) {}

  absl::Status Run() {
    if (absl::Now() > options_.deadline) return DeadlineError();
    if (!query_.block_has_unknown_term[0]) Join(0);
    RETURN_IF_ERROR(status_);
    return collector_->Finish();
  }

 private:
  bool Fail(absl::Status status) {
    if (status_.ok()) status_ = std::move(status);
    return false;
  }

  // Counts one unit of work; false (with status_ set) when a budget is
  // exhausted.
  bool Tick(bool is_entry) {
    if (is_entry && ++scanned_ > options_.max_scanned) {
      return Fail(absl::ResourceExhaustedError(
          absl::StrCat("query visited more than ", options_.max_scanned,
                       " index entries; add constants or patterns that "
                       "narrow it")));
    }
    if (++steps_ % kDeadlineCheckInterval == 0 &&
        absl::Now() > options_.deadline) {
      return Fail(DeadlineError());
    }
    return true;
  }

  // Evaluates step `depth` and everything after it for the current
  // bindings. False once evaluation must stop (error, limit, emit declined).
  bool Join(size_t depth) {
    if (depth == query_.steps.size()) return Emit();
    const JoinStep& step = query_.steps[depth];
    if (!step.block_begin) return Scan(depth);
    // OPTIONAL block: a left join. Without any extension, the solution
    // continues with the block's variables unbound.
    block_matched_[step.block] = false;
    if (!query_.block_has_unknown_term[step.block] && !Scan(depth)) {
      return false;
    }
    if (block_matched_[step.block]) return true;
    for (size_t s = depth; s < step.block_end; ++s) {
      matched_[query_.steps[s].pattern] = IdTriple();
    }
    return Join(step.block_end);
  }

  bool Scan(size_t depth) {
    if (!Tick(/*is_entry=*/false)) return false;
    const JoinStep& step = query_.steps[depth];
    const ResolvedPattern& pattern = query_.patterns[step.pattern];
    IdPattern probe = pattern.constants;
    TermId* probe_slots[3] = {&probe.subject, &probe.predicate, &probe.value};
    for (int k = 0; k < 3; ++k) {
      const int var = pattern.variables[k];
      if (var >= 0) *probe_slots[k] = binding_[var];  // kNoTerm if unbound
    }
    // Only a subject variable bound by an earlier step (a constant subject
    // is scanned as before).
    if (options_.prune_non_entity_subjects && pattern.variables[0] >= 0 &&
        !MayBeSubject(probe.subject)) {
      return true;
    }
    bool keep_going = true;
    const absl::Status scan_status =
        stores_[step.pattern].Scan(probe, [&](const IdTriple& triple) {
          if (!Tick(/*is_entry=*/true)) return keep_going = false;
          keep_going = Visit(depth, triple);
          return keep_going;
        });
    if (!scan_status.ok()) Fail(scan_status);
    return keep_going && status_.ok();
  }

  // False when `id` is known not to be an entity: every stored subject is
  // one, so such a subject matches nothing. A term that does not decode as
  // a value (e.g. a predicate) is left to the scan.
  bool MayBeSubject(TermId id) {
    if (id == kNoTerm) return true;
    const absl::StatusOr<const kg::v1::Value*> value =
        decoder_->Find(id, /*is_predicate=*/false);
    return !value.ok() || (*value)->kind_case() == kg::v1::Value::kEntity;
  }

  // Binds the variables of step `depth` to `triple` and continues the join
  // if the bindings agree and the step's conditions hold.
  bool Visit(size_t depth, const IdTriple& triple) {
    const JoinStep& step = query_.steps[depth];
    const ResolvedPattern& pattern = query_.patterns[step.pattern];
    const TermId ids[3] = {triple.subject, triple.predicate, triple.value};
    std::array<int, 3> newly_bound = {-1, -1, -1};
    bool consistent = true;
    for (int k = 0; k < 3 && consistent; ++k) {
      const int var = pattern.variables[k];
      if (var < 0) continue;
      if (binding_[var] == kNoTerm) {
        binding_[var] = ids[k];
        newly_bound[k] = var;
      } else {
        // Only a variable repeated within this pattern gets here unbound
        // by the probe.
        consistent = binding_[var] == ids[k];
      }
    }
    bool keep_going = true;
    if (consistent && Accepts(step, triple)) {
      matched_[step.pattern] = triple;
      if (step.block > 0 && depth + 1 == step.block_end) {
        block_matched_[step.block] = true;
      }
      keep_going = Join(depth + 1);
    }
    for (int var : newly_bound) {
      if (var >= 0) binding_[var] = kNoTerm;
    }
    return keep_going && status_.ok();
  }

  // The step's provenance conditions and filters.
  bool Accepts(const JoinStep& step, const IdTriple& triple) {
    if (query_.provenance[step.pattern].active() &&
        !ProvenanceHolds(step.pattern, triple)) {
      return false;
    }
    return FiltersHold(step.filters);
  }

  bool FiltersHold(const std::vector<size_t>& filters) {
    for (size_t f : filters) {
      absl::StatusOr<bool> holds =
          filters_.Evaluate(query_.filters[f], binding_);
      if (!holds.ok()) return Fail(holds.status());
      if (!*holds) return false;
    }
    return true;
  }

  bool ProvenanceHolds(size_t pattern, const IdTriple& triple) {
    const std::array<uint64_t, 4> key = {pattern, triple.subject,
                                         triple.predicate, triple.value};
    auto it = provenance_cache_.find(key);
    if (it != provenance_cache_.end()) return it->second;
    absl::StatusOr<std::vector<kg::v1::Evidence>> evidence =
        stores_[pattern].GetEvidence(triple);
    if (!evidence.ok()) return Fail(evidence.status());
    const ProvenanceFilter& filter = query_.provenance[pattern];
    bool holds = SatisfiesProvenance(filter, *evidence);
    if (holds && filter.latest) {
      absl::StatusOr<std::string> latest =
          LatestOfSubjectPredicate(pattern, triple.subject, triple.predicate);
      if (!latest.ok()) return Fail(latest.status());
      holds = LatestQualifyingDate(filter, *evidence) == *latest;
    }
    if (provenance_cache_.size() >= kMaxProvenanceCache) {
      provenance_cache_.clear();
    }
    provenance_cache_.emplace(key, holds);
    return holds;
  }

  // For {latest}: the latest qualifying reported date among the facts of
  // (subject, predicate) that satisfy the pattern's other conditions.
  absl::StatusOr<std::string> LatestOfSubjectPredicate(size_t pattern,
                                                       TermId subject,
                                                       TermId predicate) {
    const std::array<uint64_t, 3> key = {pattern, subject, predicate};
    if (auto it = latest_cache_.find(key); it != latest_cache_.end()) {
      return it->second;
    }
    const ProvenanceFilter& filter = query_.provenance[pattern];
    std::vector<IdTriple> facts;
    const GraphStore& store = stores_[pattern];
    RETURN_IF_ERROR(store.Scan({subject, predicate, kNoTerm},
                                [&](const IdTriple& t) {
                                  facts.push_back(t);
                                  return true;
                                }));
    std::string latest;
    for (const IdTriple& fact : facts) {
      ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> evidence,
                       store.GetEvidence(fact));
      if (!SatisfiesProvenance(filter, evidence)) continue;
      latest = std::max(latest, LatestQualifyingDate(filter, evidence));
    }
    if (latest_cache_.size() >= kMaxProvenanceCache) latest_cache_.clear();
    latest_cache_.emplace(key, latest);
    return latest;
  }

  bool Emit() {
    if (!FiltersHold(query_.final_filters)) return status_.ok();
    const bool more = collector_->Add(binding_, matched_);
    if (!collector_->status().ok()) return Fail(collector_->status());
    return more;
  }

  const PatternStores& stores_;
  const QueryOptions& options_;
  const CompiledQuery& query_;
  TermDecoder* decoder_;
  FilterEvaluator filters_;
  ResultCollector* collector_;

  std::vector<TermId> binding_;    // per variable; kNoTerm while unbound
  std::vector<IdTriple> matched_;  // per pattern (query order)
  std::vector<bool> block_matched_;
  absl::flat_hash_map<std::array<uint64_t, 4>, bool> provenance_cache_;
  absl::flat_hash_map<std::array<uint64_t, 3>, std::string> latest_cache_;
  uint64_t scanned_ = 0;
  uint64_t steps_ = 0;
  absl::Status status_;
};

// Fills row.support: one Fact per pattern, with its (qualifying) evidence.
absl::Status FillSupport(const PatternStores& stores, const CompiledQuery& query,
                         TermDecoder* decoder,
                         const std::vector<IdTriple>& matched,
                         kg::v1::QueryRow* row) {
  for (size_t i = 0; i < matched.size(); ++i) {
    const IdTriple& triple = matched[i];
    kg::v1::Fact* fact = row->add_support();
    if (triple.subject == kNoTerm) continue;  // unmatched OPTIONAL pattern
    ASSIGN_OR_RETURN(const kg::v1::Value* subject,
                     decoder->Find(triple.subject, false));
    fact->set_subject(subject->entity());
    ASSIGN_OR_RETURN(const kg::v1::Value* predicate,
                     decoder->Find(triple.predicate, true));
    fact->set_predicate(predicate->text());
    ASSIGN_OR_RETURN(const kg::v1::Value* value,
                     decoder->Find(triple.value, false));
    fact->mutable_value()->CopyFrom(*value);
    ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> evidence,
                     stores[i].GetEvidence(triple));
    for (kg::v1::Evidence& e : evidence) {
      if (!Qualifies(query.provenance[i], e)) continue;
      *fact->add_evidence() = std::move(e);
    }
  }
  return absl::OkStatus();
}

// Hands each row to `emit` as a QueryRow of its own.
class EmitRowSink final : public RowSink {
 public:
  explicit EmitRowSink(const std::function<bool(kg::v1::QueryRow)>& emit)
      : emit_(emit) {}

  kg::v1::QueryRow* StartRow() override {
    row_.Clear();
    return &row_;
  }
  bool CommitRow() override { return emit_(std::move(row_)); }
  void DiscardRow() override { row_.Clear(); }

 private:
  const std::function<bool(kg::v1::QueryRow)>& emit_;
  kg::v1::QueryRow row_;
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

// Passes rows to `target` up to `cap` (0: no cap); a row past the cap is
// taken aside, not passed on, and stops evaluation: the answer was cut.
class CappedRowSink final : public RowSink {
 public:
  CappedRowSink(RowSink* target, uint64_t cap) : target_(target), cap_(cap) {}

  kg::v1::QueryRow* StartRow() override {
    if (Full()) {
      scratch_.Clear();
      return &scratch_;
    }
    return target_->StartRow();
  }
  bool CommitRow() override {
    if (Full()) {
      cut_ = true;
      return false;
    }
    ++passed_;
    return target_->CommitRow();
  }
  void DiscardRow() override {
    if (!Full()) target_->DiscardRow();
  }
  bool cut() const { return cut_; }

 private:
  bool Full() const { return cap_ > 0 && passed_ == cap_; }

  RowSink* const target_;
  const uint64_t cap_;
  uint64_t passed_ = 0;
  bool cut_ = false;
  kg::v1::QueryRow scratch_;
};

}  // namespace

absl::Status ExecuteQuery(const GraphStore& store, absl::string_view query,
                          const QueryOptions& options,
                          const std::function<bool(kg::v1::QueryRow)>& emit,
                          bool* truncated) {
  EmitRowSink sink(emit);
  return ExecuteQuery(store, query, options, &sink, truncated);
}

absl::Status ExecuteQuery(const GraphStore& store, absl::string_view query,
                          const QueryOptions& options, RowSink* target,
                          bool* truncated) {
  ASSIGN_OR_RETURN(const ParsedQuery parsed, ParseQuery(query));
  // The caller's limit (request or LIMIT, the smaller), and the server's.
  uint64_t asked = options.limit;
  if (parsed.limit.has_value() && (asked == 0 || *parsed.limit < asked)) {
    asked = *parsed.limit;
  }
  uint64_t server_cap = options.max_rows;
  if (asked == 0 && options.default_limit > 0 &&
      (server_cap == 0 || options.default_limit < server_cap)) {
    server_cap = options.default_limit;
  }
  // A server limit that may cut the rows is compiled one row higher, so
  // that the row past it shows the answer was cut (CappedRowSink).
  const bool server_may_cut = server_cap > 0 && (asked == 0 || asked > server_cap);
  CompileLimits limits;
  limits.limit = server_may_cut ? server_cap + 1 : asked;
  limits.max_memory_bytes = options.max_memory_bytes;
  limits.with_support = options.with_evidence;
  limits.estimate_single_patterns = false;
  ASSIGN_OR_RETURN(const CompiledQuery compiled,
                   CompileQuery(store, parsed, limits));
  ASSIGN_OR_RETURN(const PatternStores stores,
                   PatternStores::Open(store, parsed, options.max_memory_bytes));
  CappedRowSink capped(target, server_may_cut ? server_cap : 0);
  TermDecoder decoder(store);
  ResultCollector collector(
      compiled.result, &decoder,
      [&](const std::vector<IdTriple>& matched, kg::v1::QueryRow* row) {
        return FillSupport(stores, compiled, &decoder, matched, row);
      },
      &capped);
  JoinEvaluator evaluator(stores, options, compiled, &decoder, &collector);
  absl::Status status = evaluator.Run();
  if (truncated != nullptr) *truncated = capped.cut();
  return status;
}

absl::StatusOr<kg::v1::QueryPlan> PlanQueryText(const GraphStore& store,
                                                absl::string_view query) {
  ASSIGN_OR_RETURN(const ParsedQuery parsed, ParseQuery(query));
  ASSIGN_OR_RETURN(const CompiledQuery compiled,
                   CompileQuery(store, parsed, CompileLimits()));
  kg::v1::QueryPlan plan;
  for (const JoinStep& step : compiled.steps) {
    kg::v1::QueryPlanStep* out = plan.add_steps();
    out->set_pattern(absl::StrCat(step.block > 0 ? "OPTIONAL " : "",
                                  FormatPattern(parsed.patterns[step.pattern])));
    out->set_estimated_rows(static_cast<double>(step.estimate));
    out->set_index(step.index);
  }
  return plan;
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
