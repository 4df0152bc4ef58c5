// A document inside the extractor's size limit whose facts (each evidence
// record carries its sentence) come to more than one answer or one forward
// may carry is refused up front with RESOURCE_EXHAUSTED naming the limit and
// the flag, and nothing reaches the graph. Before, the extractor worked for
// minutes and then failed the forward with gRPC's "Received message larger
// than max", not saying which hop.
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "extractor_service/server.h"
#include "graph_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg {
namespace {

std::string Document(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    absl::StrAppend(&text, "Insp Carol Baines of the Larchwood Unit said officers ",
                    "in Salford arrested ", i, " people during Operation Fernhill.\n");
  }
  return text;
}

class AnswerLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    graph::GraphServerOptions graph_options;
    graph_options.db_path = absl::StrCat(
        std::getenv("TEST_TMPDIR"), "/",
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto graph = graph::GraphServer::Start(graph_options);
    ASSERT_TRUE(graph.ok()) << graph.status();
    graph_ = *std::move(graph);

    extractor::ExtractorServerOptions options;
    options.extractor.data_dir = "extractor_service/data";
    options.graph_address = absl::StrCat("127.0.0.1:", graph_->port());
    options.answer_limits.max_response_bytes = 1 << 20;
    options.answer_limits.max_forward_bytes = 256 << 10;
    auto extractor = extractor::ExtractorServer::Start(options);
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
    extractor_stub_ = kg::v1::ExtractorService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", extractor_->port()),
        grpc::InsecureChannelCredentials()));
    graph_stub_ = kg::v1::GraphService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", graph_->port()),
        grpc::InsecureChannelCredentials()));
  }

  grpc::Status Extract(int sentences, bool forward) {
    kg::v1::ExtractRequest request;
    request.mutable_document()->set_id(absl::StrCat("doc-", sentences));
    request.mutable_document()->set_text(Document(sentences));
    request.set_forward(forward);
    kg::v1::ExtractResponse response;
    grpc::ClientContext context;
    return extractor_stub_->Extract(&context, request, &response);
  }

  uint64_t GraphFacts() {
    grpc::ClientContext context;
    kg::v1::GetStatsResponse stats;
    EXPECT_TRUE(graph_stub_->GetStats(&context, {}, &stats).ok());
    return stats.facts();
  }

  std::unique_ptr<graph::GraphServer> graph_;
  std::unique_ptr<extractor::ExtractorServer> extractor_;
  std::unique_ptr<kg::v1::ExtractorService::Stub> extractor_stub_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_stub_;
};

TEST_F(AnswerLimitsTest, SmallDocumentIsForwarded) {
  EXPECT_TRUE(Extract(5, true).ok());
  EXPECT_GT(GraphFacts(), 0u);
}

// 1,000 sentences: ~1.3 MB of facts, past the 1 MiB answer limit.
TEST_F(AnswerLimitsTest, AnswerPastTheBudgetIsRefused) {
  const grpc::Status status = Extract(1000, false);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(status.error_message().find("for one answer (--max_response_mb)"),
            std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find("document 'doc-1000'"), std::string::npos);
}

// 500 sentences: ~650 kB, under the answer limit, past the 256 KiB forward
// limit.
TEST_F(AnswerLimitsTest, ForwardPastTheGraphsMessageLimitStoresNothing) {
  const grpc::Status status = Extract(500, true);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(status.error_message().find("one forward to the graph "
                                        "(--graph_max_message_mb)"),
            std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find("nothing was stored"), std::string::npos);
  EXPECT_EQ(GraphFacts(), 0u);
  const grpc::Status answer = Extract(500, false);
  EXPECT_TRUE(answer.ok()) << answer.error_message();  // they fit one answer
}

}  // namespace
}  // namespace kg
