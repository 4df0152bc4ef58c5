// kg timeline (an entity's facts by reported date) and kg conflicts
// (competing values of single-valued predicates).
#include "absl/strings/str_join.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/time_format.h"

namespace kg::cli {

int RunTimeline(const CliEnv& env, const ParsedArgs& args) {
  int exit_status = 0;
  const std::optional<kg::v1::GetEntityResponse> entity =
      FetchEntityOrReport(env, absl::StrJoin(args.args, " "), &exit_status);
  if (!entity.has_value()) return exit_status;
  *env.out << RenderTimeline(*entity);
  return 0;
}

int RunConflicts(const CliEnv& env, const ParsedArgs& args) {
  absl::StatusOr<uint32_t> limit = args.GetUint("limit", 0);
  if (!limit.ok()) return ReportError(env, limit.status());
  kg::v1::ConflictsRequest request;
  request.set_entity(absl::StrJoin(args.args, " "));
  request.set_limit(*limit);
  auto stub = GraphStub(env.graph_address);
  kg::v1::ConflictsResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub->Conflicts(&context, request, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND &&
      !request.entity().empty()) {
    return ReportUnknownEntity(env, request.entity());
  }
  if (!status.ok()) return ReportGraphError(env, status);
  *env.out << RenderConflicts(response);
  if (response.conflicts().empty()) *env.out << "no conflicts\n";
  if (response.truncated()) {
    *env.err << "kg: more conflicts than --limit; showing the first "
             << response.conflicts_size() << "\n";
  }
  return 0;
}

}  // namespace kg::cli
