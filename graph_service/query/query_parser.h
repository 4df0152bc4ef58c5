// Parser for the pattern query language described in query_engine.h.
//
// ParseQuery turns the text of a query into a ParsedQuery: a list of triple
// patterns whose terms are either variables or typed constants. It knows
// nothing of any store; resolving constants to TermIds is the engine's job.
//
//   ?p has_role "Commander" .   # comments run to the end of the line
//   ?p leads ?op . ?op type <Operation>
//
// Errors are InvalidArgument with a message of the form
// "line L, column C: what is wrong" (both 1-based; columns count Unicode
// code points).
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_PARSER_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// A position in the query text, both 1-based.
struct SourcePosition {
  int line = 1;
  int column = 1;
};

// One term of a triple pattern.
struct QueryTerm {
  enum class Kind {
    kVariable,   // `?name`; `variable` holds the name without '?'.
    kValue,      // a constant in subject or value position; see `value`.
    kPredicate,  // a constant predicate name; see `predicate`.
  };
  Kind kind = Kind::kVariable;
  std::string variable;
  kg::v1::Value value;
  std::string predicate;
  SourcePosition position;

  bool is_variable() const { return kind == Kind::kVariable; }
};

// subject predicate value.
struct TriplePattern {
  QueryTerm subject;
  QueryTerm predicate;
  QueryTerm value;
};

struct ParsedQuery {
  // At least one pattern.
  std::vector<TriplePattern> patterns;
  // Distinct variable names (without '?') in order of first appearance.
  std::vector<std::string> variables;
};

// Parses `query`. Subjects are variables or entities (a bare word,
// `<Multi Word Name>` or `"..."^^entity`); predicates are variables or bare
// words; values are any term. Typed literals are checked against their type
// (integer in int64 range, decimal in plain notation, date YYYY-MM-DD).
// Returns InvalidArgument ("line L, column C: ...") for an empty query, a
// pattern without exactly three terms, a literal subject, an unterminated
// string or entity name, an unknown ^^type, an invalid number, or any other
// unexpected input.
absl::StatusOr<ParsedQuery> ParseQuery(absl::string_view query);

// Renders a value the way a query would write it: `<Jane Connors>`,
// `"Commander"` (with \" and \\ escaped), `42`, `8.5`, `"2021-05-01"^^date`.
// An unset value renders as `<unset>`.
std::string FormatValue(const kg::v1::Value& value);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_PARSER_H_
