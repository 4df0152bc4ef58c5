// Conversions between stored facts (ids) and kg.v1 messages, shared by the
// cores that answer with whole facts (paths, rules, export).
#ifndef KG_GRAPH_SERVICE_STORE_FACT_READER_H_
#define KG_GRAPH_SERVICE_STORE_FACT_READER_H_

#include <cstddef>
#include <optional>

#include "absl/status/statusor.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// The fact `ids` with its terms decoded and, when `with_evidence`, every
// evidence record. NotFound when an id is not in the dictionary.
absl::StatusOr<kg::v1::Fact> ReadFact(const GraphStore& store,
                                      const IdTriple& ids, bool with_evidence);

// The same, with at most `max_evidence` records read through `reader` (a
// search reading many facts); evidence_truncated is set when it has more.
absl::StatusOr<kg::v1::Fact> ReadFact(const GraphStore& store,
                                      StoreReader& reader, const IdTriple& ids,
                                      size_t max_evidence);

// Ids of the stored fact `triple`, or nullopt when the store does not hold
// it (also when one of its terms is unknown). InvalidArgument when the
// triple's value is unset.
absl::StatusOr<std::optional<IdTriple>> FindFact(const GraphStore& store,
                                                 const kg::v1::Triple& triple);

// The triple (no evidence) of `fact`.
kg::v1::Triple ToTriple(const kg::v1::Fact& fact);

// Id of the entity `name`, or kNoTerm when the store has never seen it.
absl::StatusOr<TermId> LookupEntity(const GraphStore& store,
                                    absl::string_view name);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_STORE_FACT_READER_H_
