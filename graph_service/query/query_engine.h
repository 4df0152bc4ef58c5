// Pattern queries, in the spirit of SPARQL basic graph patterns, e.g.
//
//   ?p has_role "Commander" . ?p leads ?op . ?op type Operation
//
//   SELECT ?p (COUNT(*) AS ?n) WHERE {
//     ?p leads ?op {min_sources: 2, min_confidence: 0.8} .
//     OPTIONAL { ?op targets ?crime }
//     FILTER(CONTAINS(?p, "Connors"))
//   } GROUP BY ?p ORDER BY DESC(?n) LIMIT 10
//
// Terms: `?name` variable; `"..."` text literal (\" and \\ escapes);
// `<Multi Word Name>` or a bare word such as `Operation` an entity;
// `42` integer; `8.5` decimal; `"2021-05-01"^^date` (also ^^integer,
// ^^decimal, ^^text, ^^entity) a typed literal. FILTER compares values and
// tests strings; `{...}` after a pattern filters on its evidence
// (source document, rule, confidence, number of distinct documents).
// The complete grammar is in docs/query-language.md.
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
#include "graph_service/query/row_sink.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

struct QueryOptions {
  // Stop after this many rows, as the caller asked (0 = none asked).
  uint64_t limit = 0;
  // The rows a query gets when neither `limit` nor its text's LIMIT says
  // (0 = no default).
  uint64_t default_limit = 0;
  // Hard cap on rows whatever `limit` or LIMIT say (0 = no cap).
  uint64_t max_rows = 100000;
  // Fill QueryRow.support with the matched facts and their evidence: one
  // Fact per triple pattern, in the order the patterns appear in the query
  // (an empty Fact for the patterns of an unmatched OPTIONAL block; only
  // the qualifying evidence for a pattern with provenance conditions).
  // Rows of a COUNT/GROUP BY query carry no support.
  bool with_evidence = false;
  // Past this instant evaluation stops with DeadlineExceeded.
  absl::Time deadline = absl::InfiniteFuture();
  // Cap on index entries visited, against runaway cartesian products:
  // exceeded -> ResourceExhausted.
  uint64_t max_scanned = 50'000'000;
  // Cap on the bytes held for ORDER BY, COUNT/GROUP BY and the
  // de-duplication of projected rows (estimated): exceeded ->
  // ResourceExhausted, never an out-of-memory crash. 0 = no cap.
  uint64_t max_memory_bytes = 256ull << 20;
  // Before scanning for a subject bound by an earlier pattern, decode it and
  // skip the scan when it is not an entity (a text, number or date value
  // never has facts of its own). Same rows either way; a win when decoding
  // is cheaper than an index seek, i.e. when the store's term cache holds
  // the dictionary (e.g. `<X> ?p ?y . ?y ?q ?z`, 10M facts, complete cache:
  // 3x less CPU), a loss when decodes miss that cache and read RocksDB.
  bool prune_non_entity_subjects = false;
};

// Runs `query` against `store`, calling `emit` once per result row until it
// returns false. Rows are distinct; each has one binding per column: every
// pattern variable in order of first appearance, or the SELECT list. An
// OPTIONAL variable left unbound has a binding with an unset value.
// LIMIT/OFFSET of the query text apply, and so do `options.limit` and
// `options.max_rows` (the smallest limit wins); `options.default_limit`
// applies when neither `options.limit` nor LIMIT sets one. Without ORDER BY, row order
// is unspecified (it follows the plan and the store's indexes).
// Errors: InvalidArgument for a malformed query, with "line L, column C" in
// the message; DeadlineExceeded; ResourceExhausted (max_scanned or
// max_memory_bytes).
// A query naming a term the store has never seen yields no rows, not an
// error (a COUNT without GROUP BY yields one row with 0). A query without
// variables yields one empty row when all its facts exist.
// A variable that stands only in predicate position is bound to the
// predicate's name as a text value; a variable standing in predicate and
// subject/value positions never matches (predicates are not entities).
// Evaluation: index nested-loop join over TermIds in the order chosen by
// PlanQuery (query_planner.h), OPTIONAL blocks after the required part,
// each FILTER right after the step that binds its variables; evidence is
// read only for facts of patterns with provenance conditions (and for
// support). Emitting happens on the calling thread, so `emit` may stream
// rows but should not block for long.
//
// `*truncated` (when not null) is set to whether a server limit
// (`default_limit` or `max_rows`, not one the caller asked for through
// `limit` or LIMIT) cut the rows short: more rows exist. To know, the
// engine looks for one row past that limit; it is not emitted.
absl::Status ExecuteQuery(const GraphStore& store, absl::string_view query,
                          const QueryOptions& options,
                          const std::function<bool(kg::v1::QueryRow)>& emit,
                          bool* truncated = nullptr);

// As above, with the rows built in place in `sink` (the same rows in the
// same order; a false CommitRow stops evaluation as a false `emit` does).
// The faster form for a caller that batches rows (RowBatcher is a RowSink):
// no QueryRow is moved or copied per row.
absl::Status ExecuteQuery(const GraphStore& store, absl::string_view query,
                          const QueryOptions& options, RowSink* sink,
                          bool* truncated = nullptr);

// The plan ExecuteQuery would run for `query`: one step per pattern in
// evaluation order (the required part, then each OPTIONAL block, whose
// steps read "OPTIONAL <pattern>"), with the planner's estimate of rows per
// input binding (0 when a constant is unknown to the store) and the index
// scanned ("spo", "pos", "osp" or "all"). InvalidArgument (line/column) for
// a malformed query; store errors otherwise.
absl::StatusOr<kg::v1::QueryPlan> PlanQueryText(const GraphStore& store,
                                                absl::string_view query);

// Every fact with `entity` as subject (outgoing) or as entity value
// (incoming), with evidence, each list in the store's index order. The text
// value spelled like the entity does not count. NotFound ("no entity named
// X") if no fact has the entity as subject or value.
absl::StatusOr<kg::v1::GetEntityResponse> DescribeEntity(
    const GraphStore& store, absl::string_view entity);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_ENGINE_H_
