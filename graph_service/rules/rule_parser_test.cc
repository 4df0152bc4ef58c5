#include "graph_service/rules/rule_parser.h"

#include <cstdlib>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::graph::rules {
namespace {

using ::testing::HasSubstr;

TEST(RuleParserTest, ParsesRuleAcrossLinesWithCommentsAndLiterals) {
  absl::StatusOr<std::vector<Rule>> rules = ParseRules(R"(
# a comment
chief: ?p has_role "Chief" :-   # trailing comment
   ?p leads ?u . ?u type <Police Unit> . ?u size 12 . SAME_DOCUMENT.
dated: ?x opened_on "2020-02-29"^^date :- ?x opened ?y . SAME_DOCUMENT
)");
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_EQ(rules->size(), 2u);
  const Rule& chief = (*rules)[0];
  EXPECT_EQ(chief.id, "chief");
  EXPECT_TRUE(chief.head.subject.is_variable);
  EXPECT_EQ(chief.head.predicate, "has_role");
  EXPECT_EQ(chief.head.value.constant.text(), "Chief");
  ASSERT_EQ(chief.body.size(), 3u);
  EXPECT_EQ(chief.body[1].value.constant.entity(), "Police Unit");
  EXPECT_EQ(chief.body[2].value.constant.integer(), 12);
  EXPECT_EQ((*rules)[1].head.value.constant.date(), "2020-02-29");
}

TEST(RuleParserTest, RejectsBadRulesWithPosition) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"r: ?p leads ?x :- ?p knows ?y . SAME_DOCUMENT", "?x does not occur"},
      {"r: ?p leads ?y :- ?p knows ?y .", "SAME_DOCUMENT"},
      {"r: ?p Leads ?y :- ?p knows ?y . SAME_DOCUMENT", "line 1, column 7"},
      {"r: \"x\" leads ?y :- ?p knows ?y . SAME_DOCUMENT", "subject"},
      {"r: ?p leads ?y :- SAME_DOCUMENT", "body is empty"},
      {"r: ?p a ?y :- ?p b ?y . SAME_DOCUMENT\nr: ?p a ?y :- ?p b ?y . "
       "SAME_DOCUMENT",
       "line 2, column 1: duplicate rule id"},
      {"r: ?p a ?y :- ?p b ?y SAME_DOCUMENT", "expected '.'"},
      {"r: ?p a \"open :- ?p b ?y . SAME_DOCUMENT", "unterminated"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<Rule>> rules = ParseRules(c.text);
    ASSERT_FALSE(rules.ok()) << c.text;
    EXPECT_EQ(rules.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(rules.status().message(), HasSubstr(c.message)) << c.text;
  }
}

TEST(RuleParserTest, ShippedDefaultRulesParse) {
  const std::string path = std::string(std::getenv("TEST_SRCDIR")) + "/" +
                           std::getenv("TEST_WORKSPACE") +
                           "/graph_service/rules/default.rules";
  absl::StatusOr<std::vector<Rule>> rules = LoadRulesFile(path);
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_EQ(rules->size(), 1u);
  EXPECT_EQ((*rules)[0].id, "leads_via_crime_area");
  EXPECT_EQ((*rules)[0].body.size(), 4u);
  EXPECT_EQ(LoadRulesFile("/nonexistent/x.rules").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kg::graph::rules
