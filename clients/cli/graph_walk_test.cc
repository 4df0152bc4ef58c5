#include "clients/cli/graph_walk.h"

#include <map>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

// A tiny graph: Ann -member_of-> North Unit -part_of-> Vale Police;
// Bo -member_of-> Vale Police; Ann type Person.
class FakeGraph {
 public:
  FakeGraph() {
    Add("Ann", "member_of", "North Unit");
    Add("North Unit", "part_of", "Vale Police");
    Add("Bo", "member_of", "Vale Police");
    Add("Ann", "type", "Person");
  }

  EntityLookup Lookup() {
    return [this](const std::string& name)
               -> absl::StatusOr<kg::v1::GetEntityResponse> {
      ++lookups;
      auto it = entities_.find(name);
      if (it == entities_.end()) return absl::NotFoundError("no " + name);
      return it->second;
    };
  }

  int lookups = 0;

 private:
  void Add(const std::string& s, const std::string& p, const std::string& o) {
    kg::v1::Fact fact;
    fact.set_subject(s);
    fact.set_predicate(p);
    fact.mutable_value()->set_entity(o);
    *entities_[s].add_outgoing() = fact;
    *entities_[o].add_incoming() = fact;
  }
  std::map<std::string, kg::v1::GetEntityResponse> entities_;
};

TEST(GraphWalkTest, ShortestPathCrossesFactsBothWays) {
  FakeGraph graph;
  auto path = FindPathByLookups("Ann", "Bo", WalkLimits(), graph.Lookup());
  ASSERT_TRUE(path.ok()) << path.status();
  ASSERT_EQ(path->size(), 3u);
  EXPECT_EQ((*path)[0].fact().predicate(), "member_of");
  EXPECT_FALSE((*path)[0].reversed());
  EXPECT_EQ((*path)[1].fact().predicate(), "part_of");
  EXPECT_TRUE((*path)[2].reversed());
  EXPECT_EQ((*path)[2].fact().subject(), "Bo");
}

TEST(GraphWalkTest, LimitsAndUnknownEnds) {
  FakeGraph graph;
  WalkLimits limits;
  limits.max_hops = 2;
  auto path = FindPathByLookups("Ann", "Bo", limits, graph.Lookup());
  ASSERT_TRUE(path.ok());
  EXPECT_TRUE(path->empty());
  limits = WalkLimits();
  limits.predicates = {"member_of"};
  EXPECT_TRUE(FindPathByLookups("Ann", "Bo", limits, graph.Lookup())->empty());
  // `type` is never a bridge between instances of a class.
  EXPECT_TRUE(FindPathByLookups("Ann", "Person", WalkLimits(), graph.Lookup())
                  ->empty());
  EXPECT_EQ(FindPathByLookups("Ann", "Cy", WalkLimits(), graph.Lookup())
                .status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FindPathByLookups("Cy", "Ann", WalkLimits(), graph.Lookup())
                .status().code(), absl::StatusCode::kNotFound);
}

TEST(GraphWalkTest, Neighbourhood) {
  FakeGraph graph;
  auto one = NeighbourhoodByLookups("Ann", 1, 100, graph.Lookup());
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->facts_size(), 2);  // member_of, type
  auto two = NeighbourhoodByLookups("Ann", 2, 100, graph.Lookup());
  EXPECT_EQ(two->facts_size(), 3);
  EXPECT_FALSE(two->truncated());
  auto cut = NeighbourhoodByLookups("Ann", 3, 2, graph.Lookup());
  EXPECT_EQ(cut->facts_size(), 2);
  EXPECT_TRUE(cut->truncated());
  EXPECT_FALSE(NeighbourhoodByLookups("Cy", 2, 10, graph.Lookup()).ok());
}

}  // namespace
}  // namespace kg::cli
