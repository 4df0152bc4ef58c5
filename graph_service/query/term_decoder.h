// Decodes TermIds to values for the query engine, with a bounded cache: a
// term shared by many rows is read from the store once.
#ifndef KG_GRAPH_SERVICE_QUERY_TERM_DECODER_H_
#define KG_GRAPH_SERVICE_QUERY_TERM_DECODER_H_

#include <cstddef>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// Not thread-safe; one per query evaluation. `store` must outlive it.
class TermDecoder {
 public:
  // At most `max_entries` decoded terms are cached (the cache is dropped
  // when it would grow past that).
  explicit TermDecoder(const GraphStore& store, size_t max_entries = 65536)
      : store_(store), max_entries_(max_entries) {}

  TermDecoder(const TermDecoder&) = delete;
  TermDecoder& operator=(const TermDecoder&) = delete;

  // The value of `id`; a predicate id (`is_predicate`) decodes to a text
  // holding the predicate's name; kNoTerm decodes to an unset value.
  // Errors from the store (NotFound for an unknown id) are returned as is.
  absl::StatusOr<kg::v1::Value> Decode(TermId id, bool is_predicate);

  // As Decode, without a copy: the cached value, valid until the next call
  // of any method of this decoder.
  absl::StatusOr<const kg::v1::Value*> Find(TermId id, bool is_predicate);

  // The name of predicate `id`.
  absl::StatusOr<std::string> Predicate(TermId id);

 private:
  // Predicate `id`'s name as a text value (valid as Find's result).
  absl::StatusOr<const kg::v1::Value*> FindPredicate(TermId id);

  const GraphStore& store_;
  const size_t max_entries_;
  absl::flat_hash_map<TermId, kg::v1::Value> values_;
  // Predicate names as text values (what a predicate variable binds to).
  absl::flat_hash_map<TermId, kg::v1::Value> predicates_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_TERM_DECODER_H_
