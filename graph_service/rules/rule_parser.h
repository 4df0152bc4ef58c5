// Parses rule files (syntax in docs/rules.md).
#ifndef KG_GRAPH_SERVICE_RULES_RULE_PARSER_H_
#define KG_GRAPH_SERVICE_RULES_RULE_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/rules/rule.h"

namespace kg::graph::rules {

// The rules in `text`, in order. InvalidArgument naming the line (and
// column) of the first problem: bad syntax, a duplicate id, a head variable
// missing from the body, a predicate that is not lower_snake_case, a head
// subject that is not an entity, or a rule without SAME_DOCUMENT
// (cross-document rules are not supported).
absl::StatusOr<std::vector<Rule>> ParseRules(absl::string_view text);

// Reads and parses the file at `path`. NotFound when it cannot be read.
absl::StatusOr<std::vector<Rule>> LoadRulesFile(const std::string& path);

}  // namespace kg::graph::rules

#endif  // KG_GRAPH_SERVICE_RULES_RULE_PARSER_H_
