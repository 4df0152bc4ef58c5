// kg query / entity / stats: commands that ask the graph.
#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_format.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/table.h"
#include "clients/cli/value_format.h"

namespace kg::cli {
namespace {

int ReportGraphError(const CliEnv& env, const grpc::Status& status) {
  *env.err << "kg: "
           << DescribeError(status, "graph service", env.graph_address,
                            "graph_addr")
           << "\n";
  return 1;
}

std::string SourceLine(const kg::v1::Evidence& evidence) {
  return absl::StrFormat("[%s] %s", evidence.document_id(), evidence.sentence());
}

void PrintRowJson(std::ostream& out, const kg::v1::QueryRow& row, bool why) {
  out << "{";
  for (int i = 0; i < row.bindings_size(); ++i) {
    if (i > 0) out << ",";
    out << JsonString(row.bindings(i).variable()) << ":"
        << ValueToJson(row.bindings(i).value());
  }
  if (why) {
    out << (row.bindings_size() > 0 ? "," : "") << "\"_sources\":[";
    bool first = true;
    for (const kg::v1::Fact& fact : row.support()) {
      for (const kg::v1::Evidence& evidence : fact.evidence()) {
        out << (first ? "" : ",") << "{\"doc\":"
            << JsonString(evidence.document_id())
            << ",\"sentence\":" << JsonString(evidence.sentence())
            << ",\"rule\":" << JsonString(evidence.rule()) << "}";
        first = false;
      }
    }
    out << "]";
  }
  out << "}\n";
}

// The distinct sentences behind a row, in the order the patterns matched.
std::vector<std::string> RowSources(const kg::v1::QueryRow& row) {
  std::vector<std::string> sources;
  for (const kg::v1::Fact& fact : row.support()) {
    for (const kg::v1::Evidence& evidence : fact.evidence()) {
      std::string line = SourceLine(evidence);
      if (std::find(sources.begin(), sources.end(), line) == sources.end()) {
        sources.push_back(std::move(line));
      }
    }
  }
  return sources;
}

void PrintRowsTable(std::ostream& out,
                    const std::vector<kg::v1::QueryRow>& rows, bool why) {
  if (rows.empty()) return;
  std::vector<std::string> header;
  for (const kg::v1::Binding& binding : rows[0].bindings()) {
    header.push_back("?" + binding.variable());
  }
  if (!why) {
    Table table(header);
    for (const kg::v1::QueryRow& row : rows) {
      std::vector<std::string> cells;
      for (const kg::v1::Binding& b : row.bindings()) {
        cells.push_back(FormatValue(b.value()));
      }
      table.AddRow(std::move(cells));
    }
    table.Print(out);
    return;
  }
  for (const kg::v1::QueryRow& row : rows) {
    std::vector<std::string> parts;
    for (const kg::v1::Binding& b : row.bindings()) {
      parts.push_back(absl::StrCat("?", b.variable(), " = ", FormatValue(b.value())));
    }
    out << absl::StrJoin(parts, "   ") << "\n";
    for (const std::string& source : RowSources(row)) {
      out << "    \xE2\x86\xB3 " << source << "\n";
    }
  }
}

}  // namespace

int RunQuery(const CliEnv& env, const std::string& query,
             const QueryFlags& flags) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::QueryRequest request;
  request.set_query(query);
  request.set_limit(flags.limit);
  request.set_with_evidence(flags.why);
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  auto reader = stub->Query(&context, request);
  std::vector<kg::v1::QueryRow> rows;
  kg::v1::QueryRow row;
  while (reader->Read(&row)) {
    if (flags.format == OutputFormat::kJson) {
      PrintRowJson(*env.out, row, flags.why);
    } else {
      rows.push_back(row);
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return ReportGraphError(env, status);
  if (flags.format == OutputFormat::kTable) {
    PrintRowsTable(*env.out, rows, flags.why);
    *env.out << "(" << rows.size() << (rows.size() == 1 ? " row" : " rows")
             << ")\n";
  }
  return 0;
}

int RunEntity(const CliEnv& env, const std::string& name) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::GetEntityRequest request;
  request.set_name(name);
  kg::v1::GetEntityResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub->GetEntity(&context, request, &response);
  if (!status.ok()) return ReportGraphError(env, status);

  *env.out << name << "\n";
  std::map<std::string, std::vector<const kg::v1::Fact*>> by_predicate;
  for (const kg::v1::Fact& fact : response.outgoing()) {
    by_predicate[fact.predicate()].push_back(&fact);
  }
  for (const auto& [predicate, facts] : by_predicate) {
    *env.out << "  " << predicate << "\n";
    for (const kg::v1::Fact* fact : facts) {
      *env.out << "    " << FormatValue(fact->value()) << "\n";
      for (const kg::v1::Evidence& evidence : fact->evidence()) {
        *env.out << "        \xE2\x86\xB3 " << SourceLine(evidence) << "\n";
      }
    }
  }
  if (response.incoming_size() > 0) *env.out << "  (as a value)\n";
  for (const kg::v1::Fact& fact : response.incoming()) {
    *env.out << "    " << fact.subject() << " " << fact.predicate() << " "
             << name << "\n";
    for (const kg::v1::Evidence& evidence : fact.evidence()) {
      *env.out << "        \xE2\x86\xB3 " << SourceLine(evidence) << "\n";
    }
  }
  return 0;
}

int RunStats(const CliEnv& env) {
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
  Table table({"predicate", "facts"});
  for (const kg::v1::PredicateCount& count : response.predicates()) {
    table.AddRow({count.predicate(), absl::StrCat(count.facts())});
  }
  table.Print(*env.out);
  return 0;
}

}  // namespace kg::cli
