#include "tests/extraction/gold_scorer.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::testing {
namespace {

kg::v1::Fact MakeFact(const std::string& s, const std::string& p,
                      const std::string& o, bool entity) {
  kg::v1::Fact f;
  f.set_subject(s);
  f.set_predicate(p);
  if (entity) {
    f.mutable_value()->set_entity(o);
  } else {
    f.mutable_value()->set_text(o);
  }
  return f;
}

TEST(GoldScorerTest, ParsesFactsAndSkipsQuestions) {
  auto gold = ParseGold(
      "{\"kind\":\"fact\",\"s\":\"A\",\"p\":\"type\",\"o\":\"Unit\","
      "\"o_is_entity\":true,\"o_alt\":[\"Organization\"]}\n"
      "{\"kind\":\"question\",\"q\":\"?\",\"answers\":[[\"A\"]]}\n"
      "{\"kind\":\"fact\",\"s\":\"A \\u2019x\",\"p\":\"alias\",\"o\":\"a\","
      "\"o_is_entity\":false}\n");
  ASSERT_TRUE(gold.ok()) << gold.status();
  ASSERT_EQ(gold->size(), 2u);
  EXPECT_EQ((*gold)[0].o_alt.size(), 1u);
  EXPECT_TRUE((*gold)[0].o_is_entity);
  EXPECT_EQ((*gold)[1].s, "A \xE2\x80\x99x");
}

TEST(GoldScorerTest, RejectsMalformedLine) {
  EXPECT_FALSE(ParseGold("{\"kind\":\"fact\",").ok());
}

TEST(GoldScorerTest, CountsPerPredicateWithAlternativesAndKinds) {
  std::vector<GoldFact> gold = {
      {"VRU", "type", "Organization", {"Unit"}, true},
      {"Ann Lee", "has_role", "Commander", {}, false},
      {"Ann Lee", "member_of", "GMP", {}, true},
  };
  std::vector<kg::v1::Fact> predicted = {
      MakeFact("VRU", "type", "Unit", true),             // via o_alt
      MakeFact("Ann Lee", "has_role", "Commander", true),  // wrong kind
      MakeFact("Ann Lee", "member_of", "GMP", true),
      MakeFact("Ann Lee", "member_of", "GMP", true),     // duplicate
      MakeFact("Bob", "type", "Person", true),           // spurious
  };
  ScoreReport report;
  ScoreDocument("d", gold, predicted, &report);
  EXPECT_EQ(report.by_predicate["type"].found, 1);
  EXPECT_EQ(report.by_predicate["type"].predicted, 2);
  EXPECT_EQ(report.by_predicate["has_role"].found, 0);
  EXPECT_EQ(report.by_predicate["member_of"].predicted, 1);
  EXPECT_EQ(report.total.gold, 3);
  EXPECT_EQ(report.total.found, 2);
  EXPECT_EQ(report.total.correct, 2);
  EXPECT_EQ(report.total.predicted, 4);
  EXPECT_DOUBLE_EQ(report.total.Precision(), 0.5);
  EXPECT_NE(FormatTable(report).find("member_of"), std::string::npos);
  EXPECT_NE(FormatJson(report).find("\"total\":{\"gold\":3"), std::string::npos);
}

TEST(GoldScorerTest, SaidMatchesOnSharedWords) {
  EXPECT_TRUE(SameQuotation("We will stay. Residents asked for this.",
                            "Residents asked for this."));
  EXPECT_FALSE(SameQuotation("We will stay.", "Residents asked for this."));
  std::vector<GoldFact> gold = {
      {"Ann Lee", "said", "We will stay.", {}, false},
      {"Ann Lee", "said", "Residents asked for this.", {}, false},
      {"Ann Lee", "said", "The park is closed.", {}, false},
  };
  std::vector<kg::v1::Fact> predicted = {
      MakeFact("Ann Lee", "said", "We will stay. Residents asked for this.", false),
      MakeFact("Bob Ray", "said", "The park is closed.", false),  // wrong speaker
  };
  ScoreReport report;
  ScoreDocument("d", gold, predicted, &report);
  EXPECT_EQ(report.by_predicate["said"].found, 2);
  EXPECT_EQ(report.by_predicate["said"].predicted, 2);
  EXPECT_EQ(report.by_predicate["said"].correct, 1);
}

}  // namespace
}  // namespace kg::testing
