#include "tests/graph/graph_services.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/grpc_status.h"
#include "common/value_text.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace kg::testing {
namespace {

std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

}  // namespace

std::string Runfile(const std::string& workspace_relative) {
  return absl::StrCat(Env("TEST_SRCDIR", "."), "/kg/", workspace_relative);
}

absl::StatusOr<std::unique_ptr<GraphServices>> GraphServices::Start(
    const std::string& name, absl::Duration query_timeout, bool with_schema) {
  auto services = std::unique_ptr<GraphServices>(new GraphServices());
  graph::GraphServerOptions graph_options;
  graph_options.db_path = absl::StrCat(Env("TEST_TMPDIR", "/tmp"), "/", name);
  graph_options.sync_writes = false;
  graph_options.rules_path = Runfile("graph_service/rules/default.rules");
  if (with_schema) {
    graph_options.schema_path =
        Runfile("graph_service/temporal/single_valued.schema");
  }
  graph_options.limits.bulk_chunk_facts = 50;
  graph_options.limits.default_query_timeout = query_timeout;
  auto graph = graph::GraphServer::Start(graph_options);
  if (!graph.ok()) return graph.status();
  services->graph_ = *std::move(graph);
  const std::string graph_address =
      absl::StrCat("127.0.0.1:", services->graph_->port());

  extractor::ExtractorServerOptions extractor_options;
  extractor_options.extractor.data_dir = Runfile("extractor_service/data");
  extractor_options.graph_address = graph_address;
  auto extractor = extractor::ExtractorServer::Start(extractor_options);
  if (!extractor.ok()) return extractor.status();
  services->extractor_ = *std::move(extractor);

  services->graph_stub_ = kg::v1::GraphService::NewStub(
      grpc::CreateChannel(graph_address, grpc::InsecureChannelCredentials()));
  services->extractor_stub_ = kg::v1::ExtractorService::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", services->extractor_->port()),
                          grpc::InsecureChannelCredentials()));
  return services;
}

absl::Status GraphServices::IngestText(const std::string& id,
                                       const std::string& text,
                                       const std::string& published) {
  kg::v1::ExtractRequest request;
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_text(text);
  request.mutable_document()->set_published(published);
  request.set_forward(true);
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  return FromGrpcStatus(extractor_stub_->Extract(&context, request, &response));
}

absl::StatusOr<kg::v1::IngestResponse> GraphServices::IngestBatch(
    const kg::v1::IngestRequest& request) {
  grpc::ClientContext context;
  auto stream = graph_stub_->Ingest(&context);
  kg::v1::IngestResponse response;
  if (!stream->Write(request) || !stream->WritesDone()) {
    return FromGrpcStatus(stream->Finish());
  }
  const bool acked = stream->Read(&response);
  const grpc::Status status = stream->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  if (!acked) return absl::InternalError("no acknowledgement");
  return response;
}

absl::StatusOr<std::vector<std::string>> GraphServices::QueryStrings(
    const std::string& query) {
  kg::v1::QueryRequest request;
  request.set_query(query);
  grpc::ClientContext context;
  auto reader = graph_stub_->Query(&context, request);
  std::vector<std::string> lines;
  kg::v1::QueryRow row;
  while (reader->Read(&row)) {
    std::vector<std::string> values;
    for (const kg::v1::Binding& b : row.bindings()) values.push_back(ValueLexicalForm(b.value()));
    lines.push_back(absl::StrJoin(values, " | "));
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  std::sort(lines.begin(), lines.end());
  return lines;
}

absl::StatusOr<std::string> GraphServices::Export(kg::v1::ExportFormat format) {
  kg::v1::ExportRequest request;
  request.set_format(format);
  grpc::ClientContext context;
  auto reader = graph_stub_->Export(&context, request);
  std::string out;
  kg::v1::ExportChunk chunk;
  while (reader->Read(&chunk)) out += chunk.data();
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  return out;
}

absl::StatusOr<kg::v1::Derivation> GraphServices::Explain(
    const kg::v1::Triple& fact) {
  kg::v1::ExplainRequest request;
  *request.mutable_fact() = fact;
  kg::v1::ExplainResponse response;
  grpc::ClientContext context;
  const grpc::Status status = graph_stub_->Explain(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response.root();
}

kg::v1::Triple EntityTriple(const std::string& s, const std::string& p,
                            const std::string& o) {
  kg::v1::Triple t;
  t.set_subject(s);
  t.set_predicate(p);
  t.mutable_value()->set_entity(o);
  return t;
}

std::string FormatDerivation(const kg::v1::Derivation& node, int indent) {
  const std::string pad(indent * 4, ' ');
  const kg::v1::Fact& f = node.fact();
  std::string out = absl::StrCat(pad, "(", f.subject(), ", ", f.predicate(),
                                 ", ", ValueLexicalForm(f.value()), ")\n");
  for (const kg::v1::Evidence& e : f.evidence()) {
    if (e.premises_size() > 0) {
      absl::StrAppend(&out, pad, "  derived by rule ", e.rule(), " in [",
                      e.document_id(), "], confidence ", e.confidence(),
                      ", from:\n");
    } else {
      absl::StrAppend(&out, pad, "  [", e.document_id(), "] (", e.rule(), ", ",
                      e.confidence(), ") ", e.sentence(), "\n");
    }
  }
  for (const kg::v1::Derivation& p : node.premises()) {
    out += FormatDerivation(p, indent + 1);
  }
  return out;
}

}  // namespace kg::testing
