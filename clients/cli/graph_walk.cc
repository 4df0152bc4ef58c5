#include "clients/cli/graph_walk.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"

namespace kg::cli {
namespace {

bool Follows(const kg::v1::Fact& fact, const WalkLimits& limits) {
  if (fact.value().kind_case() != kg::v1::Value::kEntity) return false;
  if (limits.predicates.empty()) return fact.predicate() != "type";
  return std::find(limits.predicates.begin(), limits.predicates.end(),
                   fact.predicate()) != limits.predicates.end();
}

absl::Status Exists(const std::string& name, const EntityLookup& lookup) {
  absl::StatusOr<kg::v1::GetEntityResponse> entity = lookup(name);
  return entity.ok() ? absl::OkStatus() : entity.status();
}

}  // namespace

absl::StatusOr<std::vector<kg::v1::PathHop>> FindPathByLookups(
    const std::string& from, const std::string& to, const WalkLimits& limits,
    const EntityLookup& lookup) {
  if (absl::Status status = Exists(to, lookup); !status.ok()) return status;
  // entity -> the hop that reached it first.
  std::map<std::string, kg::v1::PathHop> reached_by;
  std::set<std::string> seen = {from};
  std::vector<std::string> frontier = {from};
  size_t lookups = 0;
  bool found = from == to;
  for (uint32_t hop = 0; hop < limits.max_hops && !found && !frontier.empty();
       ++hop) {
    std::vector<std::string> next;
    for (const std::string& name : frontier) {
      if (found || lookups++ >= limits.max_lookups) break;
      absl::StatusOr<kg::v1::GetEntityResponse> entity = lookup(name);
      if (!entity.ok()) return entity.status();
      for (bool reversed : {false, true}) {
        for (const kg::v1::Fact& fact :
             reversed ? entity->incoming() : entity->outgoing()) {
          if (!Follows(fact, limits)) continue;
          const std::string& other =
              reversed ? fact.subject() : fact.value().entity();
          if (!seen.insert(other).second) continue;
          kg::v1::PathHop& step = reached_by[other];
          *step.mutable_fact() = fact;
          step.set_reversed(reversed);
          next.push_back(other);
          found = found || other == to;
        }
      }
    }
    frontier = std::move(next);
  }
  std::vector<kg::v1::PathHop> path;
  if (!found) return path;
  for (std::string at = to; at != from;) {
    const kg::v1::PathHop& step = reached_by.at(at);
    path.push_back(step);
    at = step.reversed() ? step.fact().value().entity() : step.fact().subject();
  }
  std::reverse(path.begin(), path.end());
  return path;
}

absl::StatusOr<kg::v1::GetNeighbourhoodResponse> NeighbourhoodByLookups(
    const std::string& name, uint32_t hops, uint32_t max_facts,
    const EntityLookup& lookup) {
  kg::v1::GetNeighbourhoodResponse response;
  std::set<std::string> seen = {name}, fact_keys;
  std::vector<std::string> frontier = {name};
  for (uint32_t hop = 0; hop < hops && !frontier.empty(); ++hop) {
    std::vector<std::string> next;
    for (const std::string& entity_name : frontier) {
      absl::StatusOr<kg::v1::GetEntityResponse> entity = lookup(entity_name);
      if (!entity.ok()) {
        if (hop == 0) return entity.status();
        continue;
      }
      for (const auto* facts : {&entity->outgoing(), &entity->incoming()}) {
        for (const kg::v1::Fact& fact : *facts) {
          if (!fact_keys.insert(fact.SerializeAsString()).second) continue;
          if (static_cast<uint32_t>(response.facts_size()) >= max_facts) {
            response.set_truncated(true);
            return response;
          }
          *response.add_facts() = fact;
          if (!Follows(fact, WalkLimits())) continue;
          for (const std::string& other : {fact.subject(), fact.value().entity()}) {
            if (seen.insert(other).second) next.push_back(other);
          }
        }
      }
    }
    frontier = std::move(next);
  }
  return response;
}

}  // namespace kg::cli
