#include "clients/cli/command_util.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "clients/cli/connection.h"
#include "clients/cli/query_stream.h"
#include "clients/cli/suggest.h"
#include "clients/cli/value_format.h"
#include "common/grpc_status.h"

namespace kg::cli {
namespace {

// Rows of a two-variable query as (first, second) lexical forms.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> QueryPairs(
    const CliEnv& env, const std::string& query) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::QueryRequest request;
  request.set_query(query);
  // Every row the server allows (its --max_row_limit), not its default.
  request.set_limit(std::numeric_limits<uint32_t>::max());
  std::vector<std::pair<std::string, std::string>> pairs;
  bool truncated = false;
  const grpc::Status status = StreamQueryRows(
      *stub, request, absl::Now() + env.timeout,
      [&pairs](const kg::v1::QueryRow& row) {
        if (row.bindings_size() != 2) return;
        pairs.emplace_back(ValueLexicalForm(row.bindings(0).value()),
                           ValueLexicalForm(row.bindings(1).value()));
      },
      &truncated);
  if (!status.ok()) {
    return absl::UnavailableError(DescribeError(
        status, "graph service", env.graph_address, "graph_addr"));
  }
  if (truncated) {
    *env.err << "kg: note: only the first " << pairs.size()
             << " answers to '" << query << "' were read (server row limit)\n";
  }
  return pairs;
}

}  // namespace

int ReportGraphError(const CliEnv& env, const grpc::Status& status) {
  *env.err << "kg: "
           << DescribeError(status, "graph service", env.graph_address,
                            "graph_addr")
           << "\n";
  return 1;
}

int ReportError(const CliEnv& env, const absl::Status& status) {
  *env.err << "kg: " << status.message() << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

absl::StatusOr<std::map<std::string, std::string>> FetchEntityClasses(
    const CliEnv& env) {
  auto pairs = QueryPairs(env, "?e type ?c");
  if (!pairs.ok()) return pairs.status();
  std::map<std::string, std::string> classes;
  for (auto& [entity, entity_class] : *pairs) classes.emplace(entity, entity_class);
  return classes;
}

absl::StatusOr<std::vector<std::string>> GraphPredicates(
    const CliEnv& env, kg::v1::GraphService::Stub& stub) {
  kg::v1::GetStatsResponse stats;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status =
      stub.GetStats(&context, kg::v1::GetStatsRequest(), &stats);
  if (!status.ok()) return FromGrpcStatus(status);
  std::vector<std::string> predicates;
  for (const kg::v1::PredicateCount& count : stats.predicates()) {
    predicates.push_back(count.predicate());
  }
  return predicates;
}

std::optional<kg::v1::GetEntityResponse> FetchEntityOrReport(
    const CliEnv& env, const std::string& name, int* exit_status) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::GetEntityRequest request;
  request.set_name(name);
  kg::v1::GetEntityResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub->GetEntity(&context, request, &response);
  if (status.ok()) return response;
  *exit_status = status.error_code() == grpc::StatusCode::NOT_FOUND
                     ? ReportUnknownEntity(env, name)
                     : ReportGraphError(env, status);
  return std::nullopt;
}

int ReportUnknownEntity(const CliEnv& env, const std::string& name) {
  *env.err << "kg: NOT_FOUND: no entity named '" << name << "'\n";
  auto classes = FetchEntityClasses(env);
  if (!classes.ok()) return 1;
  std::vector<std::string> names;
  for (const auto& [entity, unused] : *classes) names.push_back(entity);
  std::vector<std::string> matches = CloseMatches(name, names);
  // A name that is someone's alias ("the Met") points at its entity.
  auto aliases = QueryPairs(env, "?e alias ?a");
  if (aliases.ok()) {
    for (const auto& [entity, alias] : *aliases) {
      if (EditDistance(alias, name) <= 1 &&
          std::find(matches.begin(), matches.end(), entity) == matches.end()) {
        matches.insert(matches.begin(), entity);
      }
    }
  }
  if (!matches.empty()) {
    *env.err << "did you mean: " << absl::StrJoin(matches, ", ") << "?\n";
  }
  return 1;
}

EntityLookup GraphEntityLookup(const CliEnv& env,
                               kg::v1::GraphService::Stub& stub) {
  return [&env, &stub](const std::string& name)
             -> absl::StatusOr<kg::v1::GetEntityResponse> {
    kg::v1::GetEntityRequest request;
    request.set_name(name);
    kg::v1::GetEntityResponse response;
    grpc::ClientContext context;
    SetTimeout(context, env.timeout);
    const grpc::Status status = stub.GetEntity(&context, request, &response);
    if (status.ok()) return response;
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        status.error_message());
  };
}

grpc::Status StatusToGrpc(const absl::Status& status) {
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

absl::StatusOr<std::string> ReadInput(const CliEnv& env,
                                      const std::string& path) {
  std::ostringstream contents;
  if (path == "-") {
    contents << env.in->rdbuf();
    return contents.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  contents << file.rdbuf();
  if (file.bad()) return absl::DataLossError(absl::StrCat("cannot read ", path));
  return contents.str();
}

}  // namespace kg::cli
