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
  if (!filter.reported_from.empty() || !filter.reported_to.empty()) {
    const std::string& date = evidence.reported_date();
    if (date.empty()) return false;
    if (!filter.reported_from.empty() && date < filter.reported_from) {
      return false;
    }
    if (!filter.reported_to.empty() && date > filter.reported_to) return false;
  }
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

std::string LatestQualifyingDate(
    const ProvenanceFilter& filter,
    const std::vector<kg::v1::Evidence>& evidence) {
  std::string latest;
  for (const kg::v1::Evidence& e : evidence) {
    if (Qualifies(filter, e) && e.reported_date() > latest) {
      latest = e.reported_date();
    }
  }
  return latest;
}

}  // namespace kg::graph
