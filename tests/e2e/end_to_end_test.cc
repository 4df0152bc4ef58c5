// Both real servers on loopback ports: documents go in through the
// extractor, answers come out of the graph, each traceable to its sentence.
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_pair.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kCommanderOperations[] =
    "?p has_role \"Commander\" . ?p leads ?op . ?op type Operation";

const char* const kDemoDocuments[] = {
    "gmp_knife_crime_crackdown",
    "btp_railway_theft_arrests",
    "scotland_drugs_network",
};

std::string DemoText(const std::string& id) {
  return ReadFileOrDie(RunfilePath("examples/documents/" + id + ".txt"));
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pair = ServicePair::Start(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = *std::move(pair);
  }

  void IngestDemo() {
    for (const char* id : kDemoDocuments) {
      auto response = pair_->Ingest(id, DemoText(id));
      ASSERT_TRUE(response.ok()) << id << ": " << response.status();
      EXPECT_GT(response->ingest().facts_received(), 0u) << id;
    }
  }

  std::unique_ptr<ServicePair> pair_;
};

TEST_F(EndToEndTest, CommanderOperationsAnsweredWithTheirSentence) {
  IngestDemo();
  auto rows = pair_->Query(kCommanderOperations);
  ASSERT_TRUE(rows.ok()) << rows.status();
  // Larkspur and Halyard are stated; Kestrel is derived by the shipped rule
  // (she leads knife crime, and Kestrel targets knife crime).
  EXPECT_THAT(*pair_->QueryStrings(kCommanderOperations),
              ElementsAre("Priya Nandakumar | Operation Halyard",
                          "Priya Nandakumar | Operation Kestrel",
                          "Priya Nandakumar | Operation Larkspur"));
  for (const kg::v1::QueryRow& row : *rows) {
    ASSERT_EQ(row.support_size(), 3);
    const kg::v1::Fact& leads = row.support(1);
    ASSERT_GT(leads.evidence_size(), 0);
    const kg::v1::Evidence& evidence = leads.evidence(0);
    EXPECT_EQ(evidence.document_id(), "gmp_knife_crime_crackdown");
    if (leads.value().entity() == "Operation Kestrel") {
      EXPECT_EQ(evidence.rule(), "leads_via_crime_area");
      EXPECT_EQ(evidence.premises_size(), 4);
    } else {
      EXPECT_THAT(evidence.sentence(),
                  HasSubstr("who leads Operations Larkspur and Halyard"));
      EXPECT_EQ(evidence.premises_size(), 0);
    }
  }
}

TEST_F(EndToEndTest, EvidenceOffsetsPointAtTheSentence) {
  const std::string text = DemoText("btp_railway_theft_arrests");
  auto response = pair_->Ingest("btp", text);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_GT(response->facts_size(), 0);
  for (const kg::v1::Fact& fact : response->facts()) {
    for (const kg::v1::Evidence& evidence : fact.evidence()) {
      EXPECT_EQ(evidence.document_id(), "btp");
      EXPECT_EQ(text.substr(evidence.byte_begin(),
                            evidence.byte_end() - evidence.byte_begin()),
                evidence.sentence());
      EXPECT_FALSE(evidence.rule().empty());
      EXPECT_GT(evidence.confidence(), 0.0f);
      EXPECT_LE(evidence.confidence(), 1.0f);
    }
  }
}

TEST_F(EndToEndTest, ReingestIsANoOpAndDeleteLeavesNothing) {
  IngestDemo();
  kg::v1::GetStatsResponse before;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(pair_->graph().GetStats(&context, {}, &before).ok());
  }
  auto again = pair_->Ingest(kDemoDocuments[0], DemoText(kDemoDocuments[0]));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->ingest().unchanged());
  EXPECT_EQ(again->ingest().facts_new(), 0u);

  for (const char* id : kDemoDocuments) {
    kg::v1::DeleteDocumentRequest request;
    request.set_document_id(id);
    kg::v1::DeleteDocumentResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(pair_->graph().DeleteDocument(&context, request, &response).ok());
  }
  kg::v1::GetStatsResponse after;
  grpc::ClientContext context;
  ASSERT_TRUE(pair_->graph().GetStats(&context, {}, &after).ok());
  EXPECT_GT(before.facts(), 0u);
  EXPECT_EQ(after.facts(), 0u);
  EXPECT_EQ(after.evidence(), 0u);
  EXPECT_EQ(after.documents(), 0u);
  EXPECT_THAT(*pair_->QueryStrings(kCommanderOperations), ElementsAre());
}

