// What `kg timeline` and `kg conflicts` print, built from the graph's
// answers (gRPC-free, for tests).
#ifndef KG_CLIENTS_CLI_TIME_FORMAT_H_
#define KG_CLIENTS_CLI_TIME_FORMAT_H_

#include <string>

#include "kg/v1/graph.pb.h"

namespace kg::cli {

// An entity's facts (both directions, `type` and `alias` left out) by
// reported date, earliest first: one block per date and fact, its sources
// under it, undated facts last under "undated". Each fact appears under
// every date it was reported on.
std::string RenderTimeline(const kg::v1::GetEntityResponse& entity);

// One block per conflict: "ENTITY PREDICATE: KIND", then each competing
// value (or subject, per value) with its reported period and sources.
std::string RenderConflicts(const kg::v1::ConflictsResponse& conflicts);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_TIME_FORMAT_H_
