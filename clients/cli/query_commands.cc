// kg query (rows, or the plan with --explain) and kg explain (derivations).
#include <regex>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/predicate_hints.h"
#include "clients/cli/query_stream.h"
#include "clients/cli/row_format.h"
#include "clients/cli/table.h"
#include "clients/cli/triple_parser.h"
#include "clients/cli/value_format.h"

namespace kg::cli {
namespace {

constexpr char kArrow[] = "\xE2\x86\xB3 ";
// Evidence lines shown per fact of a derivation.
constexpr int kMaxSources = 3;

// The query text from -f FILE or the arguments.
absl::StatusOr<std::string> QueryText(const CliEnv& env, const ParsedArgs& args) {
  if (args.Has("file")) {
    if (!args.args.empty()) {
      return absl::InvalidArgumentError("give either -f FILE or a PATTERN");
    }
    return ReadInput(env, args.Get("file", "-"));
  }
  if (args.args.empty()) {
    return absl::InvalidArgumentError(
        "kg query needs a PATTERN or -f FILE (see kg query --help)");
  }
  return absl::StrJoin(args.args, " ");
}

// For "line L, column C: ..." errors: the offending line with a caret.
void PointAtError(const CliEnv& env, const std::string& query,
                  const std::string& message) {
  static const std::regex kPosition("line ([0-9]+), column ([0-9]+)");
  std::smatch match;
  if (!std::regex_search(message, match, kPosition)) return;
  size_t line_number = 0, column = 0;
  if (!absl::SimpleAtoi(match[1].str(), &line_number) ||
      !absl::SimpleAtoi(match[2].str(), &column) || line_number == 0) {
    return;
  }
  std::vector<std::string> lines = absl::StrSplit(query, '\n');
  if (line_number > lines.size()) return;
  *env.err << "  " << lines[line_number - 1] << "\n  "
           << std::string(column > 0 ? column - 1 : 0, ' ') << "^\n";
}

int PrintPlan(const CliEnv& env, const kg::v1::QueryRequest& request) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::QueryPlan plan;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub->PlanQuery(&context, request, &plan);
  if (!status.ok()) {
    ReportGraphError(env, status);
    PointAtError(env, request.query(), status.error_message());
    return 1;
  }
  Table table({"step", "pattern", "index", "est. rows"});
  for (int i = 0; i < plan.steps_size(); ++i) {
    const kg::v1::QueryPlanStep& step = plan.steps(i);
    table.AddRow({absl::StrCat(i + 1), step.pattern(), step.index(),
                  absl::StrFormat("%.1f", step.estimated_rows())});
  }
  table.Print(*env.out);
  return 0;
}

void PrintDerivation(std::ostream& out, const kg::v1::Derivation& node,
                     int depth) {
  const std::string indent(depth * 4, ' ');
  const kg::v1::Fact& fact = node.fact();
  kg::v1::Triple triple;
  triple.set_subject(fact.subject());
  triple.set_predicate(fact.predicate());
  *triple.mutable_value() = fact.value();
  out << indent << FormatTriple(triple) << "\n";
  int shown = 0;
  for (const kg::v1::Evidence& e : fact.evidence()) {
    if (shown++ == kMaxSources) {
      out << indent << "  ... and " << fact.evidence_size() - kMaxSources
          << " more\n";
      break;
    }
    out << indent << "  " << kArrow;
    if (e.premises_size() > 0) {
      out << absl::StrFormat("derived by rule %s (%.2f) from %d premises",
                             e.rule(), e.confidence(), e.premises_size());
    } else {
      out << absl::StrFormat("[%s] %s  (%s, %.2f)", e.document_id(),
                             e.sentence(), e.rule(), e.confidence());
    }
    out << "\n";
  }
  for (const kg::v1::Derivation& premise : node.premises()) {
    PrintDerivation(out, premise, depth + 1);
  }
}

// After an empty answer: names in predicate position that no fact uses,
// with the closest predicates the graph has ("?p lead ?op").
void NoteUnknownPredicates(const CliEnv& env, kg::v1::GraphService::Stub& stub,
                           const std::string& query) {
  const absl::StatusOr<std::vector<std::string>> known =
      GraphPredicates(env, stub);
  if (!known.ok()) return;
  for (const std::string& note : UnknownPredicateNotes(query, *known)) {
    *env.err << "kg: note: " << note << "\n";
  }
}

}  // namespace

int RunQuery(const CliEnv& env, const ParsedArgs& args) {
  absl::StatusOr<std::string> query = QueryText(env, args);
  if (!query.ok()) return ReportError(env, query.status());
  absl::StatusOr<RowFormat> format = ParseRowFormat(
      args.Has("json") ? "jsonl" : args.Get("format", "table"));
  if (!format.ok()) return ReportError(env, format.status());
  absl::StatusOr<uint32_t> limit = args.GetUint("limit", 0);
  if (!limit.ok()) return ReportError(env, limit.status());
  const bool why = args.Has("why");

  kg::v1::QueryRequest request;
  request.set_query(*query);
  request.set_limit(*limit);
  request.set_with_evidence(why);
  if (args.Has("explain")) return PrintPlan(env, request);

  auto stub = GraphStub(env.graph_address);
  RowPrinter printer(*format, why, *env.out);
  bool truncated = false;
  const grpc::Status status = StreamQueryRows(
      *stub, request, absl::Now() + env.timeout,
      [&printer](const kg::v1::QueryRow& row) { printer.Add(row); },
      &truncated);
  if (!status.ok()) {
    ReportGraphError(env, status);
    PointAtError(env, *query, status.error_message());
    return 1;
  }
  printer.Finish();
  if (printer.row_count() == 0) NoteUnknownPredicates(env, *stub, *query);
  if (truncated) {
    *env.err << "kg: the answer was cut at the server's row limit after "
             << printer.row_count()
             << " rows; more exist (add LIMIT N to the query or --limit=N, up "
                "to the server's --max_row_limit)\n";
    if (args.Has("strict")) return 3;
  }
  return 0;
}

int RunExplain(const CliEnv& env, const ParsedArgs& args) {
  absl::StatusOr<kg::v1::Triple> triple = ParseTriple(absl::StrJoin(args.args, " "));
  if (!triple.ok()) return ReportError(env, triple.status());
  auto stub = GraphStub(env.graph_address);
  kg::v1::ExplainRequest request;
  *request.mutable_fact() = *triple;
  kg::v1::ExplainResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub->Explain(&context, request, &response);
  if (!status.ok()) return ReportGraphError(env, status);
  PrintDerivation(*env.out, response.root(), 0);
  return 0;
}

}  // namespace kg::cli
