#include "graph_service/query/query_planner.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;

kg::v1::Fact MakeFact(const std::string& subject, const std::string& predicate,
                      const std::string& entity_value, int n) {
  kg::v1::Fact fact;
  fact.set_subject(subject);
  fact.set_predicate(predicate);
  fact.mutable_value()->set_entity(entity_value);
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id("doc");
  e->set_byte_begin(n);
  e->set_byte_end(n + 1);
  e->set_rule("test");
  e->set_confidence(1.0f);
  return fact;
}

// 40 people, 40 memberships, 5 leaders, 2 of them lead operations.
class QueryPlannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<kg::v1::Fact> facts;
    for (int i = 0; i < 40; ++i) {
      const std::string person = "Person " + std::to_string(i);
      facts.push_back(MakeFact(person, "type", "Person", facts.size()));
      facts.push_back(MakeFact(person, "member_of", "Guild", facts.size()));
    }
    for (int i = 0; i < 5; ++i) {
      facts.push_back(MakeFact("Person " + std::to_string(i), "leads",
                               "Op " + std::to_string(i), facts.size()));
    }
    facts.push_back(MakeFact("Op 0", "type", "Operation", facts.size()));
    facts.push_back(MakeFact("Op 1", "type", "Operation", facts.size()));
    ASSERT_TRUE(store_.AddFacts(facts).ok());
  }

  TermId Entity(const std::string& name) {
    kg::v1::Value v;
    v.set_entity(name);
    return *store_.LookupValue(v);
  }
  TermId Pred(const std::string& name) { return *store_.LookupPredicate(name); }

  MemoryGraphStore store_;
};

TEST_F(QueryPlannerTest, StartsWithTheMostSelectivePattern) {
  // ?p type Person . ?p leads ?op . ?op type Operation
  ResolvedPattern person{{kNoTerm, Pred("type"), Entity("Person")}, {0, -1, -1}};
  ResolvedPattern leads{{kNoTerm, Pred("leads"), kNoTerm}, {0, -1, 1}};
  ResolvedPattern operation{{kNoTerm, Pred("type"), Entity("Operation")},
                            {1, -1, -1}};
  const QueryPlan plan =
      PlanQuery(store_, {person, leads, operation}, /*num_variables=*/2);
  EXPECT_THAT(plan.order, ElementsAre(2, 1, 0));
  EXPECT_THAT(plan.estimates, ElementsAre(2, 1, 4));  // 5/10->1, 40/10
}

TEST_F(QueryPlannerTest, PrefersConnectedPatternsOnTies) {
  // ?a member_of Guild . ?b type Person . ?a type Person (all 40; the third
  // shares ?a once the first is bound).
  ResolvedPattern member{{kNoTerm, Pred("member_of"), Entity("Guild")},
                         {0, -1, -1}};
  ResolvedPattern other{{kNoTerm, Pred("type"), Entity("Person")}, {1, -1, -1}};
  ResolvedPattern same{{kNoTerm, Pred("type"), Entity("Person")}, {0, -1, -1}};
  const QueryPlan plan = PlanQuery(store_, {member, other, same}, 2);
  EXPECT_THAT(plan.order, ElementsAre(0, 2, 1));
}

TEST_F(QueryPlannerTest, EstimateMatchesDividesPerBoundPosition) {
  ResolvedPattern any{{kNoTerm, kNoTerm, kNoTerm}, {0, 1, 2}};
  const uint64_t total = store_.EstimateCount({});
  EXPECT_EQ(EstimateMatches(store_, any, {false, false, false}), total);
  EXPECT_EQ(EstimateMatches(store_, any, {true, false, false}), total / 10);
  EXPECT_EQ(EstimateMatches(store_, any, {true, true, true}), 1u);
  ResolvedPattern none{{kNoTerm, Pred("leads"), Entity("Guild")}, {0, -1, -1}};
  EXPECT_EQ(EstimateMatches(store_, none, {true}), 0u);
}

TEST_F(QueryPlannerTest, KeepsQueryOrderWhenEstimatesAreEqual) {
  ResolvedPattern a{{kNoTerm, Pred("type"), Entity("Person")}, {0, -1, -1}};
  ResolvedPattern b{{kNoTerm, Pred("member_of"), Entity("Guild")}, {1, -1, -1}};
  EXPECT_THAT(PlanQuery(store_, {a, b}, 2).order, ElementsAre(0, 1));
  EXPECT_THAT(PlanQuery(store_, {b, a}, 2).order, ElementsAre(0, 1));
}

}  // namespace
}  // namespace kg::graph
