#include "graph_service/query/provenance.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"

namespace kg::graph {

bool Qualifies(const ProvenanceFilter& filter,
               const kg::v1::Evidence& evidence) {
  if (!filter.source.empty() && evidence.document_id() != filter.source) {
    return false;
  }
  if (!filter.rule.empty() && evidence.rule() != filter.rule) return false;
  // Confidences are floats: compare in float so "0.8" admits 0.8f.
  return evidence.confidence() >= static_cast<float>(filter.min_confidence);
}

bool SatisfiesProvenance(const ProvenanceFilter& filter,
                         const std::vector<kg::v1::Evidence>& evidence) {
  const size_t needed = std::max<uint32_t>(1, filter.min_sources);
  absl::flat_hash_set<std::string> documents;
  for (const kg::v1::Evidence& e : evidence) {
    if (!Qualifies(filter, e)) continue;
    documents.insert(e.document_id());
    if (documents.size() >= needed) return true;
  }
  return false;
}

}  // namespace kg::graph
