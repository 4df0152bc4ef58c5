// Explain: the derivation tree of a stored fact down to the sentences its
// leaves were read from.
#ifndef KG_GRAPH_SERVICE_RULES_EXPLAIN_H_
#define KG_GRAPH_SERVICE_RULES_EXPLAIN_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph::rules {

struct ExplainLimits {
  // Deeper premises are listed without their own premises.
  int max_depth = 16;
  // More nodes in the tree: ResourceExhausted.
  uint64_t max_nodes = 10000;
};

// The tree rooted at `fact`: the node holds the fact with all its evidence;
// its `premises` are, for each derived evidence record in evidence order,
// the trees of that record's premises in order. A fact read from text is a
// leaf whose evidence holds the sentences. A premise that is no longer
// stored, or that repeats a fact on the way up (a cycle), is a node with
// the triple and no evidence.
// Errors: InvalidArgument (empty subject/predicate, unset value); NotFound
// (the store does not hold the fact); ResourceExhausted.
absl::StatusOr<kg::v1::Derivation> Explain(
    const GraphStore& store, const kg::v1::Triple& fact,
    const ExplainLimits& limits = ExplainLimits());

}  // namespace kg::graph::rules

#endif  // KG_GRAPH_SERVICE_RULES_EXPLAIN_H_
