// QueryBatches against Query on a real server (loopback, port 0): for every
// request both RPCs must give the same rows in the same order and the same
// status, QueryBatches in few non-empty batches.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_services.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;

constexpr int kOfficers = 3000;

// What one call returned: rows (serialized, in arrival order), the final
// status and, for QueryBatches, the size of every batch.
struct Result {
  std::vector<std::string> rows;
  grpc::Status status;
  std::vector<int> batch_sizes;
};

void SetDeadline(grpc::ClientContext& context, absl::Duration timeout) {
  if (timeout != absl::InfiniteDuration()) {
    context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  }
}

Result CallQuery(kg::v1::GraphService::Stub& stub,
                 const kg::v1::QueryRequest& request, absl::Duration timeout) {
  grpc::ClientContext context;
  SetDeadline(context, timeout);
  auto reader = stub.Query(&context, request);
  Result result;
  kg::v1::QueryRow row;
  while (reader->Read(&row)) result.rows.push_back(row.SerializeAsString());
  result.status = reader->Finish();
  return result;
}

Result CallQueryBatches(kg::v1::GraphService::Stub& stub,
                        const kg::v1::QueryRequest& request,
                        absl::Duration timeout) {
  grpc::ClientContext context;
  SetDeadline(context, timeout);
  auto reader = stub.QueryBatches(&context, request);
  Result result;
  kg::v1::QueryRowBatch batch;
  while (reader->Read(&batch)) {
    result.batch_sizes.push_back(batch.rows_size());
    for (const kg::v1::QueryRow& row : batch.rows()) {
      result.rows.push_back(row.SerializeAsString());
    }
  }
  result.status = reader->Finish();
  return result;
}

kg::v1::QueryRequest Request(const std::string& query, uint32_t limit = 0,
                             bool with_evidence = false) {
  kg::v1::QueryRequest request;
  request.set_query(query);
  request.set_limit(limit);
  request.set_with_evidence(with_evidence);
  return request;
}

// Imports kOfficers officers in 3 units as N-Triples.
grpc::Status ImportOfficers(kg::v1::GraphService::Stub& stub) {
  kg::v1::ImportChunk chunk;
  chunk.set_format(kg::v1::NTRIPLES);
  for (int i = 0; i < kOfficers; ++i) {
    absl::StrAppend(chunk.mutable_data(), "<urn:kg:entity:Constable%20", i,
                    "> <urn:kg:predicate:member_of> <urn:kg:entity:Unit%20",
                    i % 3, "> .\n");
  }
  grpc::ClientContext context;
  kg::v1::ImportResponse response;
  auto writer = stub.Import(&context, &response);
  writer->Write(chunk);
  writer->WritesDone();
  return writer->Finish();
}

class QueryBatchesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A short server-side timeout, so that a query without a caller
    // deadline is stopped by the server itself.
    auto services = GraphServices::Start("query-batches", absl::Seconds(1));
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = services->release();
    const grpc::Status imported = ImportOfficers(services_->graph());
    ASSERT_TRUE(imported.ok()) << imported.error_message();
  }
  static void TearDownTestSuite() {
    delete services_;
    services_ = nullptr;
  }

  // Runs `request` through both RPCs and checks they agree; returns
  // QueryBatches' result.
  static Result ExpectSameAsQuery(const kg::v1::QueryRequest& request,
                                  absl::Duration timeout = absl::Seconds(30)) {
    const Result rows = CallQuery(services_->graph(), request, timeout);
    Result batches = CallQueryBatches(services_->graph(), request, timeout);
    EXPECT_EQ(batches.status.error_code(), rows.status.error_code())
        << request.query() << ": " << batches.status.error_message();
    EXPECT_EQ(batches.status.error_message(), rows.status.error_message());
    EXPECT_EQ(batches.rows, rows.rows) << request.query();
    for (int size : batches.batch_sizes) EXPECT_GT(size, 0) << request.query();
    return batches;
  }

  static GraphServices* services_;
};

GraphServices* QueryBatchesTest::services_ = nullptr;

TEST_F(QueryBatchesTest, ManyRowsComeInFullBatchesInQueryOrder) {
  // 3000 rows: batches of 1024, 1024 and 952.
  const Result result = ExpectSameAsQuery(Request("?p member_of ?unit"));
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(result.rows.size(), static_cast<size_t>(kOfficers));
  EXPECT_EQ(result.batch_sizes, (std::vector<int>{1024, 1024, 952}));
}

