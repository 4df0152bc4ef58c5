// One reader request must not be able to abort the graph server: an answer
// over protobuf's 2 GB serialisation limit used to assert in the
// serialiser. Every answer, and every streamed row or batch, is now held to
// the server's response budget (--max_response_mb): past it the call gets
// RESOURCE_EXHAUSTED naming the size, the budget and the flag, and the
// server goes on serving. Run here with a 256 KB budget and sentences of
// 100 KB and 300 KB.
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg {
namespace {

using ::testing::HasSubstr;

constexpr size_t kBudget = 256 << 10;

kg::v1::Fact Stated(const std::string& value, size_t sentence_bytes) {
  kg::v1::Fact fact;
  fact.set_subject("Vera Lund");
  fact.set_predicate("member_of");
  fact.mutable_value()->set_entity(value);
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id("long-release");
  e->set_sentence(std::string(sentence_bytes, 'x'));
  e->set_rule("test");
  e->set_confidence(0.9f);
  return fact;
}

class ResponseBudgetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    graph::GraphServerOptions options;
    options.db_path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/budget");
    options.sync_writes = false;
    options.limits.max_response_bytes = kBudget;
    auto server = graph::GraphServer::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    stub_ = kg::v1::GraphService::NewStub(grpc::CreateCustomChannel(
        absl::StrCat("127.0.0.1:", server_->port()),
        grpc::InsecureChannelCredentials(), arguments));
    // Four facts of 100 KB sentences (400 KB together) and one of 300 KB.
    kg::v1::IngestRequest batch;
    for (int i = 0; i < 4; ++i) {
      *batch.add_facts() = Stated(absl::StrCat("Unit ", i), 100 << 10);
    }
    *batch.add_facts() = Stated("Unit Long", 300 << 10);
    grpc::ClientContext context;
    auto stream = stub_->Ingest(&context);
    ASSERT_TRUE(stream->Write(batch));
    ASSERT_TRUE(stream->WritesDone());
    kg::v1::IngestResponse ack;
    ASSERT_TRUE(stream->Read(&ack));
    ASSERT_TRUE(stream->Finish().ok());
  }

  void ExpectOverBudget(const grpc::Status& status) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
        << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr("--max_response_mb"));
    EXPECT_THAT(status.error_message(), HasSubstr(absl::StrCat(kBudget)));
    // ... and the server is still there.
    grpc::ClientContext context;
    kg::v1::GetStatsResponse stats;
    EXPECT_TRUE(stub_->GetStats(&context, kg::v1::GetStatsRequest(), &stats).ok());
    EXPECT_EQ(stats.facts(), 5);
  }

  std::unique_ptr<graph::GraphServer> server_;
  std::unique_ptr<kg::v1::GraphService::Stub> stub_;
};

TEST_F(ResponseBudgetTest, UnaryAnswersOverTheBudgetAreRefused) {
  {
    grpc::ClientContext context;
    kg::v1::GetEntityRequest request;
    request.set_name("Vera Lund");
    kg::v1::GetEntityResponse response;
    ExpectOverBudget(stub_->GetEntity(&context, request, &response));
  }
  {
    grpc::ClientContext context;
    kg::v1::GetNeighbourhoodRequest request;
    request.set_name("Vera Lund");
    kg::v1::GetNeighbourhoodResponse response;
    ExpectOverBudget(stub_->GetNeighbourhood(&context, request, &response));
  }
  {  // Within the budget: two facts of 100 KB.
    grpc::ClientContext context;
    kg::v1::GetNeighbourhoodRequest request;
    request.set_name("Unit 0");
    kg::v1::GetNeighbourhoodResponse response;
    EXPECT_TRUE(stub_->GetNeighbourhood(&context, request, &response).ok());
  }
}

TEST_F(ResponseBudgetTest, StreamedRowsOverTheBudgetAreRefused) {
  kg::v1::QueryRequest request;
  request.set_query("<Vera Lund> member_of ?unit");
  request.set_with_evidence(true);
  {  // Batches: the 300 KB row alone is over the budget.
    grpc::ClientContext context;
    auto reader = stub_->QueryBatches(&context, request);
    kg::v1::QueryRowBatch batch;
    while (reader->Read(&batch)) {
    }
    ExpectOverBudget(reader->Finish());
  }
  {  // One message per row.
    grpc::ClientContext context;
    auto reader = stub_->Query(&context, request);
    kg::v1::QueryRow row;
    int rows = 0;
    while (reader->Read(&row)) ++rows;
    ExpectOverBudget(reader->Finish());
    EXPECT_LT(rows, 5);
  }
  {  // Without the sentences every row fits.
    request.set_with_evidence(false);
    grpc::ClientContext context;
    auto reader = stub_->QueryBatches(&context, request);
    kg::v1::QueryRowBatch batch;
    int rows = 0;
    while (reader->Read(&batch)) rows += batch.rows_size();
    EXPECT_TRUE(reader->Finish().ok());
    EXPECT_EQ(rows, 5);
  }
}

}  // namespace
}  // namespace kg
