// Relation extraction: runs the rules of a RuleSet (loaded from the rules
// file) over every sentence of an analyzed document. Pattern rules bind
// mentions to slots and emit (subject slot, predicate, value slot); built-in
// rules call their matcher. Every draft carries the rule's id and confidence.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_RELATION_EXTRACTOR_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_RELATION_EXTRACTOR_H_

#include <vector>

#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/builtin_matchers.h"
#include "extractor_service/pipeline/rule_context.h"
#include "extractor_service/pipeline/rule_set.h"
#include "extractor_service/pipeline/stop_check.h"

namespace kg::extractor {

class RelationExtractor {
 public:
  // `rules` must have been parsed with BuiltinMatcherNames().
  explicit RelationExtractor(RuleSet rules);

  // Runs every rule on every sentence of `doc` (whose mentions are set), in
  // rule order per sentence, handing each draft to `out` as it is emitted.
  // Deterministic; thread-safe.
  // Stops between sentences once `stop` says so.
  void Extract(const AnalyzedDocument& doc, DraftConsumer out,
               const StopCheck& stop = StopCheck()) const;
  // The same drafts, copied into a vector (tests, tools).
  std::vector<FactDraft> Extract(const AnalyzedDocument& doc) const;

  const RuleSet& rules() const { return rules_; }

 private:
  void RunRule(const RelationRule& rule, BuiltinMatcher builtin,
               const RuleContext& ctx, DraftConsumer out) const;

  RuleSet rules_;
  std::vector<BuiltinMatcher> builtins_;  // per rule; nullptr for patterns
  std::vector<bool> needs_author_;        // per rule: skip without author mentions
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_RELATION_EXTRACTOR_H_
