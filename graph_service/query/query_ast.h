// The syntax tree of a parsed query (see query_parser.h and
// docs/query-language.md), and rendering of values and patterns back to
// query syntax.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_AST_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_AST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph_service/query/query_lexer.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// One term of a triple pattern or operand of a filter.
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

// Conditions on the evidence of the fact a pattern matches, written
// `{source: "doc-1", rule: "r", min_confidence: 0.8, min_sources: 2}`.
// An evidence record qualifies when it comes from `source` (if set), was
// produced by `rule` (if set) and has confidence >= min_confidence; the
// fact matches when its qualifying records name at least
// max(1, min_sources) distinct documents.
struct ProvenanceFilter {
  std::string source;
  std::string rule;
  double min_confidence = 0;
  uint32_t min_sources = 0;
  // Inclusive bounds on Evidence.reported_date ("YYYY-MM-DD"; empty: none).
  // With either set, an undated record does not qualify.
  std::string reported_from;
  std::string reported_to;
  // Only the fact(s) of the subject and predicate whose latest qualifying
  // reported date is the latest among them.
  bool latest = false;
  // Transaction time: read the pattern against the graph as it stood at
  // this instant (microseconds since the Unix epoch), history included
  // (graph_service/temporal/as_of_view.h). Not an evidence condition:
  // active() ignores it.
  std::optional<int64_t> as_of_micros;

  bool active() const {
    return !source.empty() || !rule.empty() || min_confidence > 0 ||
           min_sources > 1 || !reported_from.empty() || !reported_to.empty() ||
           latest;
  }
};

// subject predicate value [provenance].
struct TriplePattern {
  QueryTerm subject;
  QueryTerm predicate;
  QueryTerm value;
  ProvenanceFilter provenance;
  // 0 for the required part; k for the k-th OPTIONAL block (1-based).
  int block = 0;
};

// A FILTER expression tree.
struct FilterExpr {
  enum class Op {
    kAnd,         // children[0] && children[1]
    kOr,          // children[0] || children[1]
    kNot,         // !children[0]
    kCompare,     // operands[0] `compare` operands[1]
    kContains,    // CONTAINS(operands[0], operands[1])
    kStartsWith,  // STARTS_WITH(...)
    kEndsWith,    // ENDS_WITH(...)
    kBound,       // BOUND(operands[0]), a variable
  };
  enum class Compare { kEq, kNe, kLt, kLe, kGt, kGe };
  Op op = Op::kCompare;
  Compare compare = Compare::kEq;
  std::vector<FilterExpr> children;
  std::vector<QueryTerm> operands;  // variables or kValue constants
  SourcePosition position;
};

struct Filter {
  FilterExpr expr;
  int block = 0;  // as in TriplePattern
};

// One column of SELECT: a variable, or COUNT(*) / COUNT([DISTINCT] ?v)
// named by `AS ?alias` (default name "count").
struct SelectItem {
  std::string name;  // output column name, without '?'
  bool is_count = false;
  bool count_distinct = false;
  std::string count_variable;  // empty for COUNT(*)
  SourcePosition position;
};

// A variable named in GROUP BY.
struct GroupKey {
  std::string variable;
  SourcePosition position;
};

struct OrderKey {
  std::string variable;  // a query variable or a SELECT alias
  bool descending = false;
  SourcePosition position;
};

struct ParsedQuery {
  // All patterns in the order written; `block` tells required from
  // OPTIONAL. At least one pattern is required (block 0).
  std::vector<TriplePattern> patterns;
  std::vector<Filter> filters;
  int num_optional_blocks = 0;
  // Distinct variable names (without '?') of the patterns, in order of
  // first appearance.
  std::vector<std::string> variables;
  // Empty: SELECT * (every variable, in `variables` order).
  std::vector<SelectItem> select;
  std::vector<GroupKey> group_by;
  std::vector<OrderKey> order_by;
  std::optional<uint64_t> limit;
  uint64_t offset = 0;

  bool has_aggregate() const;
};

// Renders a value the way a query would write it: `<Jane Connors>`,
// `"Commander"` (with \" and \\ escaped), `42`, `8.5`, `"2021-05-01"^^date`.
// An unset value (an unbound OPTIONAL variable) renders as `(unset)`.
std::string FormatValue(const kg::v1::Value& value);

// Renders a pattern as written: `?p leads <Operation X>`, followed by its
// provenance conditions if any (` {min_sources: 2}`).
std::string FormatPattern(const TriplePattern& pattern);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_AST_H_
