#include "graph_service/query/term_decoder.h"

#include <string>
#include <utility>

#include "common/status_macros.h"

namespace kg::graph {

absl::StatusOr<kg::v1::Value> TermDecoder::Decode(TermId id,
                                                  bool is_predicate) {
  ASSIGN_OR_RETURN(const kg::v1::Value* value, Find(id, is_predicate));
  return *value;
}

absl::StatusOr<const kg::v1::Value*> TermDecoder::Find(TermId id,
                                                       bool is_predicate) {
  if (id == kNoTerm) return &kg::v1::Value::default_instance();
  if (is_predicate) {
    return FindPredicate(id);
  }
  auto it = values_.find(id);
  if (it != values_.end()) return &it->second;
  ASSIGN_OR_RETURN(kg::v1::Value value, store_.DecodeValue(id));
  if (values_.size() >= max_entries_) values_.clear();
  return &values_.emplace(id, std::move(value)).first->second;
}

absl::StatusOr<std::string> TermDecoder::Predicate(TermId id) {
  ASSIGN_OR_RETURN(const kg::v1::Value* name, FindPredicate(id));
  return name->text();
}

absl::StatusOr<const kg::v1::Value*> TermDecoder::FindPredicate(TermId id) {
  auto it = predicates_.find(id);
  if (it != predicates_.end()) return &it->second;
  ASSIGN_OR_RETURN(std::string name, store_.DecodePredicate(id));
  if (predicates_.size() >= max_entries_) predicates_.clear();
  kg::v1::Value value;
  value.set_text(std::move(name));
  return &predicates_.emplace(id, std::move(value)).first->second;
}

}  // namespace kg::graph
