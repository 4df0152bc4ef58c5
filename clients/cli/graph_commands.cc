// kg stats / health / viz: the graph as a whole and pictures of it.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/graph_drawing.h"
#include "clients/cli/graph_walk.h"
#include "clients/cli/table.h"
#include "common/iso_date.h"

namespace kg::cli {
namespace {

constexpr uint32_t kDefaultVizHops = 2;
constexpr uint32_t kDefaultVizLimit = 300;

// One health check; prints a line; true when SERVING.
bool CheckHealth(const CliEnv& env, const std::string& service_name,
                 const std::string& address, const std::string& flag) {
  auto stub = HealthStub(address);
  grpc::health::v1::HealthCheckResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const absl::Time start = absl::Now();
  const grpc::Status status =
      stub->Check(&context, grpc::health::v1::HealthCheckRequest(), &response);
  if (!status.ok()) {
    *env.out << DescribeError(status, service_name, address, flag) << "\n";
    return false;
  }
  *env.out << absl::StrFormat(
      "%s at %s: %s (%.1f ms)\n", service_name, address,
      grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()),
      absl::ToDoubleMilliseconds(absl::Now() - start));
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

// Runs `dot -T<format> -o <output>` with `graph` on its standard input.
absl::Status RenderWithDot(const std::string& graph, const std::string& format,
                           const std::string& output) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return absl::InternalError("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    dup2(pipe_fds[0], STDIN_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    const std::string type = "-T" + format;
    execlp("dot", "dot", type.c_str(), "-o", output.c_str(),
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[0]);
  FILE* in = fdopen(pipe_fds[1], "w");
  fwrite(graph.data(), 1, graph.size(), in);
  fclose(in);
  int wait_status = 0;
  waitpid(pid, &wait_status, 0);
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 127) {
    return absl::FailedPreconditionError(
        "Graphviz `dot` not found: apt-get install graphviz, or write .dot");
  }
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    return absl::InternalError("dot failed to render " + output);
  }
  return absl::OkStatus();
}

// "svg", "png" or "dot" from the output's extension ("-" is dot).
absl::StatusOr<std::string> VizFormat(const std::string& output) {
  if (output == "-") return std::string("dot");
  for (const char* format : {"svg", "png", "dot", "pdf"}) {
    if (absl::EndsWith(output, absl::StrCat(".", format))) return std::string(format);
  }
  return absl::InvalidArgumentError(
      "kg viz -o needs a file ending in .svg, .png, .pdf or .dot (or - for DOT)");
}

// GetNeighbourhood, or for an older server a walk over GetEntity.
grpc::Status FetchNeighbourhood(const CliEnv& env,
                                kg::v1::GraphService::Stub& stub,
                                const kg::v1::GetNeighbourhoodRequest& request,
                                kg::v1::GetNeighbourhoodResponse* response) {
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  grpc::Status status = stub.GetNeighbourhood(&context, request, response);
  if (status.error_code() != grpc::StatusCode::UNIMPLEMENTED) return status;
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> walked =
      NeighbourhoodByLookups(request.name(), request.hops(), request.limit(),
                             GraphEntityLookup(env, stub));
  if (!walked.ok()) return StatusToGrpc(walked.status());
  *response = *std::move(walked);
  return grpc::Status::OK;
}

// The neighbourhood as DOT, classes from its own type facts and, for the
// entities at its edge, from the whole graph.
std::string NeighbourhoodDot(const CliEnv& env,
                             const kg::v1::GetNeighbourhoodResponse& response,
                             const DotOptions& options) {
  std::vector<kg::v1::Fact> facts(response.facts().begin(),
                                  response.facts().end());
  std::map<std::string, std::string> classes = ClassesOf(facts);
  if (absl::StatusOr<std::map<std::string, std::string>> all =
          FetchEntityClasses(env);
      all.ok()) {
    classes.insert(all->begin(), all->end());
  }
  return FactsToDot(facts, classes, options);
}

}  // namespace

