// kg extract / docs / delete: commands about documents.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/ingest_inputs.h"
#include "clients/cli/table.h"
#include "clients/cli/value_format.h"

namespace kg::cli {
namespace {

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

// Extracts one input without storing; prints why on failure.
bool ExtractOne(const CliEnv& env, kg::v1::ExtractorService::Stub& stub,
                const IngestInput& input) {
  absl::StatusOr<std::string> text = ReadInput(env, input.path);
  if (!text.ok()) {
    *env.err << "kg: " << text.status().message() << "\n";
    return false;
  }
  kg::v1::ExtractRequest request;
  request.mutable_document()->set_id(input.id);
  request.mutable_document()->set_title(TitleOf(*text));
  request.mutable_document()->set_text(*std::move(text));
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub.Extract(&context, request, &response);
  if (!status.ok()) {
    *env.err << "kg: " << input.path << ": "
             << DescribeError(status, "extractor service",
                              env.extractor_address, "extractor_addr")
             << "\n";
    return false;
  }
  for (const kg::v1::Fact& fact : response.facts()) PrintFactJson(*env.out, fact);
  return true;
}

}  // namespace

std::string DocumentIdForPath(const std::string& path) {
  return DocumentIdFor(path);
}

int RunExtract(const CliEnv& env, const ParsedArgs& args) {
  std::vector<std::string> errors;
  const std::vector<IngestInput> inputs = CollectInputs(args.args, "stdin", &errors);
  for (const std::string& error : errors) *env.err << "kg: " << error << "\n";
  auto stub = ExtractorStub(env.extractor_address);
  size_t failed = errors.size();
  for (const IngestInput& input : inputs) {
    if (!ExtractOne(env, *stub, input)) ++failed;
  }
  return failed == 0 ? 0 : 1;
}

int RunDelete(const CliEnv& env, const ParsedArgs& args) {
  auto stub = GraphStub(env.graph_address);
  int result = 0;
  for (const std::string& document_id : args.args) {
    kg::v1::DeleteDocumentRequest request;
    request.set_document_id(document_id);
    kg::v1::DeleteDocumentResponse response;
    grpc::ClientContext context;
    SetTimeout(context, env.timeout);
    const grpc::Status status =
        stub->DeleteDocument(&context, request, &response);
    if (!status.ok()) {
      result = ReportGraphError(env, status);
      continue;
    }
    *env.out << absl::StrFormat(
        "deleted %s: %d evidence records, %d facts retracted\n", document_id,
        response.evidence_removed(), response.facts_retracted());
  }
  return result;
}

int RunDocs(const CliEnv& env, const ParsedArgs& args) {
  const std::string format = args.Get("format", "table");
  if (format != "table" && format != "jsonl") {
    return ReportError(env, absl::InvalidArgumentError(
                                "kg docs --format is table or jsonl"));
  }
  auto stub = GraphStub(env.graph_address);
  kg::v1::ListDocumentsResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status =
      stub->ListDocuments(&context, kg::v1::ListDocumentsRequest(), &response);
  if (!status.ok()) return ReportGraphError(env, status);
  if (format == "jsonl") {
    for (const kg::v1::DocumentInfo& doc : response.documents()) {
      *env.out << "{\"document_id\":" << JsonString(doc.document_id())
               << ",\"evidence\":" << doc.evidence()
               << ",\"content_hash\":" << JsonString(doc.content_hash())
               << "}\n";
    }
    return 0;
  }
  Table table({"document", "evidence", "content hash"});
  for (const kg::v1::DocumentInfo& doc : response.documents()) {
    table.AddRow({doc.document_id(), absl::StrCat(doc.evidence()),
                  doc.content_hash().substr(0, 16)});
  }
  table.Print(*env.out);
  *env.out << "(" << response.documents_size() << " documents)\n";
  return 0;
}

}  // namespace kg::cli
