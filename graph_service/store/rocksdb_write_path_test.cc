// The RocksDB store's fast write path: the term cache (complete, partial,
// overflowing), batched reads, group commit and deferred syncs.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {
namespace {

kg::v1::Fact MakeFact(const std::string& s, const std::string& p,
                      const std::string& o, const std::string& doc,
                      uint32_t at = 0) {
  kg::v1::Fact f;
  f.set_subject(s);
  f.set_predicate(p);
  f.mutable_value()->set_entity(o);
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat(s, " ", p, " ", o, "."));
  e->set_byte_begin(at);
  e->set_byte_end(at + 10);
  e->set_rule("test.v1");
  e->set_confidence(0.5f);
  return f;
}

class WritePathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    options_.path = absl::StrCat(
        tmp != nullptr ? tmp : "/tmp", "/write_path_",
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    Reopen();
  }

  void Reopen() {
    store_.reset();
    auto store = RocksDbGraphStore::Open(options_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  StoreStats Stats() {
    absl::StatusOr<StoreStats> stats = store_->GetStats();
    EXPECT_TRUE(stats.ok()) << stats.status();
    return stats.ok() ? *stats : StoreStats();
  }

  std::string Name(TermId id) {
    absl::StatusOr<kg::v1::Value> v = store_->DecodeValue(id);
    return v.ok() ? v->entity() : "?";
  }

  RocksDbGraphStoreOptions options_;
  std::unique_ptr<RocksDbGraphStore> store_;
};

TEST_F(WritePathTest, DuplicatesWithinAndAcrossBatchesCountOnce) {
  const kg::v1::Fact f = MakeFact("Ann", "leads", "Unit A", "d1");
  auto first = store_->AddFacts({f, f});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->facts_new, 1u);
  EXPECT_EQ(first->evidence_new, 1u);
  auto second = store_->AddFacts({f, MakeFact("Ann", "leads", "Unit A", "d2")});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->facts_new, 0u);
  EXPECT_EQ(second->evidence_new, 1u);
  const StoreStats stats = Stats();
  EXPECT_EQ(stats.facts, 1u);
  EXPECT_EQ(stats.evidence, 2u);
  EXPECT_EQ(stats.terms, 3u);
}

// A cache far smaller than the dictionary keeps overflowing; ids must stay
// dense and every term must keep one id, before and after reopening.
TEST_F(WritePathTest, TinyTermCacheKeepsIdsConsistent) {
  options_.term_cache_terms = 3;
  Reopen();
  for (int round = 0; round < 3; ++round) {
    std::vector<kg::v1::Fact> facts;
    for (int i = 0; i < 10; ++i) {
      facts.push_back(MakeFact(absl::StrCat("E", i), "knows",
                               absl::StrCat("E", (i + round + 1) % 12),
                               absl::StrCat("doc", round), i * 20));
    }
    ASSERT_TRUE(store_->AddFacts(facts).ok());
    if (round == 1) Reopen();
  }
  const StoreStats stats = Stats();
  EXPECT_EQ(stats.terms, 13u);  // E0..E11 and "knows".
  EXPECT_EQ(stats.facts, 30u);
  for (int i = 0; i < 12; ++i) {
    kg::v1::Value v;
    v.set_entity(absl::StrCat("E", i));
    absl::StatusOr<TermId> id = store_->LookupValue(v);
    ASSERT_TRUE(id.ok());
    ASSERT_NE(*id, kNoTerm) << i;
    EXPECT_LE(*id, 13u);
    EXPECT_EQ(Name(*id), absl::StrCat("E", i));
  }
}

TEST_F(WritePathTest, ReopenedStoreReusesStoredTerms) {
  ASSERT_TRUE(store_->AddFacts({MakeFact("Ann", "leads", "Unit A", "d1")}).ok());
  Reopen();
  auto stats = store_->AddFacts({MakeFact("Unit A", "part_of", "Ann", "d2")});
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts_new, 1u);
  EXPECT_EQ(Stats().terms, 4u);
}

TEST_F(WritePathTest, DeferredSyncReturnsATicketToAwait) {
  options_.defer_sync = true;
  Reopen();
  auto a = store_->AddFacts({MakeFact("Ann", "leads", "Unit A", "d1")});
  auto b = store_->ReplaceDocument("d2", "", {MakeFact("Bo", "leads", "Unit B", "d2")});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_GT(a->sync_ticket, 0u);
  EXPECT_GT(b->sync_ticket, a->sync_ticket);
  EXPECT_TRUE(store_->AwaitDurable(b->sync_ticket).ok());
  EXPECT_TRUE(store_->AwaitDurable(a->sync_ticket).ok());
  EXPECT_EQ(Stats().facts, 2u);  // Visible before and after the sync.
}

TEST_F(WritePathTest, BlockingWritesReturnDurableWithoutTicket) {
  auto a = store_->AddFacts({MakeFact("Ann", "leads", "Unit A", "d1")});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->sync_ticket, 0u);
  options_.sync_writes = false;
  Reopen();
  auto b = store_->AddFacts({MakeFact("Bo", "leads", "Unit B", "d1", 40)});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->sync_ticket, 0u);
}

TEST_F(WritePathTest, ConcurrentSyncedWritersKeepExactCounts) {
  constexpr int kThreads = 4;
  constexpr int kBatches = 15;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int b = 0; b < kBatches; ++b) {
        const std::string doc = absl::StrCat("doc-", t, "-", b);
        // Shared subjects across threads, distinct values per batch.
        auto stats = store_->ReplaceDocument(
            doc, "", {MakeFact("Shared", "knows", doc, doc),
                      MakeFact(doc, "member_of", "Shared Org", doc, 30)});
        EXPECT_TRUE(stats.ok()) << stats.status();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const StoreStats stats = Stats();
  EXPECT_EQ(stats.facts, 2u * kThreads * kBatches);
  EXPECT_EQ(stats.documents, static_cast<uint64_t>(kThreads * kBatches));
  // "Shared", "Shared Org", two predicates, one term per document.
  EXPECT_EQ(stats.terms, 4u + kThreads * kBatches);
  ASSERT_TRUE(store_->DeleteDocument("doc-0-0").ok());
  EXPECT_EQ(Stats().facts, 2u * kThreads * kBatches - 2);
}

}  // namespace
}  // namespace kg::graph
