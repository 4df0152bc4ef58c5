// The built-in matcher functions, one file per predicate family; registered
// by name in builtin_matchers.cc. Each one's contract is in its comment in
// the .cc file and in docs/extraction.md.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_MATCHERS_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_MATCHERS_H_

#include "extractor_service/pipeline/builtin_matchers.h"

namespace kg::extractor::internal {

#define KG_MATCHER(name) \
  void name(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out)

// matchers_mentions.cc
KG_MATCHER(MentionType);
KG_MATCHER(MentionAlias);
KG_MATCHER(MentionAcronym);
KG_MATCHER(MentionRole);
KG_MATCHER(MentionOrg);
// matchers_targets.cc
KG_MATCHER(TargetsInName);
KG_MATCHER(TargetsByCue);
KG_MATCHER(TargetsNominal);
// matchers_places.cc
KG_MATCHER(OperatesInName);
KG_MATCHER(OperatesNominal);
KG_MATCHER(LocatedInParent);
KG_MATCHER(PartOfPossessive);
// matchers_focus.cc
KG_MATCHER(OperatesInActivityPlace);
KG_MATCHER(OperatesInFocus);
KG_MATCHER(TargetsFocus);
KG_MATCHER(LeadsNominal);
KG_MATCHER(MemberOfPublishingForce);
KG_MATCHER(PartOfPublishingForce);
// matchers_leads.cc
KG_MATCHER(LeadsLedBy);
KG_MATCHER(LeadsWhoClause);
// matchers_said.cc
KG_MATCHER(SaidColon);
KG_MATCHER(SaidColonNextSentence);
KG_MATCHER(SaidQuoteFirst);
KG_MATCHER(SaidQuoteFollows);
KG_MATCHER(SaidPartialQuote);
KG_MATCHER(SaidReported);

#undef KG_MATCHER

}  // namespace kg::extractor::internal

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_MATCHERS_H_
