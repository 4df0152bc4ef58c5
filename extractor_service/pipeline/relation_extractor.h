// Relation extraction: a table of rules, each an id, a confidence and a
// matcher over one sentence's tokens and mentions. Rules emit fact drafts;
// the extractor turns them into Facts with evidence. The table is plain data
// so that it can later be loaded from a rules file.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_RELATION_EXTRACTOR_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_RELATION_EXTRACTOR_H_

#include <string>
#include <vector>

#include "extractor_service/pipeline/analyzed_document.h"

namespace kg::extractor {

struct FactDraft {
  std::string subject;
  std::string predicate;
  std::string value;
  bool value_is_entity = false;
  // For entity values: the value's class, so that it gets a type fact.
  EntityClass value_class = EntityClass::kCrimeType;
  int sentence = 0;  // evidence sentence
  std::string rule;
  float confidence = 1.0f;
};

// What a rule sees: the document, one sentence and that sentence's mentions.
struct RuleContext {
  const AnalyzedDocument& doc;
  int sentence;
  std::vector<const Mention*> mentions;  // in token order
  std::string primary_force;  // most-mentioned force of the document, or ""

  const std::vector<Token>& tokens() const {
    return doc.sentences[sentence].tokens;
  }
};

struct RelationRule;
using RuleMatcher = void (*)(const RuleContext&, const RelationRule&,
                             std::vector<FactDraft>*);

struct RelationRule {
  const char* id;        // "has_role.rank_before_name"
  float confidence;      // in (0, 1]
  RuleMatcher match;
};

// The built-in rule table.
const std::vector<RelationRule>& DefaultRelationRules();

class RelationExtractor {
 public:
  RelationExtractor() : rules_(DefaultRelationRules()) {}
  explicit RelationExtractor(std::vector<RelationRule> rules)
      : rules_(std::move(rules)) {}

  // Runs every rule on every sentence of `doc` (whose mentions are set), in
  // table order. Deterministic; thread-safe.
  std::vector<FactDraft> Extract(const AnalyzedDocument& doc) const;

 private:
  std::vector<RelationRule> rules_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_RELATION_EXTRACTOR_H_
