// kg export / import: the whole graph as N-Triples, N-Quads, JSON Lines or
// (export only, built here from JSON Lines) GraphML.
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/graph_drawing.h"
#include "google/protobuf/util/json_util.h"

namespace kg::cli {
namespace {

constexpr size_t kImportChunkBytes = 1 << 20;

absl::StatusOr<kg::v1::ExportFormat> ParseExportFormat(const std::string& name) {
  if (name == "ntriples" || name == "nt") return kg::v1::NTRIPLES;
  if (name == "nquads" || name == "nq") return kg::v1::NQUADS;
  if (name == "jsonl") return kg::v1::JSONL;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format '", name, "': choose ntriples, nquads, jsonl",
      " (or graphml for export)"));
}

// Facts from proto3 JSON lines; InvalidArgument naming the line.
absl::StatusOr<std::vector<kg::v1::Fact>> ParseJsonLines(const std::string& text) {
  std::vector<kg::v1::Fact> facts;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.empty()) continue;
    kg::v1::Fact fact;
    auto status = google::protobuf::util::JsonStringToMessage(line, &fact);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "export line ", number, " is not a Fact: ", status.ToString()));
    }
    facts.push_back(std::move(fact));
  }
  return facts;
}

}  // namespace

int RunExport(const CliEnv& env, const ParsedArgs& args) {
  const std::string format_name = args.Get("format", "ntriples");
  const bool graphml = format_name == "graphml";
  absl::StatusOr<kg::v1::ExportFormat> format =
      ParseExportFormat(graphml ? "jsonl" : format_name);
  if (!format.ok()) return ReportError(env, format.status());
  std::unique_ptr<std::ofstream> file;
  std::ostream* out = env.out;
  if (args.Has("output") && args.Get("output", "") != "-") {
    file = std::make_unique<std::ofstream>(args.Get("output", ""), std::ios::binary);
    if (!*file) {
      return ReportError(env, absl::NotFoundError(
                                  "cannot write " + args.Get("output", "")));
    }
    out = file.get();
  }
  auto stub = GraphStub(env.graph_address);
  kg::v1::ExportRequest request;
  request.set_format(*format);
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  auto reader = stub->Export(&context, request);
  std::string jsonl;  // kept for GraphML only
  kg::v1::ExportChunk chunk;
  uint64_t bytes = 0;
  while (reader->Read(&chunk)) {
    bytes += chunk.data().size();
    if (graphml) {
      jsonl += chunk.data();
    } else {
      out->write(chunk.data().data(), chunk.data().size());
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return ReportGraphError(env, status);
  if (graphml) {
    absl::StatusOr<std::vector<kg::v1::Fact>> facts = ParseJsonLines(jsonl);
    if (!facts.ok()) return ReportError(env, facts.status());
    WriteGraphMl(*facts, *out);
  }
  out->flush();
  if (file != nullptr) {
    *env.err << absl::StrFormat("exported %d bytes of %s to %s\n", bytes,
                                format_name, args.Get("output", ""));
  }
  return 0;
}

int RunImport(const CliEnv& env, const ParsedArgs& args) {
  const std::string& path = args.args[0];
  std::string format_name = args.Get("format", "");
  if (format_name.empty()) {
    format_name = absl::EndsWith(path, ".nq")      ? "nquads"
                  : absl::EndsWith(path, ".jsonl") ? "jsonl"
                  : absl::EndsWith(path, ".nt")    ? "ntriples"
                                                   : "";
  }
  if (format_name.empty()) {
    return ReportError(env, absl::InvalidArgumentError(
                                "cannot tell the format of " + path +
                                ": use --format=ntriples|nquads|jsonl"));
  }
  absl::StatusOr<kg::v1::ExportFormat> format = ParseExportFormat(format_name);
  if (!format.ok()) return ReportError(env, format.status());
  absl::StatusOr<std::string> text = ReadInput(env, path);
  if (!text.ok()) return ReportError(env, text.status());

  auto stub = GraphStub(env.graph_address);
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  if (args.Has("bulk")) context.AddMetadata("kg-ingest-mode", "bulk");
  kg::v1::ImportResponse response;
  auto writer = stub->Import(&context, &response);
  for (size_t offset = 0; offset == 0 || offset < text->size();
       offset += kImportChunkBytes) {
    kg::v1::ImportChunk chunk;
    if (offset == 0) chunk.set_format(*format);
    chunk.set_data(text->substr(offset, kImportChunkBytes));
    if (!writer->Write(chunk)) break;  // the status says why
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  if (!status.ok()) return ReportGraphError(env, status);
  *env.out << absl::StrFormat("imported %s: %d facts, %d new, %d new evidence\n",
                              path, response.facts_received(),
                              response.facts_new(), response.evidence_new());
  return 0;
}

}  // namespace kg::cli
