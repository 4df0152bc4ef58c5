// GetNeighbourhood's bounds on hubs, run on the in-memory store (reads
// forwarded one by one) and on RocksDB (one reader's iterators reused).
#include "graph_service/paths/neighbourhood.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;

kg::v1::Fact Link(const std::string& s, const std::string& p,
                  const std::string& o, int evidence = 1) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  fact.mutable_value()->set_entity(o);
  for (int i = 0; i < evidence; ++i) {
    kg::v1::Evidence* e = fact.add_evidence();
    e->set_document_id(absl::StrCat("doc", i));
    e->set_sentence(absl::StrCat(s, " ", p, " ", o, "."));
    e->set_rule("test");
    e->set_confidence(0.5f);
  }
  return fact;
}

// "predicate value" of each fact with `subject`, in answer order.
std::vector<std::string> Outgoing(const kg::v1::GetNeighbourhoodResponse& n,
                                  const std::string& subject) {
  std::vector<std::string> out;
  for (const kg::v1::Fact& f : n.facts()) {
    if (f.subject() == subject) {
      out.push_back(f.predicate() + " " + f.value().entity());
    }
  }
  return out;
}

std::map<std::string, int> FactsPerSubject(
    const kg::v1::GetNeighbourhoodResponse& n) {
  std::map<std::string, int> count;
  for (const kg::v1::Fact& f : n.facts()) ++count[f.subject()];
  return count;
}

class NeighbourhoodTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (!GetParam()) {
      store_ = std::make_unique<MemoryGraphStore>();
      return;
    }
    const char* tmp = std::getenv("TEST_TMPDIR");
    std::string test_name =
        ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : test_name) c = c == '/' ? '_' : c;
    RocksDbGraphStoreOptions options;
    options.path = absl::StrCat(tmp != nullptr ? tmp : "/tmp",
                                "/neighbourhood_", test_name);
    absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> store =
        RocksDbGraphStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }
  void Add(const std::vector<kg::v1::Fact>& facts) {
    ASSERT_TRUE(store_->AddFacts(facts).ok());
  }
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> Around(
      const std::string& name, uint32_t hops, uint32_t limit,
      uint32_t evidence_per_fact = 0) {
    NeighbourhoodOptions options;
    options.hops = hops;
    options.limit = limit;
    options.evidence_per_fact = evidence_per_fact;
    return GetNeighbourhood(*store_, name, options);
  }
  std::unique_ptr<GraphStore> store_;
};

TEST_P(NeighbourhoodTest, HubGivesItsFactsRoundRobinAcrossPredicates) {
  Add({Link("Start", "knows", "Hub"), Link("Start", "knows", "Other"),
       Link("Hub", "a", "A1"), Link("Hub", "a", "A2"), Link("Hub", "a", "A3"),
       Link("Hub", "a", "A4"), Link("Hub", "b", "B1"), Link("Hub", "b", "B2"),
       Link("Hub", "c", "C1"), Link("Other", "a", "O1"),
       Link("Other", "a", "O2"), Link("Other", "a", "O3")});
  // Start's two facts, then 6 left for Hub (7 new facts) and Other (3):
  // 3 each, Hub's one of each predicate.
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> n = Around("Start", 2, 8);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_THAT(Outgoing(*n, "Hub"), ElementsAre("a A1", "b B1", "c C1"));
  EXPECT_EQ(Outgoing(*n, "Other").size(), 3u);
  EXPECT_TRUE(n->truncated());

  n = Around("Start", 2, 12);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts_size(), 12);
  EXPECT_FALSE(n->truncated());  // Exactly full: nothing was left out.
}

TEST_P(NeighbourhoodTest, BusyNeighbourGetsAFairShareNotTheWholeBudget) {
  // Start knows Busy (10 more facts) and Quiet (1 more fact).
  std::vector<kg::v1::Fact> facts = {Link("Start", "knows", "Busy"),
                                     Link("Start", "knows", "Quiet"),
                                     Link("Quiet", "knows", "Q1")};
  for (int i = 0; i < 10; ++i) {
    facts.push_back(Link("Busy", "knows", absl::StrCat("B", i)));
  }
  Add(facts);
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> n = Around("Start", 2, 6);
  ASSERT_TRUE(n.ok()) << n.status();
  // Two facts of Start, then 4 left: Quiet needs 1, Busy gets the other 3.
  std::map<std::string, int> per_subject = FactsPerSubject(*n);
  EXPECT_EQ(per_subject["Start"], 2);
  EXPECT_EQ(per_subject["Quiet"], 1);
  EXPECT_EQ(per_subject["Busy"], 3);
  EXPECT_TRUE(n->truncated());

  n = Around("Start", 2, 13);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts_size(), 13);
  EXPECT_FALSE(n->truncated());
}

TEST_P(NeighbourhoodTest, NoCutClaimedWhenTheLevelBeyondHasNothingNew) {
  // Five facts join Start and Hub; Hub has one other fact. With a limit of
  // 6, Hub's five known facts fill its read window, yet only one is new.
  Add({Link("Start", "a", "Hub"), Link("Start", "b", "Hub"),
       Link("Start", "c", "Hub"), Link("Start", "d", "Hub"),
       Link("Start", "e", "Hub"), Link("Hub", "knows", "Leaf")});
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> n = Around("Start", 2, 6);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(n->facts_size(), 6);
  EXPECT_FALSE(n->truncated());

  // Full after one hop with a second hop asked for: cut only if it has
  // something new (here Leaf's fact).
  n = Around("Start", 2, 5);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts_size(), 5);
  EXPECT_TRUE(n->truncated());
  n = Around("Leaf", 2, 2);
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE(n->truncated());  // Hub's five facts to Start are left out.
}

TEST_P(NeighbourhoodTest, EvidencePerFactIsCappedAndSaysSo) {
  Add({Link("Ann", "knows", "Bob", 4)});
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> n = Around("Ann", 1, 0, 3);
  ASSERT_TRUE(n.ok()) << n.status();
  ASSERT_EQ(n->facts_size(), 1);
  EXPECT_EQ(n->facts(0).evidence_size(), 3);
  EXPECT_TRUE(n->facts(0).evidence_truncated());

  n = Around("Ann", 1, 0, 4);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts(0).evidence_size(), 4);
  EXPECT_FALSE(n->facts(0).evidence_truncated());

  n = Around("Ann", 1, 0);  // The default, 5.
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts(0).evidence_size(), 4);
}

INSTANTIATE_TEST_SUITE_P(Stores, NeighbourhoodTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "RocksDb" : "Memory";
                         });

}  // namespace
}  // namespace kg::graph
