#include "graph_service/rules/explain.h"

#include <optional>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/fact_reader.h"

namespace kg::graph::rules {
namespace {

class Explainer {
 public:
  Explainer(const GraphStore& store, const ExplainLimits& limits)
      : store_(store), limits_(limits) {}

  absl::Status Fill(const kg::v1::Triple& triple, int depth,
                    kg::v1::Derivation* node) {
    if (++nodes_ > limits_.max_nodes) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "the derivation tree has more than ", limits_.max_nodes, " nodes"));
    }
    ASSIGN_OR_RETURN(std::optional<IdTriple> ids, FindFact(store_, triple));
    const std::string key = triple.SerializeAsString();
    if (!ids.has_value() || path_.count(key) > 0) {
      *node->mutable_fact() = Bare(triple);
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(*node->mutable_fact(), ReadFact(store_, *ids, true));
    if (depth >= limits_.max_depth) return absl::OkStatus();
    path_.insert(key);
    for (const kg::v1::Evidence& e : node->fact().evidence()) {
      for (const kg::v1::Triple& premise : e.premises()) {
        RETURN_IF_ERROR(Fill(premise, depth + 1, node->add_premises()));
      }
    }
    path_.erase(key);
    return absl::OkStatus();
  }

 private:
  static kg::v1::Fact Bare(const kg::v1::Triple& triple) {
    kg::v1::Fact fact;
    fact.set_subject(triple.subject());
    fact.set_predicate(triple.predicate());
    *fact.mutable_value() = triple.value();
    return fact;
  }

  const GraphStore& store_;
  const ExplainLimits limits_;
  uint64_t nodes_ = 0;
  std::set<std::string> path_;  // Facts between the root and this node.
};

}  // namespace

absl::StatusOr<kg::v1::Derivation> Explain(const GraphStore& store,
                                           const kg::v1::Triple& fact,
                                           const ExplainLimits& limits) {
  if (fact.subject().empty() || fact.predicate().empty()) {
    return absl::InvalidArgumentError("the fact's subject or predicate is empty");
  }
  ASSIGN_OR_RETURN(std::optional<IdTriple> ids, FindFact(store, fact));
  if (!ids.has_value()) {
    return absl::NotFoundError(absl::StrCat(
        "the store holds no fact (", fact.subject(), ", ", fact.predicate(),
        ", ", fact.value().ShortDebugString(), ")"));
  }
  kg::v1::Derivation root;
  Explainer explainer(store, limits);
  RETURN_IF_ERROR(explainer.Fill(fact, 0, &root));
  return root;
}

}  // namespace kg::graph::rules
