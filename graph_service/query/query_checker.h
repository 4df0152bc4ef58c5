// Semantic checks of a parsed query, run by ParseQuery after the grammar.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_CHECKER_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_CHECKER_H_

#include "absl/status/status.h"
#include "graph_service/query/query_ast.h"

namespace kg::graph {

// Fills `query->variables` (pattern variables in order of first
// appearance) and checks that: every variable of a FILTER, COUNT, GROUP BY
// or ORDER BY appears in some pattern (ORDER BY may also name a SELECT
// alias); selected variables appear in patterns; aliases are new and
// distinct names; with COUNT or GROUP BY, SELECT lists columns explicitly
// and every plain selected variable is grouped; ORDER BY on an aggregated
// query names a grouped variable or an alias.
// InvalidArgument "line L, column C: ..." at the offending name otherwise.
absl::Status CheckQuery(ParsedQuery* query);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_CHECKER_H_
