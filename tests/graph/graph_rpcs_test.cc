// The graph service's path, rule, document, export/import and bulk-ingest
// RPCs against a real server (loopback, port 0) with the shipped rules.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_services.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

kg::v1::Fact Stated(const std::string& s, const std::string& p,
                    const std::string& o, const std::string& doc) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  fact.mutable_value()->set_entity(o);
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat(s, " ", p, " ", o, "."));
  e->set_byte_begin(static_cast<uint32_t>(s.size()));
  e->set_byte_end(static_cast<uint32_t>(s.size() + p.size() + o.size()));
  e->set_rule("test_rule");
  e->set_confidence(0.9f);
  return fact;
}

kg::v1::IngestRequest Ember(bool with_target = true) {
  kg::v1::IngestRequest r;
  r.set_document_id("press-1");
  *r.add_facts() = Stated("Priya Holt", "leads", "burglary", "press-1");
  *r.add_facts() = Stated("burglary", "type", "CrimeType", "press-1");
  *r.add_facts() = Stated("Operation Ember", "type", "Operation", "press-1");
  *r.add_facts() = Stated("Priya Holt", "member_of", "Riverside Police", "press-1");
  if (with_target) {
    *r.add_facts() = Stated("Operation Ember", "targets", "burglary", "press-1");
  }
  return r;
}

kg::v1::IngestRequest Places() {
  kg::v1::IngestRequest r;
  r.set_document_id("press-2");
  r.set_content_hash("hash-2");
  *r.add_facts() = Stated("Operation Ember", "operates_in", "Northfield", "press-2");
  *r.add_facts() = Stated("Northfield", "located_in", "Riverdale", "press-2");
  return r;
}

class GraphRpcsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    auto services = GraphServices::Start(absl::StrCat("rpcs-", ++counter));
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = *std::move(services);
    ASSERT_TRUE(services_->IngestBatch(Ember()).ok());
    ASSERT_TRUE(services_->IngestBatch(Places()).ok());
  }
  std::unique_ptr<GraphServices> services_;
};

TEST_F(GraphRpcsTest, RuleDerivesAndExplains) {
  EXPECT_THAT(*services_->QueryStrings("<Priya Holt> leads ?op . ?op type Operation"),
              ElementsAre("Operation Ember"));
  absl::StatusOr<kg::v1::Derivation> tree =
      services_->Explain(EntityTriple("Priya Holt", "leads", "Operation Ember"));
  ASSERT_TRUE(tree.ok()) << tree.status();
  EXPECT_EQ(tree->fact().evidence(0).rule(), "leads_via_crime_area");
  EXPECT_EQ(tree->fact().evidence(0).document_id(), "press-1");
  ASSERT_EQ(tree->premises_size(), 4);
  EXPECT_EQ(tree->premises(0).fact().evidence(0).sentence(),
            "Priya Holt leads burglary.");
  EXPECT_FALSE(services_->Explain(EntityTriple("Priya Holt", "leads", "x")).ok());
  // The derivation goes when its premise does.
  ASSERT_TRUE(services_->IngestBatch(Ember(/*with_target=*/false)).ok());
  EXPECT_TRUE(services_->QueryStrings("<Priya Holt> leads ?op . ?op type Operation")
                  ->empty());
}

TEST_F(GraphRpcsTest, ListDocumentsCountsEvidenceAndHashes) {
  kg::v1::ListDocumentsResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(services_->graph()
                  .ListDocuments(&context, kg::v1::ListDocumentsRequest(), &response)
                  .ok());
  ASSERT_EQ(response.documents_size(), 2);
  EXPECT_EQ(response.documents(0).document_id(), "press-1");
  EXPECT_EQ(response.documents(0).evidence(), 6u);  // 5 stated + 1 derived
  EXPECT_EQ(response.documents(1).content_hash(), "hash-2");
  EXPECT_EQ(response.documents(1).evidence(), 2u);
}

