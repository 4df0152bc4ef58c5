// Pattern queries: conjunctive triple patterns with variables, e.g.
//
//   ?p has_role "Commander" . ?p leads ?op . ?op type Operation
//
// Terms: `?name` variable; `"..."` text literal (\" and \\ escapes);
// `<Multi Word Name>` or a bare word such as `Operation` an entity;
// `42` integer; `8.5` decimal; `"2021-05-01"^^date` (also ^^integer,
// ^^decimal, ^^text, ^^entity) a typed literal. The predicate position takes
// a bare word or a variable. Patterns are separated by '.'; a trailing '.'
// is allowed. See docs/query-language.md.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_ENGINE_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_ENGINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

struct QueryOptions {
  // Stop after this many rows (0 = no limit beyond max_rows).
  uint64_t limit = 0;
  // Hard cap on rows whatever `limit` says (0 = no cap).
  uint64_t max_rows = 100000;
  // Fill QueryRow.support with the matched facts and their evidence: one
  // Fact per triple pattern, in the order the patterns appear in the query.
  bool with_evidence = false;
  // Past this instant evaluation stops with DeadlineExceeded.
  absl::Time deadline = absl::InfiniteFuture();
  // Cap on index entries visited, against runaway cartesian products:
  // exceeded -> ResourceExhausted.
  uint64_t max_scanned = 50'000'000;
};

// Runs `query` against `store`, calling `emit` once per result row (rows are
// distinct; bindings in order of first appearance of each variable) until it
// returns false. Errors: InvalidArgument for a malformed query, with
// "line L, column C" in the message; DeadlineExceeded; ResourceExhausted.
// A query naming a term the store has never seen yields no rows, not an error.
// A query without variables yields one empty row when all its facts exist.
// A variable that stands only in predicate position is bound to the
// predicate's name as a text value; a variable standing in predicate and
// subject/value positions never matches (predicates are not entities).
// Row order is unspecified (it follows the plan and the store's indexes).
// Evaluation: index nested-loop join in the order chosen by PlanQuery
// (query_planner.h); emitting happens on the calling thread, so `emit` may
// stream rows but should not block for long.
absl::Status ExecuteQuery(const GraphStore& store, absl::string_view query,
                          const QueryOptions& options,
                          const std::function<bool(kg::v1::QueryRow)>& emit);

// Every fact with `entity` as subject (outgoing) or as entity value
// (incoming), with evidence, each list in the store's index order. The text
// value spelled like the entity does not count. NotFound ("no entity named
// X") if no fact has the entity as subject or value.
absl::StatusOr<kg::v1::GetEntityResponse> DescribeEntity(
    const GraphStore& store, absl::string_view entity);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_ENGINE_H_
