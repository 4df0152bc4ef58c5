#include "extractor_service/pipeline/builtin_matchers.h"

#include <utility>

#include "extractor_service/pipeline/internal/matchers.h"
#include "extractor_service/pipeline/internal/quotations.h"

namespace kg::extractor {
namespace {

const std::pair<const char*, BuiltinMatcher> kMatchers[] = {
    {"mention_type", internal::MentionType},
    {"mention_alias", internal::MentionAlias},
    {"mention_acronym", internal::MentionAcronym},
    {"mention_role", internal::MentionRole},
    {"mention_org", internal::MentionOrg},
    {"targets_in_name", internal::TargetsInName},
    {"targets_by_cue", internal::TargetsByCue},
    {"targets_nominal", internal::TargetsNominal},
    {"operates_in_name", internal::OperatesInName},
    {"operates_nominal", internal::OperatesNominal},
    {"located_in_parent", internal::LocatedInParent},
    {"part_of_possessive", internal::PartOfPossessive},
    {"leads_led_by", internal::LeadsLedBy},
    {"leads_who_clause", internal::LeadsWhoClause},
    {"operates_in_activity_place", internal::OperatesInActivityPlace},
    {"operates_in_focus", internal::OperatesInFocus},
    {"targets_focus", internal::TargetsFocus},
    {"leads_nominal", internal::LeadsNominal},
    {"member_of_publishing_force", internal::MemberOfPublishingForce},
    {"part_of_publishing_force", internal::PartOfPublishingForce},
    {"said_colon", internal::SaidColon},
    {"said_colon_next_sentence", internal::SaidColonNextSentence},
    {"said_quote_first", internal::SaidQuoteFirst},
    {"said_quote_follows", internal::SaidQuoteFollows},
    {"said_partial_quote", internal::SaidPartialQuote},
    {"said_reported", internal::SaidReported},
};

}  // namespace

MatcherMemo::MatcherMemo() = default;
MatcherMemo::~MatcherMemo() = default;

const internal::QuotationAnalysis& MatcherMemo::Quotations(
    const AnalyzedDocument& doc, const RelationRule& rule) {
  for (const auto& [r, analysis] : by_rule_) {
    if (r == &rule) return *analysis;
  }
  const WordList& reporting = rule.Words("reporting");
  const internal::QuotationAnalysis* found = nullptr;
  for (const auto& [words, analysis] : quotations_) {
    if (words == &reporting) found = analysis.get();
  }
  if (found == nullptr) {
    quotations_.emplace_back(
        &reporting,
        std::make_unique<internal::QuotationAnalysis>(doc, reporting));
    found = quotations_.back().second.get();
  }
  by_rule_.emplace_back(&rule, found);
  return *found;
}

BuiltinMatcher FindBuiltinMatcher(absl::string_view name) {
  for (const auto& [n, f] : kMatchers) {
    if (name == n) return f;
  }
  return nullptr;
}

const absl::flat_hash_set<std::string>& BuiltinMatcherNames() {
  static const auto* names = [] {
    auto* s = new absl::flat_hash_set<std::string>();
    for (const auto& [n, f] : kMatchers) s->insert(n);
    return s;
  }();
  return *names;
}

}  // namespace kg::extractor
