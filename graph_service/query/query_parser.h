// Parser for the query language of docs/query-language.md.
//
// ParseQuery turns the text of a query into a ParsedQuery: triple patterns
// (required and OPTIONAL), FILTER expressions, per-pattern provenance
// conditions and the solution modifiers (SELECT, GROUP BY, ORDER BY, LIMIT,
// OFFSET). It knows nothing of any store; resolving constants to TermIds is
// the engine's job.
//
//   SELECT ?p (COUNT(*) AS ?n) WHERE {
//     ?p leads ?op {min_sources: 2} .      # comments run to the line end
//     OPTIONAL { ?op targets ?crime }
//     FILTER(?n > 1 && CONTAINS(?p, "Jane"))
//   } GROUP BY ?p ORDER BY DESC(?n) LIMIT 10
//
// Errors are InvalidArgument with a message of the form
// "line L, column C: what is wrong" (both 1-based; columns count Unicode
// code points).
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_PARSER_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/query/query_ast.h"

namespace kg::graph {

// Parses `query`. Subjects are variables or entities (a bare word,
// `<Multi Word Name>` or `"..."^^entity`); predicates are variables or bare
// words; values are any term. Typed literals are checked against their type
// (integer in int64 range, decimal in plain notation, date YYYY-MM-DD).
// Also checks that every variable of FILTER, SELECT, GROUP BY and ORDER BY
// is defined, and that an aggregating SELECT names only grouped variables.
// Returns InvalidArgument ("line L, column C: ...") on any error.
absl::StatusOr<ParsedQuery> ParseQuery(absl::string_view query);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_PARSER_H_
