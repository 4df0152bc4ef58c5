// RuleEngine: evaluates SAME_DOCUMENT rules over one document's facts.
//
// A document's derived facts are a function of the facts it states, so
// they can be written together with them, in the same atomic batch, as
// evidence of that document: replacing or deleting the document then
// retracts the derivations by the store's ordinary reference counting.
#ifndef KG_GRAPH_SERVICE_RULES_RULE_ENGINE_H_
#define KG_GRAPH_SERVICE_RULES_RULE_ENGINE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/rules/rule.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph::rules {

struct RuleEngineLimits {
  // Fixpoint rounds (a round applies every rule once to all facts so far).
  int max_rounds = 16;
  // Derived facts per document; more is ResourceExhausted.
  uint64_t max_derived = 100000;
  // Body matches tried per document; more is ResourceExhausted.
  uint64_t max_matches = 10000000;
};

class RuleEngine {
 public:
  explicit RuleEngine(std::vector<Rule> rules,
                      const RuleEngineLimits& limits = RuleEngineLimits());

  bool empty() const { return rules_.empty(); }
  const std::vector<Rule>& rules() const { return rules_; }
  // Whether some rule body matches facts with `predicate`. Facts with other
  // predicates never change what Derive returns, so a writer need not
  // pass them (nor re-derive a document that gained only such facts).
  bool ReadsPredicate(absl::string_view predicate) const {
    return body_predicates_.contains(predicate);
  }

  // The facts `rules` derive from `facts` (the complete fact set of
  // `document_id`; evidence that is itself derived, i.e. has premises, is
  // ignored), evaluated to a fixpoint: derived facts feed further rules.
  // Each derived fact has ONE evidence record per rule that derives it:
  // document_id = `document_id`, rule = the rule id, premises = the body's
  // facts in body order, confidence = product of the premises'
  // confidences (a premise's confidence is the highest among its records
  // from this document), reported_date = the latest among the document's
  // records (one date: the document's), empty sentence and zero offsets. When several
  // matches derive the same fact by the same rule in the same round, the
  // one with the highest confidence is kept (ties: the smallest premise
  // list), so the result does not depend on input order.
  // Of each input record Derive reads only its confidence, reported date
  // and whether it is derived. Errors: ResourceExhausted past the limits.
  absl::StatusOr<std::vector<kg::v1::Fact>> Derive(
      absl::string_view document_id,
      const std::vector<kg::v1::Fact>& facts) const;

 private:
  std::vector<Rule> rules_;
  absl::flat_hash_set<std::string> body_predicates_;
  RuleEngineLimits limits_;
};

// Whether `e` was made by a rule (it has premises).
bool IsDerived(const kg::v1::Evidence& e);

}  // namespace kg::graph::rules

#endif  // KG_GRAPH_SERVICE_RULES_RULE_ENGINE_H_
