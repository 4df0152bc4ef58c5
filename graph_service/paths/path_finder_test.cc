#include "graph_service/paths/path_finder.h"

#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "graph_service/paths/neighbourhood.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

kg::v1::Fact Link(const std::string& s, const std::string& p,
                  const std::string& o) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  fact.mutable_value()->set_entity(o);
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id("doc");
  e->set_sentence(s + " " + p + " " + o + ".");
  e->set_rule("test");
  e->set_confidence(0.5f);
  return fact;
}

// Hops as "subject predicate value" (with "<-" when crossed backwards).
std::vector<std::string> Hops(const kg::v1::FindPathResponse& path) {
  std::vector<std::string> out;
  for (const kg::v1::PathHop& hop : path.hops()) {
    out.push_back((hop.reversed() ? "<- " : "") + hop.fact().subject() + " " +
                  hop.fact().predicate() + " " + hop.fact().value().entity());
  }
  return out;
}

class PathFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A chain a-b-c-d-e with a shortcut a-x-e, and a literal on b.
    std::vector<kg::v1::Fact> facts = {
        Link("Ann", "knows", "Bob"),   Link("Bob", "knows", "Cy"),
        Link("Dee", "knows", "Cy"),    Link("Dee", "leads", "Eve"),
        Link("Ann", "leads", "Xavi"),  Link("Eve", "member_of", "Xavi"),
        Link("Far", "knows", "Away")};
    kg::v1::Fact literal;
    literal.set_subject("Bob");
    literal.set_predicate("has_role");
    literal.mutable_value()->set_text("Cy");
    *literal.add_evidence() = facts[0].evidence(0);
    facts.push_back(literal);
    ASSERT_TRUE(store_.AddFacts(facts).ok());
  }
  MemoryGraphStore store_;
};

TEST_F(PathFinderTest, FindsShortestPathBothDirectionsWithEvidence) {
  absl::StatusOr<kg::v1::FindPathResponse> path =
      FindPath(store_, "Ann", "Eve", PathOptions());
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_THAT(Hops(*path), ::testing::ElementsAre("Ann leads Xavi",
                                                  "<- Eve member_of Xavi"));
  ASSERT_EQ(path->hops(0).fact().evidence_size(), 1);
  EXPECT_EQ(path->hops(0).fact().evidence(0).sentence(), "Ann leads Xavi.");
}

TEST_F(PathFinderTest, EvidencePerHopIsCappedAndSaysSo) {
  std::vector<kg::v1::Fact> more;
  for (const char* doc : {"doc2", "doc3"}) {
    kg::v1::Fact fact = Link("Ann", "leads", "Xavi");
    fact.mutable_evidence(0)->set_document_id(doc);
    more.push_back(fact);
  }
  ASSERT_TRUE(store_.AddFacts(more).ok());
  PathOptions options;
  options.evidence_per_fact = 2;
  absl::StatusOr<kg::v1::FindPathResponse> path =
      FindPath(store_, "Ann", "Eve", options);
  ASSERT_TRUE(path.ok()) << path.status();
  ASSERT_EQ(path->hops_size(), 2);
  EXPECT_EQ(path->hops(0).fact().evidence_size(), 2);
  EXPECT_TRUE(path->hops(0).fact().evidence_truncated());
  EXPECT_FALSE(path->hops(1).fact().evidence_truncated());
  options.evidence_per_fact = 0;  // The default, 20: all three.
  path = FindPath(store_, "Ann", "Eve", options);
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->hops(0).fact().evidence_size(), 3);
  EXPECT_FALSE(path->hops(0).fact().evidence_truncated());
}

TEST_F(PathFinderTest, PredicateFilterForcesLongerPath) {
  PathOptions options;
  options.predicates = {"knows", "leads"};
  absl::StatusOr<kg::v1::FindPathResponse> path =
      FindPath(store_, "Ann", "Eve", options);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_THAT(Hops(*path),
              ::testing::ElementsAre("Ann knows Bob", "Bob knows Cy",
                                     "<- Dee knows Cy", "Dee leads Eve"));
}

TEST_F(PathFinderTest, MaxHopsAndDisconnectedGiveEmptyPath) {
  PathOptions options;
  options.predicates = {"knows", "leads"};
  options.max_hops = 3;
  EXPECT_EQ(FindPath(store_, "Ann", "Eve", options)->hops_size(), 0);
  EXPECT_EQ(FindPath(store_, "Ann", "Far", PathOptions())->hops_size(), 0);
}

TEST_F(PathFinderTest, LiteralValuesAreNotNodes) {
  // "Cy" the text on Bob must not be confused with the entity Cy.
  absl::StatusOr<kg::v1::FindPathResponse> path =
      FindPath(store_, "Bob", "Cy", PathOptions());
  ASSERT_TRUE(path.ok());
  EXPECT_THAT(Hops(*path), ::testing::ElementsAre("Bob knows Cy"));
}

TEST_F(PathFinderTest, Errors) {
  EXPECT_EQ(FindPath(store_, "Ann", "Nobody", PathOptions()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(FindPath(store_, "", "Ann", PathOptions()).status().code(),
            absl::StatusCode::kInvalidArgument);
  PathOptions too_far;
  too_far.max_hops = kMaxHopsCap + 1;
  EXPECT_EQ(FindPath(store_, "Ann", "Eve", too_far).status().code(),
            absl::StatusCode::kInvalidArgument);
  PathOptions late;
  late.limits.deadline = absl::Now() - absl::Seconds(1);
  EXPECT_EQ(FindPath(store_, "Ann", "Eve", late).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  PathOptions tiny;
  tiny.limits.max_visited = 1;
  EXPECT_EQ(FindPath(store_, "Ann", "Eve", tiny).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST_F(PathFinderTest, NeighbourhoodHopsAndTruncation) {
  NeighbourhoodOptions one;
  absl::StatusOr<kg::v1::GetNeighbourhoodResponse> n =
      GetNeighbourhood(store_, "Bob", one);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(n->facts_size(), 3);  // knows Cy, has_role "Cy", Ann knows Bob
  EXPECT_FALSE(n->truncated());

  NeighbourhoodOptions two;
  two.hops = 2;
  n = GetNeighbourhood(store_, "Bob", two);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts_size(), 5);  // + Ann leads Xavi, Dee knows Cy
  EXPECT_FALSE(n->truncated());

  two.limit = 4;
  n = GetNeighbourhood(store_, "Bob", two);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts_size(), 4);
  EXPECT_TRUE(n->truncated());
  for (const kg::v1::Fact& f : n->facts()) EXPECT_EQ(f.evidence_size(), 1);

  NeighbourhoodOptions filtered;
  filtered.predicates = {"has_role"};
  n = GetNeighbourhood(store_, "Bob", filtered);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->facts_size(), 1);

  EXPECT_EQ(GetNeighbourhood(store_, "Nobody", one).status().code(),
            absl::StatusCode::kNotFound);
  NeighbourhoodOptions deep;
  deep.hops = kMaxNeighbourhoodHops + 1;
  EXPECT_EQ(GetNeighbourhood(store_, "Bob", deep).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kg::graph