TEST_F(EndToEndTest, BadInputGetsPreciseStatuses) {
  auto invalid_utf8 = pair_->Ingest("bad", "Operation \xff Nightjar");
  EXPECT_EQ(invalid_utf8.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(invalid_utf8.status().message()), HasSubstr("byte"));

  auto empty = pair_->Ingest("empty", "   \n");
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);

  auto no_id = pair_->Ingest("", "Commander Ada Brook said: \"Hello.\"");
  EXPECT_EQ(no_id.status().code(), absl::StatusCode::kInvalidArgument);

  auto malformed = pair_->Query("?p has_role");
  EXPECT_EQ(malformed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(malformed.status().message()),
              HasSubstr("line 1, column"));

  kg::v1::GetEntityRequest request;
  request.set_name("Nobody Known");
  kg::v1::GetEntityResponse response;
  grpc::ClientContext context;
  EXPECT_EQ(pair_->graph().GetEntity(&context, request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(EndToEndTest, PlanQueryShowsOneStepPerPatternInEvaluationOrder) {
  IngestDemo();
  kg::v1::QueryRequest request;
  request.set_query(kCommanderOperations);
  kg::v1::QueryPlan plan;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(pair_->graph().PlanQuery(&context, request, &plan).ok());
  }
  ASSERT_EQ(plan.steps_size(), 3);
  for (const kg::v1::QueryPlanStep& step : plan.steps()) {
    EXPECT_THAT(step.index(), ::testing::AnyOf("spo", "pos", "osp", "all"));
  }
  // The selective role pattern runs before the join it feeds.
  EXPECT_THAT(plan.steps(0).pattern(), HasSubstr("has_role"));

  request.set_query("?p has_role");
  grpc::ClientContext context;
  EXPECT_EQ(pair_->graph().PlanQuery(&context, request, &plan).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST(ExtractorWithoutGraphTest, ForwardingFailsUnavailableAndAcknowledgesNothing) {
  extractor::ExtractorServerOptions options;
  options.extractor.data_dir = RunfilePath("extractor_service/data");
  options.graph_address = "127.0.0.1:1";  // nothing listens on port 1
  options.retry.max_attempts = 3;
  options.retry.initial_backoff = absl::Milliseconds(10);
  auto server = extractor::ExtractorServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = kg::v1::ExtractorService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", (*server)->port()),
      grpc::InsecureChannelCredentials()));
  kg::v1::ExtractRequest request;
  request.mutable_document()->set_id("doc");
  request.mutable_document()->set_text(DemoText(kDemoDocuments[0]));
  request.set_forward(true);
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  const grpc::Status status = stub->Extract(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(), HasSubstr("not stored"));
  EXPECT_EQ(response.facts_size(), 0);
}

TEST(ExtractorWithoutGraphTest, ForwardsPastTheBoundAreRefusedNotQueued) {
  extractor::ExtractorServerOptions options;
  options.extractor.data_dir = RunfilePath("extractor_service/data");
  options.graph_address = "127.0.0.1:1";  // nothing listens on port 1
  options.retry.max_attempts = 4;
  options.retry.initial_backoff = absl::Milliseconds(400);
  options.max_pending_forwards = 1;
  auto server = extractor::ExtractorServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = kg::v1::ExtractorService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", (*server)->port()),
      grpc::InsecureChannelCredentials()));
  auto forward = [&](const std::string& id) {
    kg::v1::ExtractRequest request;
    request.mutable_document()->set_id(id);
    request.mutable_document()->set_text(DemoText(kDemoDocuments[1]));
    request.set_forward(true);
    kg::v1::ExtractResponse response;
    grpc::ClientContext context;
    return stub->Extract(&context, request, &response);
  };
  grpc::Status waiting;
  std::thread first([&] { waiting = forward("first"); });
  absl::SleepFor(absl::Milliseconds(200));  // "first" is in its backoff now
  const grpc::Status refused = forward("second");
  first.join();
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.error_message(), HasSubstr("nothing was stored"));
  EXPECT_EQ(waiting.error_code(), grpc::StatusCode::UNAVAILABLE);
  // The slot is free again once the first call has given up.
  EXPECT_EQ(forward("third").error_code(), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace kg::testing
