// GraphStore's document listing, per-document facts, import and bulk
// paths, on both implementations.
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;

kg::v1::Fact MakeFact(const std::string& s, const std::string& p,
                      const std::string& o, const std::string& doc,
                      uint32_t at = 0) {
  kg::v1::Fact f;
  f.set_subject(s);
  f.set_predicate(p);
  f.mutable_value()->set_entity(o);
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat(s, " ", p, " ", o));
  e->set_byte_begin(at);
  e->set_byte_end(at + 10);
  e->set_rule("r");
  e->set_confidence(0.5f);
  return f;
}

// Facts with evidence, ingested_at cleared, in index order.
std::vector<std::string> Dump(const GraphStore& store) {
  std::vector<IdTriple> ids;
  EXPECT_TRUE(store.Scan({}, [&](const IdTriple& t) {
    ids.push_back(t);
    return true;
  }).ok());
  std::vector<std::string> out;
  for (const IdTriple& t : ids) {
    const absl::StatusOr<std::vector<kg::v1::Evidence>> evidence = store.GetEvidence(t);
    for (kg::v1::Evidence e : *evidence) {
      e.set_ingested_at_micros(0);
      out.push_back(absl::StrCat(store.DecodeValue(t.subject)->entity(), " ",
                                 *store.DecodePredicate(t.predicate), " ",
                                 store.DecodeValue(t.value)->entity(), " | ",
                                 e.ShortDebugString()));
    }
  }
  return out;
}

class StoreExtensionsTest : public ::testing::TestWithParam<bool> {
 protected:
  std::unique_ptr<GraphStore> NewStore() {
    if (!GetParam()) return std::make_unique<MemoryGraphStore>();
    static int counter = 0;
    RocksDbGraphStoreOptions options;
    options.path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/ext-", ++counter);
    options.sync_writes = false;
    return *RocksDbGraphStore::Open(options);
  }
};

TEST_P(StoreExtensionsTest, ListDocumentInfoAndDocumentFacts) {
  std::unique_ptr<GraphStore> store = NewStore();
  ASSERT_TRUE(store->ReplaceDocument("a", "hash-a",
                                     {MakeFact("X", "knows", "Y", "a"),
                                      MakeFact("X", "knows", "Y", "a", 20),
                                      MakeFact("Y", "knows", "Z", "a")}).ok());
  ASSERT_TRUE(store->AddFacts({MakeFact("X", "knows", "Y", "b")}).ok());
  const absl::StatusOr<std::vector<DocumentInfo>> docs = store->ListDocumentInfo();
  ASSERT_TRUE(docs.ok());
  EXPECT_THAT(*docs, ElementsAre(DocumentInfo{"a", "hash-a", 3},
                                 DocumentInfo{"b", "", 1}));
  const absl::StatusOr<std::vector<kg::v1::Fact>> facts = store->GetDocumentFacts("a");
  ASSERT_TRUE(facts.ok());
  ASSERT_EQ(facts->size(), 2u);
  EXPECT_EQ((*facts)[0].subject(), "X");
  EXPECT_EQ((*facts)[0].evidence_size(), 2);  // Only a's records.
  for (const kg::v1::Evidence& e : (*facts)[0].evidence()) {
    EXPECT_EQ(e.document_id(), "a");
  }
  EXPECT_TRUE(store->GetDocumentFacts("none")->empty());
}

TEST_P(StoreExtensionsTest, ImportKeepsIngestionTime) {
  std::unique_ptr<GraphStore> store = NewStore();
  kg::v1::Fact fact = MakeFact("X", "knows", "Y", "a");
  fact.mutable_evidence(0)->set_ingested_at_micros(1234);
  kg::v1::Fact fresh = MakeFact("X", "knows", "Z", "a");
  ASSERT_TRUE(store->ImportFacts({fact, fresh}).ok());
  ASSERT_TRUE(store->AddFacts({MakeFact("Y", "knows", "Z", "a")}).ok());
  const absl::StatusOr<std::vector<kg::v1::Fact>> facts = store->GetDocumentFacts("a");
  ASSERT_EQ(facts->size(), 3u);
  int kept = 0;
  for (const kg::v1::Fact& f : *facts) {
    const int64_t t = f.evidence(0).ingested_at_micros();
    kept += t == 1234;
    EXPECT_GT(t, 0);
  }
  EXPECT_EQ(kept, 1);
}

TEST_P(StoreExtensionsTest, BulkAddEqualsAddFacts) {
  std::vector<kg::v1::Fact> first, second;
  for (int i = 0; i < 300; ++i) {
    first.push_back(MakeFact(absl::StrCat("P", i % 40), "member_of",
                             absl::StrCat("U", i % 9), absl::StrCat("d", i % 5), i));
    second.push_back(MakeFact(absl::StrCat("P", i % 50), "leads",
                              absl::StrCat("U", i % 11), absl::StrCat("d", i % 7), i));
  }
  second.push_back(first[3]);  // Already stored: not added again.
  std::unique_ptr<GraphStore> normal = NewStore();
  std::unique_ptr<GraphStore> bulk = NewStore();
  absl::StatusOr<WriteStats> a1 = normal->AddFacts(first);
  absl::StatusOr<WriteStats> b1 = bulk->BulkAddFacts(first);
  absl::StatusOr<WriteStats> a2 = normal->AddFacts(second);
  absl::StatusOr<WriteStats> b2 = bulk->BulkAddFacts(second);
  ASSERT_TRUE(a1.ok() && b1.ok() && a2.ok() && b2.ok()) << b1.status() << b2.status();
  EXPECT_EQ(b1->facts_new, a1->facts_new);
  EXPECT_EQ(b2->facts_new, a2->facts_new);
  EXPECT_EQ(b2->evidence_new, a2->evidence_new);
  EXPECT_EQ(b2->evidence_new, 300u);
  EXPECT_EQ(Dump(*bulk), Dump(*normal));
  const absl::StatusOr<StoreStats> sa = normal->GetStats();
  const absl::StatusOr<StoreStats> sb = bulk->GetStats();
  EXPECT_EQ(sb->facts, sa->facts);
  EXPECT_EQ(sb->evidence, sa->evidence);
  EXPECT_EQ(sb->documents, sa->documents);
  EXPECT_EQ(sb->terms, sa->terms);
  EXPECT_EQ(sb->facts_per_predicate, sa->facts_per_predicate);
  // Deleting what the bulk path wrote works like any delete.
  for (int d = 0; d < 7; ++d) {
    ASSERT_TRUE(bulk->DeleteDocument(absl::StrCat("d", d)).ok());
  }
  EXPECT_TRUE(Dump(*bulk).empty());
  EXPECT_EQ(bulk->GetStats()->facts, 0u);
  // A bad fact fails the bulk write with nothing written.
  kg::v1::Fact bad = MakeFact("X", "Bad", "Y", "d");
  EXPECT_EQ(bulk->BulkAddFacts({MakeFact("X", "ok", "Y", "d"), bad}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Dump(*bulk).empty());
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreExtensionsTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "RocksDb" : "Memory";
                         });

}  // namespace
}  // namespace kg::graph
