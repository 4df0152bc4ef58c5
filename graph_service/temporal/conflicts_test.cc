#include "graph_service/temporal/conflicts.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "graph_service/store/memory/memory_graph_store.h"

namespace kg::graph {
namespace {

kg::v1::Fact Stated(const std::string& s, const std::string& p,
                    const std::string& o, bool entity, const std::string& doc,
                    const std::string& date) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  if (entity) {
    fact.mutable_value()->set_entity(o);
  } else {
    fact.mutable_value()->set_text(o);
  }
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(s + " " + p + " " + o + ".");
  e->set_rule("test");
  e->set_confidence(0.9f);
  e->set_reported_date(date);
  return fact;
}

class ConflictsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = *ParseSingleValued(
        "has_role per_subject\nleads per_value Operation\n");
  }
  kg::v1::ConflictsResponse Find(const std::string& entity = "",
                                 uint32_t limit = 0) {
    ConflictOptions options;
    options.entity = entity;
    options.limit = limit;
    absl::StatusOr<kg::v1::ConflictsResponse> found =
        FindConflicts(store_, schema_, options);
    EXPECT_TRUE(found.ok()) << found.status();
    return found.ok() ? *found : kg::v1::ConflictsResponse();
  }
  MemoryGraphStore store_;
  std::vector<SingleValued> schema_;
};

TEST_F(ConflictsTest, APromotionIsASuccessionEarliestFirst) {
  ASSERT_TRUE(store_.AddFacts({
      Stated("Ana Ruiz", "has_role", "Superintendent", false, "b", "2021-05-01"),
      Stated("Ana Ruiz", "has_role", "Chief Inspector", false, "a", "2020-02-01"),
  }).ok());
  kg::v1::ConflictsResponse found = Find();
  ASSERT_EQ(found.conflicts_size(), 1);
  const kg::v1::Conflict& c = found.conflicts(0);
  EXPECT_EQ(c.entity(), "Ana Ruiz");
  EXPECT_EQ(c.predicate(), "has_role");
  EXPECT_FALSE(c.per_value());
  EXPECT_EQ(c.kind(), kg::v1::Conflict::SUCCESSION);
  ASSERT_EQ(c.facts_size(), 2);
  EXPECT_EQ(c.facts(0).value().text(), "Chief Inspector");
  EXPECT_EQ(c.facts(0).evidence(0).reported_date(), "2020-02-01");
  EXPECT_FALSE(found.truncated());
}

TEST_F(ConflictsTest, OverlappingReportsAreAContradictionUndatedIsUndated) {
  ASSERT_TRUE(store_.AddFacts({
      Stated("Ana Ruiz", "has_role", "Chief Inspector", false, "a", "2020-02-01"),
      Stated("Ana Ruiz", "has_role", "Chief Inspector", false, "c", "2021-08-01"),
      Stated("Ana Ruiz", "has_role", "Superintendent", false, "b", "2021-05-01"),
      Stated("Ben Cole", "has_role", "Sergeant", false, "d", "2021-05-01"),
      Stated("Ben Cole", "has_role", "Inspector", false, "e", ""),
  }).ok());
  kg::v1::ConflictsResponse found = Find();
  ASSERT_EQ(found.conflicts_size(), 2);
  EXPECT_EQ(found.conflicts(0).entity(), "Ana Ruiz");
  EXPECT_EQ(found.conflicts(0).kind(), kg::v1::Conflict::CONTRADICTION);
  EXPECT_EQ(found.conflicts(1).entity(), "Ben Cole");
  EXPECT_EQ(found.conflicts(1).kind(), kg::v1::Conflict::UNDATED);
  EXPECT_EQ(found.conflicts(1).facts(1).value().text(), "Inspector");  // Last.
}

TEST_F(ConflictsTest, PerValueOnlyForTheDeclaredClass) {
  ASSERT_TRUE(store_.AddFacts({
      Stated("Op Tide", "type", "Operation", true, "a", "2018-01-01"),
      Stated("Cal Moss", "leads", "Op Tide", true, "a", "2018-01-01"),
      Stated("Dee Park", "leads", "Op Tide", true, "b", "2021-01-01"),
      Stated("Cal Moss", "leads", "knife crime", true, "a", "2018-01-01"),
      Stated("Dee Park", "leads", "knife crime", true, "b", "2021-01-01"),
  }).ok());
  kg::v1::ConflictsResponse found = Find();
  ASSERT_EQ(found.conflicts_size(), 1);  // Not knife crime: not an Operation.
  EXPECT_EQ(found.conflicts(0).entity(), "Op Tide");
  EXPECT_TRUE(found.conflicts(0).per_value());
  EXPECT_EQ(found.conflicts(0).kind(), kg::v1::Conflict::SUCCESSION);
  EXPECT_EQ(found.conflicts(0).facts(0).subject(), "Cal Moss");
}

TEST_F(ConflictsTest, OneEntityAndTheLimit) {
  ASSERT_TRUE(store_.AddFacts({
      Stated("Ana Ruiz", "has_role", "Chief Inspector", false, "a", "2020-02-01"),
      Stated("Ana Ruiz", "has_role", "Superintendent", false, "b", "2021-05-01"),
      Stated("Ben Cole", "has_role", "Sergeant", false, "d", "2021-05-01"),
      Stated("Ben Cole", "has_role", "Inspector", false, "e", "2022-05-01"),
  }).ok());
  EXPECT_EQ(Find("Ben Cole").conflicts_size(), 1);
  EXPECT_EQ(Find("Ben Cole").conflicts(0).entity(), "Ben Cole");
  kg::v1::ConflictsResponse first = Find("", 1);
  EXPECT_EQ(first.conflicts_size(), 1);
  EXPECT_TRUE(first.truncated());
  ConflictOptions unknown;
  unknown.entity = "Nobody";
  EXPECT_EQ(FindConflicts(store_, schema_, unknown).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kg::graph
