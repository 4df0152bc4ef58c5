#include "graph_service/query/term_decoder.h"

#include <string>
#include <utility>

#include "common/status_macros.h"

namespace kg::graph {

absl::StatusOr<kg::v1::Value> TermDecoder::Decode(TermId id,
                                                  bool is_predicate) {
  if (id == kNoTerm) return kg::v1::Value();
  if (is_predicate) {
    kg::v1::Value value;
    ASSIGN_OR_RETURN(*value.mutable_text(), Predicate(id));
    return value;
  }
  auto it = values_.find(id);
  if (it != values_.end()) return it->second;
  ASSIGN_OR_RETURN(kg::v1::Value value, store_.DecodeValue(id));
  if (values_.size() >= max_entries_) values_.clear();
  values_.emplace(id, value);
  return value;
}

absl::StatusOr<std::string> TermDecoder::Predicate(TermId id) {
  auto it = predicates_.find(id);
  if (it != predicates_.end()) return it->second;
  ASSIGN_OR_RETURN(std::string name, store_.DecodePredicate(id));
  if (predicates_.size() >= max_entries_) predicates_.clear();
  predicates_.emplace(id, name);
  return name;
}

}  // namespace kg::graph
