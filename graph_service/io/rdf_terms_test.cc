#include "graph_service/io/rdf_terms.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::graph::io {
namespace {

TEST(RdfTermsTest, PercentEncodingRoundTripsAnyUtf8) {
  const std::string name = "Zoë O'Neil & Co <x> 100%";
  EXPECT_EQ(PercentEncode("Ann Reed"), "Ann%20Reed");
  EXPECT_EQ(*PercentDecode(PercentEncode(name)), name);
  EXPECT_FALSE(PercentDecode("bad%2").ok());
  EXPECT_FALSE(PercentDecode("bad%zz").ok());
}

TEST(RdfTermsTest, ValuesAsTermsAndBack) {
  kg::v1::Value text, integer, decimal, date, entity;
  text.set_text("say \"hi\"\nnow \\ ok");
  integer.set_integer(-42);
  decimal.set_decimal("8.50");
  date.set_date("2021-05-01");
  entity.set_entity("Operation Quill");
  EXPECT_EQ(ValueTerm(integer),
            "\"-42\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(ValueTerm(entity), "<urn:kg:entity:Operation%20Quill>");
  for (const kg::v1::Value& v : {text, integer, decimal, date, entity}) {
    const std::string line = EntityTerm("Ann Reed") + " " +
                             PredicateTerm("said") + " " + ValueTerm(v) + " " +
                             DocumentTerm("doc 7") + " .";
    absl::StatusOr<RdfStatement> st = ParseRdfLine(line);
    ASSERT_TRUE(st.ok()) << st.status() << " in " << line;
    EXPECT_EQ(st->subject, "Ann Reed");
    EXPECT_EQ(st->predicate, "said");
    EXPECT_EQ(st->value.SerializeAsString(), v.SerializeAsString()) << line;
    EXPECT_TRUE(st->has_graph);
    EXPECT_EQ(st->graph, "doc 7");
  }
}

TEST(RdfTermsTest, ForeignRdfAndErrors) {
  absl::StatusOr<RdfStatement> st = ParseRdfLine(
      "<http://ex.org/a> <urn:kg:predicate:alias> \"caf\\u00E9\"@fr .");
  ASSERT_TRUE(st.ok()) << st.status();
  EXPECT_EQ(st->subject, "http://ex.org/a");
  EXPECT_EQ(st->value.text(), "café");
  EXPECT_FALSE(st->has_graph);
  EXPECT_THAT(ParseRdfLine("_:b <urn:kg:predicate:p> <x> .").status().message(),
              ::testing::HasSubstr("blank nodes"));
  EXPECT_THAT(ParseRdfLine("<a> <http://ex.org/p> <x> .").status().message(),
              ::testing::HasSubstr("not under urn:kg:predicate:"));
  EXPECT_THAT(ParseRdfLine("<a> <urn:kg:predicate:p> <x>").status().message(),
              ::testing::HasSubstr("column"));
  EXPECT_FALSE(ParseRdfLine("<a> <urn:kg:predicate:p> \"open .").ok());
}

}  // namespace
}  // namespace kg::graph::io