TEST_F(QueryBatchesTest, FewRowsComeInOneBatch) {
  const Result one = ExpectSameAsQuery(Request("<Constable 7> ?p ?v"));
  ASSERT_TRUE(one.status.ok());
  EXPECT_EQ(one.batch_sizes, std::vector<int>{1});
  const Result thirty = ExpectSameAsQuery(Request("?p member_of ?unit", 30));
  EXPECT_EQ(thirty.batch_sizes, std::vector<int>{30});
}

TEST_F(QueryBatchesTest, EmptyResultSendsNoBatch) {
  for (const std::string& query :
       {std::string("?x flies_to ?y"), std::string("<Nobody Atall> ?p ?v"),
        std::string("?p member_of <Unit 0> . ?p member_of <Unit 1>")}) {
    const Result result = ExpectSameAsQuery(Request(query));
    ASSERT_TRUE(result.status.ok()) << query;
    EXPECT_TRUE(result.rows.empty()) << query;
    EXPECT_TRUE(result.batch_sizes.empty()) << query;
  }
}

TEST_F(QueryBatchesTest, LimitsApplyAsInQuery) {
  // The request's limit, the query's LIMIT/OFFSET, and both at once.
  EXPECT_EQ(ExpectSameAsQuery(Request("?p member_of ?unit", 7)).rows.size(),
            7u);
  EXPECT_EQ(
      ExpectSameAsQuery(Request("SELECT ?p WHERE { ?p member_of <Unit 2> }"
                                " ORDER BY DESC(?p) LIMIT 1500 OFFSET 3"))
          .rows.size(),
      997u);
  const Result both = ExpectSameAsQuery(
      Request("?p member_of ?unit LIMIT 2000", /*limit=*/1100));
  EXPECT_EQ(both.rows.size(), 1100u);
  EXPECT_EQ(both.batch_sizes, (std::vector<int>{1024, 76}));
}

TEST_F(QueryBatchesTest, EvidenceAndCountsMatch) {
  const Result evidence = ExpectSameAsQuery(
      Request("?p member_of <Unit 1>", 0, /*with_evidence=*/true));
  EXPECT_EQ(evidence.rows.size(), static_cast<size_t>(kOfficers / 3));
  // Rows with evidence are larger: the 64 KiB bound splits them sooner.
  EXPECT_GT(evidence.batch_sizes.size(), 1u);
  EXPECT_EQ(ExpectSameAsQuery(
                Request("SELECT ?unit (COUNT(*) AS ?n) WHERE { ?p member_of "
                        "?unit } GROUP BY ?unit ORDER BY ?unit"))
                .rows.size(),
            3u);
}

TEST_F(QueryBatchesTest, ParseErrorsAreInvalidArgumentWithLineAndColumn) {
  for (const std::string& query :
       {std::string("?x member_of"), std::string("?x has_role \"Commander"),
        std::string("?p member_of ?unit .\n?p ?q")}) {
    const Result result = ExpectSameAsQuery(Request(query));
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(result.status.error_message(), HasSubstr("line "));
    EXPECT_THAT(result.status.error_message(), HasSubstr("column "));
    EXPECT_TRUE(result.batch_sizes.empty());
  }
  const Result oversized =
      ExpectSameAsQuery(Request("?p member_of ?unit . " +
                                std::string(70000, ' ')));
  EXPECT_EQ(oversized.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(QueryBatchesTest, ServerTimeoutStopsTheQuery) {
  // No caller deadline: the server's 1 s timeout stops the cartesian count.
  const absl::Time start = absl::Now();
  const Result result = ExpectSameAsQuery(
      Request("SELECT (COUNT(*) AS ?n) WHERE { ?a member_of ?b . ?c member_of "
              "?d . ?e member_of ?f }"),
      absl::InfiniteDuration());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(result.status.error_message(), HasSubstr("deadline"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(20));
}

TEST_F(QueryBatchesTest, CallerDeadlineIsHonoured) {
  const Result result = CallQueryBatches(
      services_->graph(),
      Request("SELECT (COUNT(*) AS ?n) WHERE { ?a member_of ?b . ?c member_of "
              "?d . ?e member_of ?f }"),
      absl::Milliseconds(300));
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(result.rows.empty());
}

TEST_F(QueryBatchesTest, ClientCancellingMidStreamEndsTheCall) {
  grpc::ClientContext context;
  auto reader = services_->graph().QueryBatches(
      &context, Request("?a member_of ?b . ?c member_of ?d", 1000000));
  kg::v1::QueryRowBatch batch;
  ASSERT_TRUE(reader->Read(&batch));
  EXPECT_GT(batch.rows_size(), 0);
  context.TryCancel();
  int more = 0;
  while (reader->Read(&batch) && more < 100000) ++more;
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

}  // namespace
}  // namespace kg::testing
