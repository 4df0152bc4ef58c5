#include "extractor_service/pipeline/relation_extractor.h"

#include <cstdlib>
#include <string>

#include "extractor_service/pipeline/analyze_for_test.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

using ::testing::Contains;
using ::testing::Not;

class RelationExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = LoadShippedGazetteer();
    ASSERT_TRUE(g.ok()) << g.status();
    gaz_ = new Gazetteer(std::move(*g));
    auto rules = RuleSet::Load(std::string(std::getenv("TEST_SRCDIR")) +
                                   "/kg/extractor_service/rules/relations.rules",
                               BuiltinMatcherNames());
    ASSERT_TRUE(rules.ok()) << rules.status();
    relations_ = new RelationExtractor(std::move(*rules));
  }

  // "subject|predicate|value|rule" for every draft.
  std::vector<std::string> Relations(const std::string& text) {
    text_ = text;
    AnalyzedDocument doc(text_);
    SplitAndRecognize(*gaz_, &doc);
    std::vector<std::string> out;
    for (const FactDraft& d : relations_->Extract(doc)) {
      out.push_back(d.subject + "|" + d.predicate + "|" + d.value + "|" + d.rule);
    }
    return out;
  }

  static Gazetteer* gaz_;
  static RelationExtractor* relations_;
  std::string text_;
};

Gazetteer* RelationExtractorTest::gaz_ = nullptr;
RelationExtractor* RelationExtractorTest::relations_ = nullptr;

TEST_F(RelationExtractorTest, RoleAndForceMembership) {
  auto r = Relations("West Midlands Police Ch Supt Ravi Bains spoke.");
  EXPECT_THAT(r, Contains("Ravi Bains|has_role|Chief Superintendent|"
                          "has_role.rank_before_name"));
  EXPECT_THAT(r, Contains("Ravi Bains|member_of|West Midlands Police|"
                          "member_of.force_before_rank"));
}

TEST_F(RelationExtractorTest, MemberOfUnitAndUnitPartOfForce) {
  auto r = Relations(
      "DI Kirsty Lowe from GMP's Serious Collision Unit appealed for help.");
  EXPECT_THAT(r, Contains("Kirsty Lowe|member_of|Serious Collision Unit|"
                          "member_of.from_force_unit"));
  EXPECT_THAT(r, Contains("Serious Collision Unit|part_of|Greater Manchester "
                          "Police|part_of.force_possessive"));
}

TEST_F(RelationExtractorTest, TargetsByCueStopsAtRelativeClause) {
  auto r = Relations(
      "The Tactical Aid Squad will tackle drug dealing that fuels burglary.");
  EXPECT_THAT(r, Contains("Tactical Aid Squad|targets|drugs|targets.verb_cue"));
  EXPECT_THAT(r, Not(Contains("Tactical Aid Squad|targets|burglary|targets.verb_cue")));
}

TEST_F(RelationExtractorTest, TargetsFromName) {
  auto r = Relations("The Knife Crime Taskforce grew.");
  EXPECT_THAT(r, Contains("Knife Crime Taskforce|targets|knife crime|"
                          "targets.name_contains_crime"));
}

TEST_F(RelationExtractorTest, NominalCampaignTakesNextSentenceName) {
  auto r = Relations(
      "Police began a campaign to crack down on shoplifting in Salford.\n"
      "The Shop Safe campaign runs for a month.");
  EXPECT_THAT(r, Contains("Shop Safe|targets|shoplifting|targets.nominal_antecedent"));
  EXPECT_THAT(r, Contains("Shop Safe|operates_in|Salford|"
                          "operates_in.nominal_antecedent"));
}

TEST_F(RelationExtractorTest, LocatedInFromGazetteerParent) {
  auto r = Relations("Crime fell in Salford, the best result in Greater Manchester.");
  EXPECT_THAT(r, Contains("Salford|located_in|Greater Manchester|"
                          "located_in.gazetteer_parent"));
}

TEST_F(RelationExtractorTest, LeadsCrimeArea) {
  auto r = Relations(
      "ACC Dafydd Rees, who is the force's lead for tackling domestic abuse, spoke.");
  EXPECT_THAT(r, Contains("Dafydd Rees|leads|domestic abuse|leads.lead_for_area"));
}

TEST_F(RelationExtractorTest, SaidVariants) {
  auto r = Relations(
      "Insp Carl Dobbs said: \"We acted quickly.\"\n"
      "\"It was the right call,\" Insp Dobbs said.\n"
      "He said: \"We will return.\"\n"
      "Sgt Amy Rowe, Chair, Rowe Trust:\n"
      "\"Thank you all. More soon.\"\n"
      "Amy has warned that the risk remains.");
  EXPECT_THAT(r, Contains("Carl Dobbs|said|We acted quickly.|said.colon_quote"));
  EXPECT_THAT(r, Contains("Carl Dobbs|said|It was the right call|"
                          "said.quote_then_attribution"));
  EXPECT_THAT(r, Contains("Carl Dobbs|said|We will return.|said.colon_quote"));
  EXPECT_THAT(r, Contains("Amy Rowe|said|Thank you all. More soon.|"
                          "said.colon_next_sentence"));
  EXPECT_THAT(r, Contains("Amy Rowe|said|the risk remains|said.reported_that"));
}

TEST_F(RelationExtractorTest, LeadsFromWhoClauseWithOperationList) {
  const auto r = Relations(
      "Commander Ada Brook, who leads Operations Alder and Birch, said the "
      "work would continue.");
  EXPECT_THAT(r, Contains("Ada Brook|leads|Operation Alder|leads.who_clause"));
  EXPECT_THAT(r, Contains("Ada Brook|leads|Operation Birch|leads.who_clause"));
}

TEST_F(RelationExtractorTest, LeadsFromWhoClausePastTense) {
  const auto r = Relations(
      "Inspector Tom Vale, who has led Operation Cobble since March, thanked "
      "residents.");
  EXPECT_THAT(r, Contains("Tom Vale|leads|Operation Cobble|leads.who_clause"));
}

TEST_F(RelationExtractorTest, WhoClauseWithoutLeadVerbGivesNoLeads) {
  const auto r = Relations(
      "Commander Ada Brook, who praised Operation Alder, said it had worked.");
  EXPECT_THAT(r, Not(Contains("Ada Brook|leads|Operation Alder|leads.who_clause")));
}

TEST_F(RelationExtractorTest, EveryShippedRuleHasIdPredicateAndConfidence) {
  for (const RelationRule& rule : relations_->rules().rules()) {
    EXPECT_NE(rule.id.find('.'), std::string::npos) << rule.id;
    EXPECT_EQ(rule.id.substr(0, rule.id.find('.')), rule.predicate) << rule.id;
    EXPECT_GT(rule.confidence, 0.0f) << rule.id;
    EXPECT_LE(rule.confidence, 1.0f) << rule.id;
  }
}

}  // namespace
}  // namespace kg::extractor
