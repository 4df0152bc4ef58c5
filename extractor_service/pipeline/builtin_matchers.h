// Built-in matchers: the relation patterns that need more than a token
// pattern (quotation spans, antecedents in neighbouring sentences, the
// recognizer's own person patterns). A rule in the rules file names one with
// `builtin NAME` and configures it through its word lists; the rule supplies
// id, predicate and confidence.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_BUILTIN_MATCHERS_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_BUILTIN_MATCHERS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "extractor_service/pipeline/rule_context.h"
#include "extractor_service/pipeline/rule_set.h"

namespace kg::extractor {

namespace internal {
class QuotationAnalysis;
}  // namespace internal

// Work the built-in matchers share within one document, done on first use:
// the quotations and their speakers (internal/quotations.h) for each list
// of reporting words. One per document; not thread-safe.
class MatcherMemo {
 public:
  MatcherMemo();
  ~MatcherMemo();
  MatcherMemo(const MatcherMemo&) = delete;
  MatcherMemo& operator=(const MatcherMemo&) = delete;

  // The analysis with the rule's "reporting" words; `doc` must be the same
  // document on every call.
  const internal::QuotationAnalysis& Quotations(const AnalyzedDocument& doc,
                                                const RelationRule& rule);

 private:
  std::vector<
      std::pair<const WordList*, std::unique_ptr<internal::QuotationAnalysis>>>
      quotations_;
  // Which analysis each rule asked for (saves looking its list up by name).
  std::vector<
      std::pair<const RelationRule*, const internal::QuotationAnalysis*>>
      by_rule_;
};

using BuiltinMatcher = void (*)(const RuleContext&, const RelationRule&,
                                const DraftSink&);

// The matcher called `name`, or nullptr.
BuiltinMatcher FindBuiltinMatcher(absl::string_view name);

// Every built-in matcher name (for RuleSet::Parse).
const absl::flat_hash_set<std::string>& BuiltinMatcherNames();

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_BUILTIN_MATCHERS_H_
