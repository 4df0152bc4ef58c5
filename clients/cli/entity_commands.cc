// kg entity (everything about one entity) and kg path (how two connect).
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/graph_walk.h"
#include "clients/cli/row_format.h"
#include "clients/cli/value_format.h"

namespace kg::cli {
namespace {

constexpr char kArrow[] = "\xE2\x86\xB3 ";
// Sentences shown per fact before "... and N more".
constexpr int kMaxSources = 3;

// A fact whose answer listed only some of its evidence (evidence_truncated)
// says there is more without claiming how much.
void PrintSources(std::ostream& out, const kg::v1::Fact& fact,
                  const std::string& indent) {
  int shown = 0;
  for (const kg::v1::Evidence& e : fact.evidence()) {
    if (shown++ == kMaxSources) break;
    out << indent << kArrow << EvidenceSource(e) << "\n";
  }
  if (fact.evidence_size() > kMaxSources) {
    out << indent << "... and " << fact.evidence_size() - kMaxSources
        << (fact.evidence_truncated() ? " or more" : " more") << "\n";
  } else if (fact.evidence_truncated()) {
    out << indent << "... and more (kg explain lists them all)\n";
  }
}

// Facts grouped by predicate; `incoming` shows the subject instead.
void PrintGroups(std::ostream& out,
                 const google::protobuf::RepeatedPtrField<kg::v1::Fact>& facts,
                 bool incoming) {
  std::map<std::string, std::vector<const kg::v1::Fact*>> by_predicate;
  for (const kg::v1::Fact& fact : facts) {
    if (!incoming && (fact.predicate() == "alias" || fact.predicate() == "type")) {
      continue;
    }
    by_predicate[fact.predicate()].push_back(&fact);
  }
  for (const auto& [predicate, group] : by_predicate) {
    out << "  " << (incoming ? "(is the value of) " : "") << predicate << "\n";
    for (const kg::v1::Fact* fact : group) {
      out << "    " << (incoming ? fact->subject() : FormatValue(fact->value()))
          << "\n";
      PrintSources(out, *fact, "        ");
    }
  }
}

std::string Joined(const kg::v1::GetEntityResponse& response,
                   const std::string& predicate) {
  std::vector<std::string> values;
  for (const kg::v1::Fact& fact : response.outgoing()) {
    if (fact.predicate() == predicate) values.push_back(FormatValue(fact.value()));
  }
  return absl::StrJoin(values, ", ");
}

bool EntityExists(const CliEnv& env, kg::v1::GraphService::Stub& stub,
                  const std::string& name) {
  kg::v1::GetEntityRequest request;
  request.set_name(name);
  kg::v1::GetEntityResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  return stub.GetEntity(&context, request, &response).error_code() !=
         grpc::StatusCode::NOT_FOUND;
}

}  // namespace

int RunEntity(const CliEnv& env, const ParsedArgs& args) {
  const std::string name = absl::StrJoin(args.args, " ");
  int exit_status = 0;
  const std::optional<kg::v1::GetEntityResponse> fetched =
      FetchEntityOrReport(env, name, &exit_status);
  if (!fetched.has_value()) return exit_status;
  const kg::v1::GetEntityResponse& response = *fetched;
  *env.out << name << "\n";
  const std::string classes = Joined(response, "type");
  const std::string aliases = Joined(response, "alias");
  if (!classes.empty()) *env.out << "  class:   " << classes << "\n";
  if (!aliases.empty()) *env.out << "  aliases: " << aliases << "\n";
  PrintGroups(*env.out, response.outgoing(), /*incoming=*/false);
  PrintGroups(*env.out, response.incoming(), /*incoming=*/true);
  return 0;
}

int RunPath(const CliEnv& env, const ParsedArgs& args) {
  absl::StatusOr<uint32_t> max_hops = args.GetUint("max_hops", 0);
  if (!max_hops.ok()) return ReportError(env, max_hops.status());
  kg::v1::FindPathRequest request;
  request.set_from(args.args[0]);
  request.set_to(args.args[1]);
  request.set_max_hops(*max_hops);
  for (absl::string_view predicate :
       absl::StrSplit(args.Get("predicates", ""), ',', absl::SkipEmpty())) {
    request.add_predicates(std::string(predicate));
  }
  auto stub = GraphStub(env.graph_address);
  if (request.predicates().empty()) {
    // Class nodes join every pair of instances ("A type Person, Person type
    // of B"): such a path says nothing, so every predicate but `type`.
    // Unreadable stats leave the list empty: every predicate is followed.
    absl::StatusOr<std::vector<std::string>> predicates =
        GraphPredicates(env, *stub);
    if (predicates.ok()) {
      for (std::string& predicate : *predicates) {
        if (predicate != "type") request.add_predicates(std::move(predicate));
      }
    }
  }
  kg::v1::FindPathResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  grpc::Status status = stub->FindPath(&context, request, &response);
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    // An older server: search from here instead.
    WalkLimits limits;
    if (*max_hops > 0) limits.max_hops = *max_hops;
    limits.predicates.assign(request.predicates().begin(),
                             request.predicates().end());
    absl::StatusOr<std::vector<kg::v1::PathHop>> path = FindPathByLookups(
        request.from(), request.to(), limits, GraphEntityLookup(env, *stub));
    if (path.ok()) {
      for (kg::v1::PathHop& hop : *path) *response.add_hops() = std::move(hop);
    }
    status = path.ok() ? grpc::Status::OK : StatusToGrpc(path.status());
  }
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    // Say which end is unknown, with suggestions.
    for (const std::string& end : {request.from(), request.to()}) {
      if (!EntityExists(env, *stub, end)) return ReportUnknownEntity(env, end);
    }
  }
  if (!status.ok()) return ReportGraphError(env, status);
  if (response.hops_size() == 0) {
    *env.out << "no path from " << request.from() << " to " << request.to()
             << " within " << (*max_hops == 0 ? 6 : *max_hops) << " hops\n";
    return 1;
  }
  for (int i = 0; i < response.hops_size(); ++i) {
    const kg::v1::PathHop& hop = response.hops(i);
    const kg::v1::Fact& fact = hop.fact();
    const std::string value = FormatValue(fact.value());
    *env.out << absl::StrFormat(
        "%d. %s\n", i + 1,
        hop.reversed()
            ? absl::StrCat(value, "  <-", fact.predicate(), "-  ", fact.subject())
            : absl::StrCat(fact.subject(), "  -", fact.predicate(), "->  ", value));
    PrintSources(*env.out, fact, "     ");
  }
  return 0;
}

}  // namespace kg::cli
