// Reported time end to end: two documents of our own, a year apart, give
// one officer two ranks; the graph keeps both with their reported dates,
// answers {latest} and {reported_to}, and lists the pair as a succession.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_services.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;

// Invented for this test: the officer, force and operation are fictional.
constexpr char kEarlier[] =
    "Chief Inspector Mara Quell of Larkfield Police said patrols in the town "
    "centre would continue through the summer.\n";
constexpr char kLater[] =
    "Superintendent Mara Quell of Larkfield Police said the new patrol plan "
    "had cut burglary in the town centre.\n";
constexpr char kLaterWithDateline[] =
    "Published: 2 April 2021\n\n"
    "Superintendent Mara Quell of Larkfield Police said the new patrol plan "
    "had cut burglary in the town centre.\n";

class ReportedTimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    auto services = GraphServices::Start("reported-time-" + std::to_string(++counter));
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = *std::move(services);
  }
  std::unique_ptr<GraphServices> services_;
};

TEST_F(ReportedTimeTest, TwoRanksAYearApartAreASuccession) {
  ASSERT_TRUE(services_->IngestText("larkfield-2020", kEarlier, "2020-03-10").ok());
  ASSERT_TRUE(services_->IngestText("larkfield-2021", kLaterWithDateline).ok());

  absl::StatusOr<std::vector<std::string>> roles =
      services_->QueryStrings("<Mara Quell> has_role ?r");
  ASSERT_TRUE(roles.ok()) << roles.status();
  EXPECT_THAT(*roles, ElementsAre("Chief Inspector", "Superintendent"));
  roles = services_->QueryStrings("<Mara Quell> has_role ?r {latest}");
  ASSERT_TRUE(roles.ok());
  EXPECT_THAT(*roles, ElementsAre("Superintendent"));
  roles = services_->QueryStrings(
      "<Mara Quell> has_role ?r {latest, reported_to: \"2020-12-31\"}");
  ASSERT_TRUE(roles.ok());
  EXPECT_THAT(*roles, ElementsAre("Chief Inspector"));

  kg::v1::ConflictsRequest request;
  request.set_entity("Mara Quell");
  kg::v1::ConflictsResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(services_->graph().Conflicts(&context, request, &response).ok());
  ASSERT_EQ(response.conflicts_size(), 1);
  const kg::v1::Conflict& conflict = response.conflicts(0);
  EXPECT_EQ(conflict.predicate(), "has_role");
  EXPECT_EQ(conflict.kind(), kg::v1::Conflict::SUCCESSION);
  ASSERT_EQ(conflict.facts_size(), 2);
  EXPECT_EQ(conflict.facts(0).value().text(), "Chief Inspector");
  EXPECT_EQ(conflict.facts(0).evidence(0).reported_date(), "2020-03-10");
  EXPECT_EQ(conflict.facts(1).evidence(0).reported_date(), "2021-04-02");
}

TEST_F(ReportedTimeTest, SameDayDifferentRanksIsAContradiction) {
  ASSERT_TRUE(services_->IngestText("a", kEarlier, "2021-04-02").ok());
  ASSERT_TRUE(services_->IngestText("b", kLater, "2021-04-02").ok());
  kg::v1::ConflictsRequest request;
  kg::v1::ConflictsResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(services_->graph().Conflicts(&context, request, &response).ok());
  ASSERT_GE(response.conflicts_size(), 1);
  EXPECT_EQ(response.conflicts(0).entity(), "Mara Quell");
  EXPECT_EQ(response.conflicts(0).kind(), kg::v1::Conflict::CONTRADICTION);
}

TEST_F(ReportedTimeTest, BadDatesAreRefusedWithTheField) {
  EXPECT_EQ(services_->IngestText("bad", kEarlier, "10/03/2020").code(),
            absl::StatusCode::kInvalidArgument);
  kg::v1::ConflictsRequest unknown;
  unknown.set_entity("Nobody Here");
  kg::v1::ConflictsResponse response;
  grpc::ClientContext context;
  EXPECT_EQ(services_->graph().Conflicts(&context, unknown, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST(ReportedTimeWithoutSchemaTest, ConflictsIsAFailedPrecondition) {
  auto services = GraphServices::Start("reported-time-no-schema",
                                       absl::Seconds(30), /*with_schema=*/false);
  ASSERT_TRUE(services.ok()) << services.status();
  kg::v1::ConflictsRequest request;
  kg::v1::ConflictsResponse response;
  grpc::ClientContext context;
  const grpc::Status status =
      (*services)->graph().Conflicts(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("--schema"));
}

}  // namespace
}  // namespace kg::testing
