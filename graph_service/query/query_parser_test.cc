#include "graph_service/query/query_parser.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

ParsedQuery ParseOrDie(absl::string_view query) {
  absl::StatusOr<ParsedQuery> parsed = ParseQuery(query);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *std::move(parsed) : ParsedQuery();
}

// The error message of a query that must not parse.
std::string ErrorOf(absl::string_view query) {
  absl::StatusOr<ParsedQuery> parsed = ParseQuery(query);
  EXPECT_FALSE(parsed.ok()) << "parsed: " << query;
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(parsed.status().message());
}

TEST(QueryParserTest, ParsesTheOntologyExample) {
  const ParsedQuery q = ParseOrDie(
      "?p has_role \"Commander\" . ?p leads ?op . ?op type Operation");
  ASSERT_EQ(q.patterns.size(), 3u);
  EXPECT_THAT(q.variables, ElementsAre("p", "op"));
  EXPECT_TRUE(q.patterns[0].subject.is_variable());
  EXPECT_EQ(q.patterns[0].subject.variable, "p");
  EXPECT_EQ(q.patterns[0].predicate.kind, QueryTerm::Kind::kPredicate);
  EXPECT_EQ(q.patterns[0].predicate.predicate, "has_role");
  EXPECT_EQ(q.patterns[0].value.value.text(), "Commander");
  EXPECT_EQ(q.patterns[2].value.value.entity(), "Operation");
}

TEST(QueryParserTest, ParsesEveryKindOfTerm) {
  const ParsedQuery q = ParseOrDie(
      "<Ada Quill> a1 42 . <Ada Quill> a2 -3 . Ada a3 8.5 .\n"
      "Ada a4 \"2021-05-01\"^^date . Ada a5 \"7\"^^integer .\n"
      "Ada a6 \"-0.25\"^^decimal . Ada a7 \"x\"^^text .\n"
      "\"Ada Quill\"^^entity a8 <Zoë-Marsh_2> .");
  ASSERT_EQ(q.patterns.size(), 8u);
  EXPECT_EQ(q.patterns[0].subject.value.entity(), "Ada Quill");
  EXPECT_EQ(q.patterns[0].value.value.integer(), 42);
  EXPECT_EQ(q.patterns[1].value.value.integer(), -3);
  EXPECT_EQ(q.patterns[2].subject.value.entity(), "Ada");
  EXPECT_EQ(q.patterns[2].value.value.decimal(), "8.5");
  EXPECT_EQ(q.patterns[3].value.value.date(), "2021-05-01");
  EXPECT_EQ(q.patterns[4].value.value.integer(), 7);
  EXPECT_EQ(q.patterns[5].value.value.decimal(), "-0.25");
  EXPECT_EQ(q.patterns[6].value.value.text(), "x");
  EXPECT_EQ(q.patterns[7].subject.value.entity(), "Ada Quill");
  EXPECT_EQ(q.patterns[7].value.value.entity(), "Zoë-Marsh_2");
  EXPECT_TRUE(q.variables.empty());
}

TEST(QueryParserTest, UnescapesStrings) {
  const ParsedQuery q = ParseOrDie(R"(?s said "a \"quoted\" back\\slash")");
  EXPECT_EQ(q.patterns[0].value.value.text(), R"(a "quoted" back\slash)");
}

TEST(QueryParserTest, AllowsCommentsNewlinesAndTrailingDot) {
  const ParsedQuery q = ParseOrDie(
      "# which operations?\n"
      "?p leads ?op .   # first\n"
      "\n"
      "?op type Operation .\n");
  EXPECT_EQ(q.patterns.size(), 2u);
}

TEST(QueryParserTest, PredicateVariableAndRepeatedVariables) {
  const ParsedQuery q = ParseOrDie("?x ?rel ?y . ?y ?rel ?x");
  EXPECT_THAT(q.variables, ElementsAre("x", "rel", "y"));
  EXPECT_TRUE(q.patterns[0].predicate.is_variable());
}

TEST(QueryParserTest, RecordsPositions) {
  const ParsedQuery q = ParseOrDie("?a b c .\n  ?d e f");
  EXPECT_EQ(q.patterns[1].subject.position.line, 2);
  EXPECT_EQ(q.patterns[1].subject.position.column, 3);
  EXPECT_EQ(q.patterns[0].value.position.column, 6);
}