TEST_F(GraphRpcsTest, FindPathAndNeighbourhood) {
  kg::v1::FindPathRequest request;
  request.set_from("Riverside Police");
  request.set_to("Riverdale");
  kg::v1::FindPathResponse path;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(services_->graph().FindPath(&context, request, &path).ok());
  }
  std::vector<std::string> hops;
  for (const kg::v1::PathHop& hop : path.hops()) {
    hops.push_back(absl::StrCat(hop.reversed() ? "<- " : "", hop.fact().predicate(),
                                " (", hop.fact().evidence_size(), ")"));
  }
  EXPECT_THAT(hops, ElementsAre("<- member_of (1)", "leads (1)",
                                "operates_in (1)", "located_in (1)"));
  request.set_max_hops(3);
  {
    grpc::ClientContext context;
    ASSERT_TRUE(services_->graph().FindPath(&context, request, &path).ok());
    EXPECT_EQ(path.hops_size(), 0);
  }
  request.set_max_hops(11);
  {
    grpc::ClientContext context;
    EXPECT_EQ(services_->graph().FindPath(&context, request, &path).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  request.set_to("Nowhere");
  request.set_max_hops(0);
  {
    grpc::ClientContext context;
    EXPECT_EQ(services_->graph().FindPath(&context, request, &path).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  kg::v1::GetNeighbourhoodRequest around;
  around.set_name("Operation Ember");
  around.set_hops(2);
  kg::v1::GetNeighbourhoodResponse found;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(services_->graph().GetNeighbourhood(&context, around, &found).ok());
    EXPECT_EQ(found.facts_size(), 8);
    EXPECT_FALSE(found.truncated());
  }
  around.set_limit(3);
  {
    grpc::ClientContext context;
    ASSERT_TRUE(services_->graph().GetNeighbourhood(&context, around, &found).ok());
    EXPECT_EQ(found.facts_size(), 3);
    EXPECT_TRUE(found.truncated());
  }
}

TEST_F(GraphRpcsTest, ExportImportRoundTripAndReplayLeavesNoTrace) {
  const absl::StatusOr<std::string> before = services_->Export(kg::v1::JSONL);
  ASSERT_TRUE(before.ok()) << before.status();
  // A third document: ingested, re-ingested twice (once changed), deleted.
  kg::v1::IngestRequest extra = Ember();
  extra.set_document_id("press-3");
  for (kg::v1::Fact& f : *extra.mutable_facts()) {
    f.mutable_evidence(0)->set_document_id("press-3");
  }
  ASSERT_TRUE(services_->IngestBatch(extra).ok());
  ASSERT_TRUE(services_->IngestBatch(extra).ok());
  extra.mutable_facts()->RemoveLast();
  ASSERT_TRUE(services_->IngestBatch(extra).ok());
  {
    kg::v1::DeleteDocumentRequest request;
    request.set_document_id("press-3");
    kg::v1::DeleteDocumentResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(services_->graph().DeleteDocument(&context, request, &response).ok());
  }
  EXPECT_EQ(*services_->Export(kg::v1::JSONL), *before);

  // Import into an empty server gives identical facts and evidence, by
  // the ordinary and by the bulk (table file) write path.
  for (const bool bulk : {false, true}) {
    auto copy = GraphServices::Start(bulk ? "rpcs-bulk-copy" : "rpcs-copy");
    ASSERT_TRUE(copy.ok()) << copy.status();
    grpc::ClientContext context;
    if (bulk) context.AddMetadata("kg-ingest-mode", "bulk");
    kg::v1::ImportResponse imported;
    auto writer = (*copy)->graph().Import(&context, &imported);
    kg::v1::ImportChunk chunk;
    chunk.set_format(kg::v1::JSONL);
    for (size_t i = 0; i < before->size(); i += 100) {
      chunk.set_data(before->substr(i, 100));
      ASSERT_TRUE(writer->Write(chunk));
      chunk.clear_format();
    }
    ASSERT_TRUE(writer->WritesDone());
    const grpc::Status status = writer->Finish();
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(imported.facts_new(), 8u) << "bulk " << bulk;
    EXPECT_EQ(*(*copy)->Export(kg::v1::JSONL), *before) << "bulk " << bulk;
    const std::string quads = *(*copy)->Export(kg::v1::NQUADS);
    EXPECT_THAT(quads,
                HasSubstr("<urn:kg:entity:Priya%20Holt> <urn:kg:predicate:leads> "
                          "<urn:kg:entity:Operation%20Ember> "
                          "<urn:kg:document:press-1> .\n"));
  }
}

TEST_F(GraphRpcsTest, BulkIngestAcknowledgesEveryBatch) {
  grpc::ClientContext context;
  context.AddMetadata("kg-ingest-mode", "bulk");
  auto stream = services_->graph().Ingest(&context);
  constexpr int kBatches = 5;
  for (int b = 0; b < kBatches; ++b) {
    kg::v1::IngestRequest request;
    for (int i = 0; i < 30; ++i) {
      const std::string doc = absl::StrCat("bulk-", b);
      *request.add_facts() = Stated(absl::StrCat("Person ", b, "-", i), "member_of",
                                    absl::StrCat("Unit ", i % 7), doc);
    }
    ASSERT_TRUE(stream->Write(request));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::vector<uint64_t> acked;
  uint64_t facts_new = 0;
  kg::v1::IngestResponse response;
  while (stream->Read(&response)) {
    acked.push_back(response.batch_index());
    facts_new += response.facts_new();
    EXPECT_EQ(response.facts_received(), 30u);
  }
  const grpc::Status status = stream->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(acked, ElementsAre(0, 1, 2, 3, 4));
  EXPECT_EQ(facts_new, 150u);
  EXPECT_EQ(services_->QueryStrings("?p member_of <Unit 3>")->size(), 20u);

  grpc::ClientContext bad_context;
  bad_context.AddMetadata("kg-ingest-mode", "bulk");
  auto bad = services_->graph().Ingest(&bad_context);
  ASSERT_TRUE(bad->Write(Ember()));
  bad->WritesDone();
  while (bad->Read(&response)) {
  }
  const grpc::Status refused = bad->Finish();
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(), HasSubstr("batch 0"));
}

}  // namespace
}  // namespace kg::testing
