#include "tests/e2e/service_pair.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/grpc_status.h"
#include "common/value_text.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"

namespace kg::testing {
namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

}  // namespace

std::string RunfilePath(const std::string& workspace_relative) {
  return absl::StrCat(EnvOr("TEST_SRCDIR", "."), "/kg/", workspace_relative);
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

absl::StatusOr<std::unique_ptr<ServicePair>> ServicePair::Start(
    const std::string& name) {
  auto pair = std::unique_ptr<ServicePair>(new ServicePair());
  graph::GraphServerOptions graph_options;
  graph_options.db_path = absl::StrCat(EnvOr("TEST_TMPDIR", "/tmp"), "/", name);
  // The rules the shipped graph_server loads by default.
  graph_options.rules_path = RunfilePath("graph_service/rules/default.rules");
  auto graph = graph::GraphServer::Start(graph_options);
  if (!graph.ok()) return graph.status();
  pair->graph_ = *std::move(graph);

  extractor::ExtractorServerOptions extractor_options;
  extractor_options.extractor.data_dir = RunfilePath("extractor_service/data");
  extractor_options.graph_address = pair->graph_address();
  auto extractor = extractor::ExtractorServer::Start(extractor_options);
  if (!extractor.ok()) return extractor.status();
  pair->extractor_ = *std::move(extractor);

  pair->graph_stub_ = kg::v1::GraphService::NewStub(grpc::CreateChannel(
      pair->graph_address(), grpc::InsecureChannelCredentials()));
  pair->extractor_stub_ = kg::v1::ExtractorService::NewStub(grpc::CreateChannel(
      pair->extractor_address(), grpc::InsecureChannelCredentials()));
  return pair;
}

std::string ServicePair::graph_address() const {
  return absl::StrCat("127.0.0.1:", graph_->port());
}

std::string ServicePair::extractor_address() const {
  return absl::StrCat("127.0.0.1:", extractor_->port());
}

absl::StatusOr<kg::v1::ExtractResponse> ServicePair::Ingest(
    const std::string& id, const std::string& text) {
  kg::v1::ExtractRequest request;
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_text(text);
  request.set_forward(true);
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  const grpc::Status status = extractor_stub_->Extract(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

absl::StatusOr<std::vector<kg::v1::QueryRow>> ServicePair::Query(
    const std::string& query) {
  kg::v1::QueryRequest request;
  request.set_query(query);
  request.set_with_evidence(true);
  grpc::ClientContext context;
  auto reader = graph_stub_->Query(&context, request);
  std::vector<kg::v1::QueryRow> rows;
  kg::v1::QueryRow row;
  while (reader->Read(&row)) rows.push_back(row);
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpcStatus(status);
  return rows;
}

absl::StatusOr<std::vector<std::string>> ServicePair::QueryStrings(
    const std::string& query) {
  auto rows = Query(query);
  if (!rows.ok()) return rows.status();
  std::vector<std::string> lines;
  for (const kg::v1::QueryRow& row : *rows) {
    std::vector<std::string> values;
    for (const kg::v1::Binding& b : row.bindings()) {
      values.push_back(ValueLexicalForm(b.value()));
    }
    lines.push_back(absl::StrJoin(values, " | "));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace kg::testing
