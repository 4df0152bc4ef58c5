// kg ingest / extract / delete: commands that send documents.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/value_format.h"
#include "common/utf8.h"

namespace kg::cli {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) return absl::DataLossError(absl::StrCat("cannot read ", path));
  return contents.str();
}

// The first non-empty line, trimmed: press releases lead with their title.
// Empty when that line is not valid UTF-8: the extractor will then refuse
// the text itself, naming the bad byte.
std::string TitleOf(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string::npos) continue;
    const size_t end = line.find_last_not_of(" \t\r");
    std::string title = line.substr(begin, end - begin + 1);
    return ValidateUtf8(title).ok() ? title : "";
  }
  return "";
}

// Extracts one file; on failure prints why and returns false.
bool ExtractFile(const CliEnv& env, kg::v1::ExtractorService::Stub& stub,
                 const std::string& path, bool forward,
                 kg::v1::ExtractResponse* response) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) {
    *env.err << "kg: " << path << ": " << text.status().message() << "\n";
    return false;
  }
  kg::v1::ExtractRequest request;
  request.set_forward(forward);
  kg::v1::Document* document = request.mutable_document();
  document->set_id(DocumentIdForPath(path));
  document->set_title(TitleOf(*text));
  document->set_text(*std::move(text));
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub.Extract(&context, request, response);
  if (!status.ok()) {
    *env.err << "kg: " << path << ": "
             << DescribeError(status, "extractor service",
                              env.extractor_address, "extractor_addr")
             << "\n";
    return false;
  }
  return true;
}

void PrintFactJson(std::ostream& out, const kg::v1::Fact& fact) {
  for (const kg::v1::Evidence& evidence : fact.evidence()) {
    out << "{\"doc\":" << JsonString(evidence.document_id())
        << ",\"s\":" << JsonString(fact.subject())
        << ",\"p\":" << JsonString(fact.predicate())
        << ",\"o\":" << JsonString(ValueLexicalForm(fact.value()))
        << ",\"o_is_entity\":"
        << (fact.value().kind_case() == kg::v1::Value::kEntity ? "true"
                                                                : "false")
        << ",\"evidence\":" << JsonString(evidence.sentence())
        << ",\"begin\":" << evidence.begin() << ",\"end\":" << evidence.end()
        << ",\"rule\":" << JsonString(evidence.rule())
        << ",\"confidence\":" << absl::StrFormat("%.3f", evidence.confidence())
        << "}\n";
  }
}

}  // namespace

std::string DocumentIdForPath(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

int RunIngest(const CliEnv& env, const std::vector<std::string>& paths) {
  auto stub = ExtractorStub(env.extractor_address);
  int failed = 0;
  uint64_t facts = 0, facts_new = 0;
  for (const std::string& path : paths) {
    kg::v1::ExtractResponse response;
    if (!ExtractFile(env, *stub, path, /*forward=*/true, &response)) {
      ++failed;
      continue;
    }
    const kg::v1::IngestResponse& ack = response.ingest();
    facts += ack.facts_received();
    facts_new += ack.facts_new();
    *env.out << absl::StrFormat(
        "%s: %d facts, %d new, %d retracted%s\n", path, ack.facts_received(),
        ack.facts_new(), ack.facts_retracted(),
        ack.unchanged() ? " (unchanged)" : "");
  }
  *env.out << absl::StrFormat("ingested %d of %d documents: %d facts, %d new\n",
                              paths.size() - failed, paths.size(), facts,
                              facts_new);
  return failed == 0 ? 0 : 1;
}

int RunExtract(const CliEnv& env, const std::vector<std::string>& paths) {
  auto stub = ExtractorStub(env.extractor_address);
  int failed = 0;
  for (const std::string& path : paths) {
    kg::v1::ExtractResponse response;
    if (!ExtractFile(env, *stub, path, /*forward=*/false, &response)) {
      ++failed;
      continue;
    }
    for (const kg::v1::Fact& fact : response.facts()) {
      PrintFactJson(*env.out, fact);
    }
  }
  return failed == 0 ? 0 : 1;
}

int RunDelete(const CliEnv& env, const std::string& document_id) {
  auto stub = GraphStub(env.graph_address);
  kg::v1::DeleteDocumentRequest request;
  request.set_document_id(document_id);
  kg::v1::DeleteDocumentResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub->DeleteDocument(&context, request, &response);
  if (!status.ok()) {
    *env.err << "kg: "
             << DescribeError(status, "graph service", env.graph_address,
                              "graph_addr")
             << "\n";
    return 1;
  }
  *env.out << absl::StrFormat("deleted %s: %d evidence records, %d facts retracted\n",
                              document_id, response.evidence_removed(),
                              response.facts_retracted());
  return 0;
}

}  // namespace kg::cli