int RunStats(const CliEnv& env, const ParsedArgs&) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::GetStatsResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status =
      stub->GetStats(&context, kg::v1::GetStatsRequest(), &response);
  if (!status.ok()) return ReportGraphError(env, status);
  *env.out << absl::StrFormat(
      "facts %d\nevidence %d\ndocuments %d\nterms %d\n", response.facts(),
      response.evidence(), response.documents(), response.terms());
  *env.out << "history " << response.history_records()
           << " retracted evidence record(s), readable {as_of: T} from "
           << (response.history_complete_from_micros() == 0
                   ? std::string("the store's start")
                   : FormatInstant(response.history_complete_from_micros()))
           << "\n";
  if (response.has_memory()) {
    const kg::v1::StoreMemory& memory = response.memory();
    constexpr double kMiB = 1024.0 * 1024.0;
    *env.out << absl::StrFormat(
        "memory: rocksdb cache %.1f of %.1f MiB (memtables %.1f), table "
        "readers %.1f MiB, term cache %.1f of %.1f MiB\n",
        memory.cache_bytes() / kMiB, memory.budget_bytes() / kMiB,
        memory.memtable_bytes() / kMiB, memory.table_reader_bytes() / kMiB,
        memory.term_cache_bytes() / kMiB,
        memory.term_cache_budget_bytes() / kMiB);
  }
  Table table({"predicate", "facts"});
  for (const kg::v1::PredicateCount& count : response.predicates()) {
    table.AddRow({count.predicate(), absl::StrCat(count.facts())});
  }
  table.Print(*env.out);
  return 0;
}

int RunHealth(const CliEnv& env, const ParsedArgs&) {
  const bool graph = CheckHealth(env, "graph service", env.graph_address,
                                 "graph_addr");
  const bool extractor = CheckHealth(env, "extractor service",
                                     env.extractor_address, "extractor_addr");
  return graph && extractor ? 0 : 1;
}

int RunViz(const CliEnv& env, const ParsedArgs& args) {
  const std::string output = args.Get("output", "");
  if (output.empty()) {
    return ReportError(env, absl::InvalidArgumentError(
                                "kg viz needs -o FILE.svg|png|dot (or -o -)"));
  }
  absl::StatusOr<std::string> format = VizFormat(output);
  if (!format.ok()) return ReportError(env, format.status());
  absl::StatusOr<uint32_t> hops = args.GetUint("hops", kDefaultVizHops);
  if (!hops.ok()) return ReportError(env, hops.status());
  absl::StatusOr<uint32_t> limit = args.GetUint("limit", kDefaultVizLimit);
  if (!limit.ok()) return ReportError(env, limit.status());

  kg::v1::GetNeighbourhoodRequest request;
  request.set_name(absl::StrJoin(args.args, " "));
  request.set_hops(*hops);
  request.set_limit(*limit);
  auto stub = GraphStub(env.graph_address);
  kg::v1::GetNeighbourhoodResponse response;
  const grpc::Status status =
      FetchNeighbourhood(env, *stub, request, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    return ReportUnknownEntity(env, request.name());
  }
  if (!status.ok()) return ReportGraphError(env, status);
  DotOptions options;
  options.center = request.name();
  options.literals = args.Has("literals");
  const std::string graph = NeighbourhoodDot(env, response, options);
  if (output == "-") {
    *env.out << graph;
    return 0;
  }
  if (*format == "dot") {
    std::ofstream(output) << graph;
  } else if (absl::Status rendered = RenderWithDot(graph, *format, output);
             !rendered.ok()) {
    return ReportError(env, rendered);
  }
  *env.out << absl::StrFormat("wrote %s: %d facts within %d hops of %s%s\n",
                              output, response.facts_size(), *hops, request.name(),
                              response.truncated() ? " (truncated by --limit)" : "");
  return 0;
}

}  // namespace kg::cli
