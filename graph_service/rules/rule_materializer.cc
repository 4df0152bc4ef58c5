#include "graph_service/rules/rule_materializer.h"

#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace kg::graph::rules {
namespace {

// Distinct triples among `facts`, as the stores count facts_received.
uint32_t CountDistinct(const std::vector<kg::v1::Fact>& facts) {
  std::set<std::string> seen;
  for (const kg::v1::Fact& f : facts) {
    seen.insert(absl::StrCat(f.subject().size(), ":", f.subject(),
                             f.predicate().size(), ":", f.predicate(),
                             f.value().SerializeAsString()));
  }
  return static_cast<uint32_t>(seen.size());
}

}  // namespace

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
  stats.facts_received = CountDistinct(facts);
  return stats;
}

absl::StatusOr<WriteStats> RuleMaterializer::AddFacts(
    const std::vector<kg::v1::Fact>& facts, Ack ack) {
  return Settle(Add(facts, Mode::kAdd), ack);
}

absl::StatusOr<WriteStats> RuleMaterializer::ImportFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Settle(Add(facts, Mode::kImport), Ack::kDurable);
}

absl::StatusOr<WriteStats> RuleMaterializer::BulkAddFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Settle(Add(facts, Mode::kBulk), Ack::kDurable);
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
    const std::vector<kg::v1::Fact>& facts, Mode mode) {
  absl::MutexLock lock(&mu_);
  std::vector<kg::v1::Fact> all;
  const bool derive = !engine_.empty() && [&] {
    for (const kg::v1::Fact& fact : facts) {
      if (!ValidateFact(fact).ok()) return false;  // The store says why.
    }
    return true;
  }();
  if (derive) {
    ASSIGN_OR_RETURN(all, WithDerivations(facts));
  }
  const std::vector<kg::v1::Fact>& to_write = derive ? all : facts;
  absl::StatusOr<WriteStats> stats =
      mode == Mode::kImport ? store_->ImportFacts(to_write)
      : mode == Mode::kBulk ? store_->BulkAddFacts(to_write)
                            : store_->AddFacts(to_write);
  if (stats.ok()) stats->facts_received = CountDistinct(facts);
  return stats;
}

absl::StatusOr<std::vector<kg::v1::Fact>> RuleMaterializer::WithDerivations(
    const std::vector<kg::v1::Fact>& facts) const {
  // The new facts per document, each with that document's evidence only.
  std::map<std::string, std::vector<kg::v1::Fact>> by_document;
  for (const kg::v1::Fact& fact : facts) {
    for (const kg::v1::Evidence& e : fact.evidence()) {
      if (IsDerived(e)) continue;
      kg::v1::Fact& copy = by_document[e.document_id()].emplace_back(fact);
      copy.clear_evidence();
      *copy.add_evidence() = e;
    }
  }
  std::vector<kg::v1::Fact> out = facts;
  for (auto& [document, added] : by_document) {
    ASSIGN_OR_RETURN(std::vector<kg::v1::Fact> stored,
                     store_->GetDocumentFacts(document));
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
