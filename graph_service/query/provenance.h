// Provenance conditions of a pattern (`{source: ..., min_sources: ...}`)
// applied to a fact's evidence records.
#ifndef KG_GRAPH_SERVICE_QUERY_PROVENANCE_H_
#define KG_GRAPH_SERVICE_QUERY_PROVENANCE_H_

#include <string>
#include <vector>

#include "graph_service/query/query_ast.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// True when `evidence` qualifies: from `filter.source` and by `filter.rule`
// when those are set, with confidence >= filter.min_confidence, and reported
// within [reported_from, reported_to] when either is set.
bool Qualifies(const ProvenanceFilter& filter,
               const kg::v1::Evidence& evidence);

// True when the qualifying records of `evidence` name at least
// max(1, filter.min_sources) distinct documents.
bool SatisfiesProvenance(const ProvenanceFilter& filter,
                         const std::vector<kg::v1::Evidence>& evidence);

// The latest reported date among the qualifying records of `evidence` (""
// when none is dated or none qualifies). Dates are "YYYY-MM-DD", so byte
// order is date order.
std::string LatestQualifyingDate(const ProvenanceFilter& filter,
                                 const std::vector<kg::v1::Evidence>& evidence);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_PROVENANCE_H_
