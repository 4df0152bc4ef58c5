// Helpers shared by the command implementations (not part of the :commands
// contract).
#ifndef KG_CLIENTS_CLI_COMMAND_UTIL_H_
#define KG_CLIENTS_CLI_COMMAND_UTIL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/cli/commands.h"
#include "clients/cli/graph_walk.h"
#include "kg/v1/graph.grpc.pb.h"
#include "grpcpp/support/status.h"

namespace kg::cli {

// Prints "kg: <what the error means>" for a graph call; returns 1.
int ReportGraphError(const CliEnv& env, const grpc::Status& status);
// Prints "kg: message" for a local error; returns 2 for InvalidArgument
// (usage), 1 otherwise.
int ReportError(const CliEnv& env, const absl::Status& status);

// Every typed entity in the graph: name -> class (from `?e type ?c`).
absl::StatusOr<std::map<std::string, std::string>> FetchEntityClasses(
    const CliEnv& env);

// Every predicate the graph holds facts for (GetStats), in its order; the
// call's error when the stats cannot be read.
absl::StatusOr<std::vector<std::string>> GraphPredicates(
    const CliEnv& env, kg::v1::GraphService::Stub& stub);

// For a NOT_FOUND entity: "kg: NOT_FOUND: no entity named 'X'" and, when
// there are any, "did you mean: A, B?" (names and aliases). Returns 1.
int ReportUnknownEntity(const CliEnv& env, const std::string& name);

// GetEntity for `name`. On failure reports it (NOT_FOUND with the closest
// known names) and returns nullopt with the exit status in `*exit_status`.
std::optional<kg::v1::GetEntityResponse> FetchEntityOrReport(
    const CliEnv& env, const std::string& name, int* exit_status);

// GraphService.GetEntity as a graph_walk lookup: NOT_FOUND stays NotFound,
// other failures keep their code and a message for people.
EntityLookup GraphEntityLookup(const CliEnv& env,
                               kg::v1::GraphService::Stub& stub);
// The absl::Status as a grpc::Status with the same code and message.
grpc::Status StatusToGrpc(const absl::Status& status);

// The whole file, or standard input for "-".
absl::StatusOr<std::string> ReadInput(const CliEnv& env, const std::string& path);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_COMMAND_UTIL_H_
