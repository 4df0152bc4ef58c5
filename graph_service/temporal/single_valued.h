// The schema of single-valued predicates: which predicates a subject holds
// one value of at a time (a person's rank), or a value has one subject of
// at a time (an operation's leader). Competing facts of these are
// conflicts (conflicts.h).
//
// File format, one declaration a line, '#' starts a comment:
//   PREDICATE per_subject
//   PREDICATE per_value [CLASS]      (only values of type CLASS)
#ifndef KG_GRAPH_SERVICE_TEMPORAL_SINGLE_VALUED_H_
#define KG_GRAPH_SERVICE_TEMPORAL_SINGLE_VALUED_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::graph {

struct SingleValued {
  std::string predicate;
  // False: one value per subject; true: one subject per value.
  bool per_value = false;
  // With per_value, only values of this class count ("" = all).
  std::string value_class;
};

// InvalidArgument naming the line for anything else than the format above
// (an unknown keyword, a predicate declared twice, a bad predicate name).
absl::StatusOr<std::vector<SingleValued>> ParseSingleValued(
    absl::string_view text);

// Reads and parses `path`; NotFound when it cannot be read.
absl::StatusOr<std::vector<SingleValued>> LoadSingleValued(
    const std::string& path);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_TEMPORAL_SINGLE_VALUED_H_
