#include "graph_service/rules/rule_materializer.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace kg::graph::rules {

RuleMaterializer::RuleMaterializer(GraphStore* store, RuleEngine engine)
    : store_(store), engine_(std::move(engine)) {}

absl::StatusOr<WriteStats> RuleMaterializer::ReplaceDocument(
    absl::string_view document_id, absl::string_view content_hash,
    const std::vector<kg::v1::Fact>& facts, Ack ack) {
  return Settle(Replace(document_id, content_hash, facts), ack);
}

absl::StatusOr<WriteStats> RuleMaterializer::Settle(
    absl::StatusOr<WriteStats> stats, Ack ack) {
  if (!stats.ok() || ack == Ack::kApplied || stats->sync_ticket == 0) {
    return stats;
  }
  RETURN_IF_ERROR(store_->AwaitDurable(stats->sync_ticket));
  stats->sync_ticket = 0;
  return stats;
}

absl::StatusOr<WriteStats> RuleMaterializer::Replace(
    absl::string_view document_id, absl::string_view content_hash,
    const std::vector<kg::v1::Fact>& facts) {
  absl::MutexLock lock(&mu_);
  if (engine_.empty()) {
    return store_->ReplaceDocument(document_id, content_hash, facts);
  }
  // Invalid input is reported by the store exactly as without rules.
  for (const kg::v1::Fact& fact : facts) {
    if (!ValidateFact(fact).ok()) {
      return store_->ReplaceDocument(document_id, content_hash, facts);
    }
  }
  ASSIGN_OR_RETURN(std::vector<kg::v1::Fact> derived,
                   engine_.Derive(document_id, facts));
  std::vector<kg::v1::Fact> all = facts;
  all.insert(all.end(), derived.begin(), derived.end());
  ASSIGN_OR_RETURN(WriteStats stats,
                   store_->ReplaceDocument(document_id, content_hash, all));
  stats.facts_received = CountDistinctFacts(facts);
  return stats;
}

absl::StatusOr<WriteStats> RuleMaterializer::AddFacts(
    const std::vector<kg::v1::Fact>& facts, Ack ack) {
  if (engine_.empty()) {
    absl::MutexLock lock(&mu_);
    return Settle(store_->AddFacts(facts), ack);
  }
  return Settle(Add(facts, Mode::kAdd), ack);
}

absl::StatusOr<WriteStats> RuleMaterializer::ImportFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Settle(Add(facts, Mode::kImport), Ack::kDurable);
}

absl::StatusOr<WriteStats> RuleMaterializer::BulkAddFacts(
    std::vector<kg::v1::Fact> facts) {
  return Settle(Add(std::move(facts), Mode::kBulk), Ack::kDurable);
}

absl::StatusOr<WriteStats> RuleMaterializer::BulkImportFacts(
    std::vector<kg::v1::Fact> facts) {
  return Settle(Add(std::move(facts), Mode::kBulkImport), Ack::kDurable);
}

absl::StatusOr<WriteStats> RuleMaterializer::DeleteDocument(
    absl::string_view document_id) {
  absl::StatusOr<WriteStats> stats;
  {
    absl::MutexLock lock(&mu_);
    stats = store_->DeleteDocument(document_id);
  }
  return Settle(std::move(stats), Ack::kDurable);
}

absl::StatusOr<WriteStats> RuleMaterializer::Add(
    std::vector<kg::v1::Fact> facts, Mode mode) {
  absl::MutexLock lock(&mu_);
  const size_t given = facts.size();
  const bool derive = !engine_.empty() && [&] {
    for (const kg::v1::Fact& fact : facts) {
      if (!ValidateFact(fact).ok()) return false;  // The store says why.
    }
    return true;
  }();
  if (derive) {
    ASSIGN_OR_RETURN(std::vector<kg::v1::Fact> derived, Derivations(facts));
    facts.insert(facts.end(), std::make_move_iterator(derived.begin()),
                 std::make_move_iterator(derived.end()));
  }
  absl::StatusOr<WriteStats> stats =
      mode == Mode::kImport       ? store_->ImportFacts(facts)
      : mode == Mode::kBulk       ? store_->BulkAddFacts(facts)
      : mode == Mode::kBulkImport ? store_->BulkImportFacts(facts)
                                  : store_->AddFacts(facts);
  // Without derivations the store counted exactly the caller's facts.
  if (stats.ok() && facts.size() > given) {
    stats->facts_received = CountDistinctFacts(facts, given);
  }
  return stats;
}

absl::StatusOr<std::vector<kg::v1::Fact>> RuleMaterializer::Derivations(
    const std::vector<kg::v1::Fact>& facts) const {
  // The new facts per document that the rules read, each with one record
  // of that document holding what Derive reads of it: the confidence.
  std::map<std::string, std::vector<kg::v1::Fact>> by_document;
  for (const kg::v1::Fact& fact : facts) {
    if (!engine_.ReadsPredicate(fact.predicate())) continue;
    for (const kg::v1::Evidence& e : fact.evidence()) {
      if (IsDerived(e)) continue;
      kg::v1::Fact& copy = by_document[e.document_id()].emplace_back();
      copy.set_subject(fact.subject());
      copy.set_predicate(fact.predicate());
      *copy.mutable_value() = fact.value();
      copy.add_evidence()->set_confidence(e.confidence());
    }
  }
  std::vector<kg::v1::Fact> out;
  for (auto& [document, added] : by_document) {
    ASSIGN_OR_RETURN(std::vector<kg::v1::Fact> stored,
                     store_->GetDocumentFacts(document));
    stored.erase(std::remove_if(stored.begin(), stored.end(),
                                [this](const kg::v1::Fact& f) {
                                  return !engine_.ReadsPredicate(f.predicate());
                                }),
                 stored.end());
    stored.insert(stored.end(), std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
    ASSIGN_OR_RETURN(std::vector<kg::v1::Fact> derived,
                     engine_.Derive(document, stored));
    out.insert(out.end(), std::make_move_iterator(derived.begin()),
               std::make_move_iterator(derived.end()));
  }
  return out;
}

}  // namespace kg::graph::rules
