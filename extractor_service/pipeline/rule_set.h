// Relation rules as data. A rules file (see docs/extraction.md, "Rule
// language") declares word lists and rules; each rule has an id, the
// predicate it emits, a confidence, a matcher (a token pattern or a named
// built-in matcher configured by word lists) and its own positive and
// negative example sentences, which the test suite runs.
//
//   words reporting = said says added
//   rule leads.head_of
//     predicate  leads
//     confidence 0.75
//     pattern    [Person:s] , the? head|leader of the? [Unit|Organization:o]
//     emit       s o
//     example +  "Insp Ann Lee, head of the Dog Unit, said so." => Ann Lee | leads | Dog Unit
//     example -  "Insp Ann Lee met the head of the Dog Unit."
//   end
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_RULE_SET_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_RULE_SET_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "extractor_service/pipeline/token_pattern.h"
#include "extractor_service/pipeline/word_list.h"

namespace kg::extractor {

struct RuleExample {
  bool positive = true;
  std::string sentence;
  // Positive examples: the fact the rule must produce from `sentence`.
  std::string subject, predicate, value;
};

struct RelationRule {
  std::string id;         // "leads.head_of"; unique in the set
  std::string predicate;  // core predicate emitted
  float confidence = 1.0f;
  std::string builtin;    // built-in matcher name, or "" for a pattern
  TokenPattern pattern;   // when builtin is empty
  std::string emit_subject, emit_value;  // pattern slot names (or "@force")
  // The rule's own word lists, then the file's global ones.
  absl::flat_hash_map<std::string, std::shared_ptr<const WordList>> words;
  std::vector<RuleExample> examples;
  int line = 0;  // where the rule starts in its file

  // The named list; an empty list when neither the rule nor the file has it
  // (Parse refuses rules naming lists that do not exist).
  const WordList& Words(absl::string_view name) const;
};

class RuleSet {
 public:
  // Parses rules-file text. InvalidArgument naming `source` and the line on
  // any syntax error, unknown built-in, unknown word list, duplicate id,
  // confidence outside (0, 1], or a rule without a positive example.
  // `builtins` names the built-in matchers a rule may use.
  static absl::StatusOr<RuleSet> Parse(
      absl::string_view text, absl::string_view source,
      const absl::flat_hash_set<std::string>& builtins);
  // Reads and parses a file; NotFound when it cannot be read.
  static absl::StatusOr<RuleSet> Load(
      const std::string& path,
      const absl::flat_hash_set<std::string>& builtins);

  const std::vector<RelationRule>& rules() const { return rules_; }

  // Keeps only the rules whose ids are listed (order kept).
  void KeepOnly(const std::vector<std::string>& ids);

 private:
  std::vector<RelationRule> rules_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_RULE_SET_H_
