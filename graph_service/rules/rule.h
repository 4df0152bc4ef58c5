// Rule: one Datalog-style rule over facts (see docs/rules.md).
//
//   id: HEAD :- BODY1 . BODY2 . ... . SAME_DOCUMENT
//
// Every head variable occurs in the body. Only SAME_DOCUMENT rules exist:
// all premises of one derivation must have evidence from one document.
#ifndef KG_GRAPH_SERVICE_RULES_RULE_H_
#define KG_GRAPH_SERVICE_RULES_RULE_H_

#include <string>
#include <vector>

#include "kg/v1/fact.pb.h"

namespace kg::graph::rules {

// A variable (`?name`, stored without '?') or a constant value.
struct RuleTerm {
  bool is_variable = false;
  std::string variable;
  kg::v1::Value constant;
};

// subject predicate value; the predicate is always a constant name.
struct RulePattern {
  RuleTerm subject;
  std::string predicate;
  RuleTerm value;
};

struct Rule {
  // Recorded as Evidence.rule of what the rule derives.
  std::string id;
  RulePattern head;
  std::vector<RulePattern> body;
};

}  // namespace kg::graph::rules

#endif  // KG_GRAPH_SERVICE_RULES_RULE_H_
