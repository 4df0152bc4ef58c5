// An extractor that holds a token the graph does not know used to pass the
// graph's "UNAUTHENTICATED: unknown bearer token" to its caller, who had
// sent no token at all. The forward's refusal now names the graph as the
// hop, the extractor's flags as the fix, and is FAILED_PRECONDITION; other
// graph errors keep their code with the graph named.
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/security/token_store.h"
#include "extractor_service/server.h"
#include "gmock/gmock.h"
#include "graph_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/extractor.grpc.pb.h"

namespace kg {
namespace {

using ::testing::HasSubstr;

constexpr char kWriterToken[] = "writer-token-0123456789abcdef";

std::unique_ptr<extractor::ExtractorServer> StartExtractor(
    int graph_port, const std::string& token) {
  extractor::ExtractorServerOptions options;
  options.extractor.data_dir = "extractor_service/data";
  options.graph_address = absl::StrCat("127.0.0.1:", graph_port);
  options.graph_security.token = token;
  auto server = extractor::ExtractorServer::Start(options);
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

grpc::Status Forward(const extractor::ExtractorServer& server) {
  auto stub = kg::v1::ExtractorService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", server.port()),
      grpc::InsecureChannelCredentials()));
  kg::v1::ExtractRequest request;
  request.mutable_document()->set_id("hop-1");
  request.mutable_document()->set_text(
      "Insp Carol Baines of the Larchwood Unit leads Operation Fernhill.\n");
  request.set_forward(true);
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  return stub->Extract(&context, request, &response);
}

TEST(ForwardHopTest, TheGraphRefusingTheExtractorsTokenNamesTheHop) {
  graph::GraphServerOptions graph_options;
  graph_options.db_path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/hop");
  graph_options.sync_writes = false;
  auto tokens = security::TokenStore::Parse(
      absl::StrCat(kWriterToken, " writer extractor\n"), "test tokens");
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  graph_options.grpc.security.tokens =
      std::make_shared<const security::TokenStore>(*std::move(tokens));
  auto graph = graph::GraphServer::Start(graph_options);
  ASSERT_TRUE(graph.ok()) << graph.status();

  auto wrong = StartExtractor((*graph)->port(), "not-a-token-the-graph-knows");
  ASSERT_NE(wrong, nullptr);
  const grpc::Status refused = Forward(*wrong);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.error_message(),
              HasSubstr(absl::StrCat("the graph service at 127.0.0.1:",
                                     (*graph)->port(),
                                     " refused the extractor's credentials")));
  EXPECT_THAT(refused.error_message(), HasSubstr("--graph_token_file"));
  EXPECT_THAT(refused.error_message(), ::testing::Not(HasSubstr(kWriterToken)));
  wrong->Shutdown();

  auto right = StartExtractor((*graph)->port(), kWriterToken);
  ASSERT_NE(right, nullptr);
  EXPECT_TRUE(Forward(*right).ok());
  right->Shutdown();
  (*graph)->Shutdown();
}

}  // namespace
}  // namespace kg
