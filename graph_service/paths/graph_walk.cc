#include "graph_service/paths/graph_walk.h"

#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_macros.h"

namespace kg::graph {

absl::StatusOr<GraphWalk> GraphWalk::Create(
    const GraphStore& store, const std::vector<std::string>& predicates,
    const WalkLimits& limits) {
  GraphWalk walk(store, limits);
  walk.filter_ = !predicates.empty();
  for (const std::string& name : predicates) {
    ASSIGN_OR_RETURN(TermId id, store.LookupPredicate(name));
    if (id != kNoTerm) walk.predicates_.insert(id);
  }
  return walk;
}

bool GraphWalk::Accepts(TermId predicate) const {
  return !filter_ || predicates_.contains(predicate);
}

absl::StatusOr<bool> GraphWalk::IsEntity(TermId value) {
  if (auto it = is_entity_.find(value); it != is_entity_.end()) {
    return it->second;
  }
  ASSIGN_OR_RETURN(kg::v1::Value decoded, store_->DecodeValue(value));
  const bool entity = decoded.kind_case() == kg::v1::Value::kEntity;
  is_entity_.emplace(value, entity);
  return entity;
}

absl::Status GraphWalk::CountVisit() {
  if (++visited_ > limits_.max_visited) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "the search visited more than ", limits_.max_visited, " entities"));
  }
  return absl::OkStatus();
}

absl::Status GraphWalk::ForEachEdge(
    TermId node, const std::function<bool(const Edge&)>& visit) {
  bool cut = false;
  return ForEachEdge(node, std::numeric_limits<size_t>::max(), &cut, visit);
}

absl::Status GraphWalk::ForEachEdge(
    TermId node, size_t max_per_direction, bool* cut,
    const std::function<bool(const Edge&)>& visit) {
  if (absl::Now() > limits_.deadline) {
    return absl::DeadlineExceededError("the search ran past its deadline");
  }
  *cut = false;
  // Facts are collected first: visiting may call back into the store.
  auto collect = [&](const IdPattern& pattern, std::vector<IdTriple>* out) {
    return reader_->Scan(pattern, [&](const IdTriple& t) {
      if (!Accepts(t.predicate)) return true;
      if (out->size() == max_per_direction) {
        *cut = true;
        return false;
      }
      out->push_back(t);
      return true;
    });
  };
  std::vector<IdTriple> outgoing;
  std::vector<IdTriple> incoming;
  RETURN_IF_ERROR(collect({node, kNoTerm, kNoTerm}, &outgoing));
  RETURN_IF_ERROR(collect({kNoTerm, kNoTerm, node}, &incoming));
  for (const IdTriple& t : outgoing) {
    ASSIGN_OR_RETURN(bool entity, IsEntity(t.value));
    if (!visit({t, entity ? t.value : kNoTerm, false})) return absl::OkStatus();
  }
  for (const IdTriple& t : incoming) {
    // A self-loop was already seen as outgoing.
    if (t.subject == node) continue;
    if (!visit({t, t.subject, true})) return absl::OkStatus();
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
