#include "graph_service/temporal/conflicts.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/reported_period.h"
#include "common/status_macros.h"
#include "graph_service/store/fact_reader.h"

namespace kg::graph {
namespace {

// Orders `conflict`'s facts earliest first (undated last) and sets its kind.
void Classify(kg::v1::Conflict* conflict) {
  std::vector<std::pair<ReportedPeriod, kg::v1::Fact>> facts;
  for (kg::v1::Fact& fact : *conflict->mutable_facts()) {
    ReportedPeriod period = ReportedPeriodOf(fact);
    facts.emplace_back(std::move(period), std::move(fact));
  }
  std::stable_sort(facts.begin(), facts.end(), [](const auto& a, const auto& b) {
    if (a.first.first.empty() != b.first.first.empty()) {
      return b.first.first.empty();
    }
    return a.first.first < b.first.first;
  });
  kg::v1::Conflict::Kind kind = kg::v1::Conflict::SUCCESSION;
  for (size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].first.first.empty()) {
      kind = kg::v1::Conflict::UNDATED;
      break;
    }
    if (i > 0 && !(facts[i - 1].first.last < facts[i].first.first)) {
      kind = kg::v1::Conflict::CONTRADICTION;
    }
  }
  conflict->set_kind(kind);
  conflict->clear_facts();
  for (auto& [period, fact] : facts) *conflict->add_facts() = std::move(fact);
}

class ConflictFinder {
 public:
  ConflictFinder(const GraphStore& store, const ConflictOptions& options)
      : store_(store), options_(options) {}

  // Adds the groups of `declaration`.
  absl::Status Collect(const SingleValued& declaration, TermId entity) {
    ASSIGN_OR_RETURN(TermId predicate,
                     store_.LookupPredicate(declaration.predicate));
    if (predicate == kNoTerm) return absl::OkStatus();
    TermId value_class = kNoTerm;
    TermId type = kNoTerm;
    if (!declaration.value_class.empty()) {
      kg::v1::Value class_value;
      class_value.set_entity(declaration.value_class);
      ASSIGN_OR_RETURN(value_class, store_.LookupValue(class_value));
      ASSIGN_OR_RETURN(type, store_.LookupPredicate("type"));
      if (value_class == kNoTerm || type == kNoTerm) return absl::OkStatus();
    }
    // Facts grouped by the entity they share: the subject, or the value.
    absl::flat_hash_map<TermId, std::vector<IdTriple>> groups;
    const IdPattern pattern =
        entity == kNoTerm ? IdPattern{kNoTerm, predicate, kNoTerm}
        : declaration.per_value ? IdPattern{kNoTerm, predicate, entity}
                                : IdPattern{entity, predicate, kNoTerm};
    uint64_t seen = 0;
    absl::Status status;
    RETURN_IF_ERROR(store_.Scan(pattern, [&](const IdTriple& t) {
      if (++seen % 4096 == 0 && absl::Now() > options_.deadline) {
        status = absl::DeadlineExceededError(
            "the conflict search ran past its deadline");
        return false;
      }
      groups[declaration.per_value ? t.value : t.subject].push_back(t);
      return true;
    }));
    RETURN_IF_ERROR(status);
    for (auto& [shared, facts] : groups) {
      if (facts.size() < 2) continue;
      if (value_class != kNoTerm) {
        bool typed = false;
        RETURN_IF_ERROR(store_.Scan({shared, type, value_class},
                                    [&typed](const IdTriple&) {
                                      typed = true;
                                      return false;
                                    }));
        if (!typed) continue;
      }
      kg::v1::Conflict conflict;
      ASSIGN_OR_RETURN(kg::v1::Value name, store_.DecodeValue(shared));
      conflict.set_entity(name.entity());
      conflict.set_predicate(declaration.predicate);
      conflict.set_per_value(declaration.per_value);
      for (const IdTriple& ids : facts) {
        ASSIGN_OR_RETURN(*conflict.add_facts(), ReadFact(store_, ids, true));
      }
      Classify(&conflict);
      found_.push_back(std::move(conflict));
    }
    return absl::OkStatus();
  }

  std::vector<kg::v1::Conflict>& found() { return found_; }

 private:
  const GraphStore& store_;
  const ConflictOptions& options_;
  std::vector<kg::v1::Conflict> found_;
};

}  // namespace

absl::StatusOr<kg::v1::ConflictsResponse> FindConflicts(
    const GraphStore& store, const std::vector<SingleValued>& schema,
    const ConflictOptions& options) {
  const uint32_t limit = std::min(
      options.limit == 0 ? kDefaultConflicts : options.limit, kMaxConflicts);
  TermId entity = kNoTerm;
  if (!options.entity.empty()) {
    ASSIGN_OR_RETURN(entity, LookupEntity(store, options.entity));
    if (entity == kNoTerm) {
      return absl::NotFoundError(
          absl::StrCat("no entity named \"", options.entity, "\""));
    }
  }
  ConflictFinder finder(store, options);
  for (const SingleValued& declaration : schema) {
    RETURN_IF_ERROR(finder.Collect(declaration, entity));
  }
  std::vector<kg::v1::Conflict>& found = finder.found();
  std::sort(found.begin(), found.end(),
            [](const kg::v1::Conflict& a, const kg::v1::Conflict& b) {
              return std::tie(a.entity(), a.predicate()) <
                     std::tie(b.entity(), b.predicate());
            });
  kg::v1::ConflictsResponse response;
  response.set_truncated(found.size() > limit);
  if (found.size() > limit) found.resize(limit);
  for (kg::v1::Conflict& c : found) *response.add_conflicts() = std::move(c);
  return response;
}

}  // namespace kg::graph
