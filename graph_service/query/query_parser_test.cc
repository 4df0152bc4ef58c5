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

TEST(QueryParserTest, ParsesSelectFiltersOptionalAndModifiers) {
  const ParsedQuery q = ParseOrDie(
      "SELECT ?p (COUNT(DISTINCT ?op) AS ?n) WHERE {\n"
      "  ?p leads ?op {source: \"d1\", min_sources: 2, min_confidence: 0.5}\n"
      "  OPTIONAL { ?op targets ?c FILTER(?c != <drugs>) }\n"
      "  FILTER(?p < <M> && CONTAINS(?p, \"a\"))\n"
      "} GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 5 OFFSET 2");
  ASSERT_EQ(q.patterns.size(), 2u);
  EXPECT_EQ(q.patterns[0].block, 0);
  EXPECT_EQ(q.patterns[1].block, 1);
  EXPECT_EQ(q.num_optional_blocks, 1);
  EXPECT_EQ(q.patterns[0].provenance.source, "d1");
  EXPECT_EQ(q.patterns[0].provenance.min_sources, 2u);
  EXPECT_DOUBLE_EQ(q.patterns[0].provenance.min_confidence, 0.5);
  ASSERT_EQ(q.filters.size(), 2u);
  EXPECT_EQ(q.filters[0].block, 1);
  EXPECT_EQ(q.filters[1].block, 0);
  const FilterExpr& f = q.filters[1].expr;
  EXPECT_EQ(f.op, FilterExpr::Op::kAnd);
  EXPECT_EQ(f.children[0].compare, FilterExpr::Compare::kLt);
  EXPECT_EQ(f.children[0].operands[1].value.entity(), "M");
  EXPECT_EQ(f.children[1].op, FilterExpr::Op::kContains);
  ASSERT_EQ(q.select.size(), 2u);
  EXPECT_TRUE(q.select[1].is_count);
  EXPECT_TRUE(q.select[1].count_distinct);
  EXPECT_EQ(q.select[1].name, "n");
  ASSERT_EQ(q.group_by.size(), 1u);
  ASSERT_EQ(q.order_by.size(), 2u);
  EXPECT_TRUE(q.order_by[0].descending);
  EXPECT_FALSE(q.order_by[1].descending);
  EXPECT_EQ(q.limit, 5u);
  EXPECT_EQ(q.offset, 2u);
  EXPECT_THAT(q.variables, ElementsAre("p", "op", "c"));
}

TEST(QueryParserTest, KeywordsOnlyWhereAPatternCannotContinue) {
  // LIMIT as a value is an entity; after three terms it is the keyword.
  const ParsedQuery q = ParseOrDie("?x type LIMIT LIMIT 3");
  EXPECT_EQ(q.patterns[0].value.value.entity(), "LIMIT");
  EXPECT_EQ(q.limit, 3u);
}

TEST(QueryParserTest, LessThanIsAnEntityOutsideFilters) {
  const ParsedQuery q = ParseOrDie("?x ?p <A B> FILTER(?x < <C D>)");
  EXPECT_EQ(q.patterns[0].value.value.entity(), "A B");
  EXPECT_EQ(q.filters[0].expr.operands[1].value.entity(), "C D");
}

TEST(QueryParserTest, RejectsBadNewSyntaxWithPositions) {
  EXPECT_THAT(ErrorOf("?a b ?c .\nFILTER(?c >)"),
              HasSubstr("line 2, column 12: expected a term"));
  EXPECT_THAT(ErrorOf("?a b ?c ORDER ?c"),
              HasSubstr("line 1, column 15: expected BY"));
  EXPECT_THAT(ErrorOf("SELECT ?a ?a WHERE { ?a b c }"),
              HasSubstr("line 1, column 11: ?a is selected twice"));
  EXPECT_THAT(ErrorOf("?a b ?c {min_sources: 2.5}"),
              HasSubstr("line 1, column 23: min_sources must be"));
}

TEST(FormatPatternTest, RendersProvenance) {
  const ParsedQuery q =
      ParseOrDie("?p leads <Op X> {source: \"d\", min_sources: 3}");
  EXPECT_EQ(FormatPattern(q.patterns[0]),
            "?p leads <Op X> {source: \"d\", min_sources: 3}");
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

namespace kg::graph {
namespace {

TEST(QueryParserDepthTest, DeepFilterNestingIsRefusedNotOverflowed) {
  std::string query = "?s ?p ?o FILTER(";
  for (int i = 0; i < 100000; ++i) query += "(!";
  query += "BOUND(?o)";
  for (int i = 0; i < 100000; ++i) query += ")";
  query += ")";
  absl::StatusOr<ParsedQuery> parsed = ParseQuery(query);
  ASSERT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("nested deeper than"),
            std::string::npos)
      << parsed.status();
}

TEST(QueryParserDepthTest, ModerateFilterNestingStillParses) {
  std::string query = "?s ?p ?o FILTER(";
  for (int i = 0; i < 20; ++i) query += "(";
  query += "BOUND(?o)";
  for (int i = 0; i < 20; ++i) query += ")";
  query += ")";
  EXPECT_TRUE(ParseQuery(query).ok()) << ParseQuery(query).status();
}

}  // namespace
}  // namespace kg::graph