TEST(QueryParserTest, RejectsEmptyQuery) {
  EXPECT_THAT(ErrorOf(""), HasSubstr("line 1, column 1: empty query"));
  EXPECT_THAT(ErrorOf("  # only a comment\n"), HasSubstr("empty query"));
}

TEST(QueryParserTest, RejectsWrongNumberOfTerms) {
  EXPECT_THAT(ErrorOf("?p has_role"),
              HasSubstr("line 1, column 12: expected a value after the "
                        "predicate"));
  EXPECT_THAT(ErrorOf("?a . ?b c d"),
              HasSubstr("line 1, column 4: expected a predicate after the "
                        "subject"));
  EXPECT_THAT(ErrorOf("?a b c d"),
              HasSubstr("line 1, column 8: a pattern has exactly three"));
  EXPECT_THAT(ErrorOf("?a b c . . ?d e f"),
              HasSubstr("line 1, column 10: empty pattern"));
  EXPECT_THAT(ErrorOf("?a b c .\n?d e"), HasSubstr("line 2, column 5"));
}

TEST(QueryParserTest, RejectsLiteralSubject) {
  EXPECT_THAT(ErrorOf("?a b c .\n \"Ada\" leads ?x"),
              HasSubstr("line 2, column 2: a literal cannot be the subject"));
  EXPECT_THAT(ErrorOf("42 b ?x"), HasSubstr("line 1, column 1: a literal"));
  EXPECT_THAT(ErrorOf("\"2020-01-01\"^^date b ?x"), HasSubstr("literal"));
}

TEST(QueryParserTest, RejectsBadPredicates) {
  EXPECT_THAT(ErrorOf("?a \"leads\" ?b"),
              HasSubstr("line 1, column 4: a predicate must be"));
  EXPECT_THAT(ErrorOf("?a <leads> ?b"), HasSubstr("a predicate must be"));
}

TEST(QueryParserTest, RejectsUnterminatedTokens) {
  EXPECT_THAT(ErrorOf("?a b\n  \"no end"),
              HasSubstr("line 2, column 3: unterminated string"));
  EXPECT_THAT(ErrorOf("?a b <Ada"),
              HasSubstr("line 1, column 6: unterminated '<' name"));
  EXPECT_THAT(ErrorOf("?a b <>"), HasSubstr("empty entity name"));
}

TEST(QueryParserTest, RejectsBadTypesAndNumbers) {
  EXPECT_THAT(ErrorOf("?a b \"x\"^^colour"),
              HasSubstr("line 1, column 11: unknown type ^^colour"));
  EXPECT_THAT(ErrorOf("?a b 99999999999999999999"),
              HasSubstr("line 1, column 6: invalid integer"));
  EXPECT_THAT(ErrorOf("?a b \"4x\"^^integer"), HasSubstr("invalid integer"));
  EXPECT_THAT(ErrorOf("?a b \"1e5\"^^decimal"), HasSubstr("invalid decimal"));
  EXPECT_THAT(ErrorOf("?a b \"2021-02-30\"^^date"), HasSubstr("invalid date"));
  EXPECT_THAT(ErrorOf("?a b 12abc"), HasSubstr("invalid number"));
  EXPECT_THAT(ErrorOf("?a b \"x\\n\""), HasSubstr("unknown escape"));
}

TEST(QueryParserTest, RejectsStrayCharacters) {
  EXPECT_THAT(ErrorOf("?a b $c"),
              HasSubstr("line 1, column 6: unexpected character '$'"));
  EXPECT_THAT(ErrorOf("? b c"), HasSubstr("expected a variable name"));
}

TEST(QueryParserTest, CountsColumnsInCodePoints) {
  EXPECT_THAT(ErrorOf("<Zoë> b \"x"), HasSubstr("line 1, column 9"));
}

TEST(FormatValueTest, RendersLikeTheQueryLanguage) {
  kg::v1::Value v;
  v.set_entity("Ada Quill");
  EXPECT_EQ(FormatValue(v), "<Ada Quill>");
  v.set_text("say \"hi\"");
  EXPECT_EQ(FormatValue(v), R"("say \"hi\"")");
  v.set_integer(-3);
  EXPECT_EQ(FormatValue(v), "-3");
  v.set_decimal("8.50");
  EXPECT_EQ(FormatValue(v), "8.50");
  v.set_date("2021-05-01");
  EXPECT_EQ(FormatValue(v), "\"2021-05-01\"^^date");
}

}  // namespace
}  // namespace kg::graph
