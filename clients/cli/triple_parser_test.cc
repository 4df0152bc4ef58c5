#include "clients/cli/triple_parser.h"

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

TEST(TripleParserTest, EntitiesTextAndTypes) {
  absl::StatusOr<kg::v1::Triple> t =
      ParseTriple("<Ann Lee>  member_of <North Unit>");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->subject(), "Ann Lee");
  EXPECT_EQ(t->predicate(), "member_of");
  EXPECT_EQ(t->value().entity(), "North Unit");

  t = ParseTriple("Ann has_role \"Chief \\\"Acting\\\" Inspector\"");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->value().text(), "Chief \"Acting\" Inspector");

  t = ParseTriple("<Op X> started_on \"2021-05-01\"^^date");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->value().date(), "2021-05-01");

  t = ParseTriple("X arrests 12");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->value().integer(), 12);
  t = ParseTriple("X ratio -0.25");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->value().decimal(), "-0.25");
}

TEST(TripleParserTest, ErrorsNameTheColumn) {
  EXPECT_EQ(ParseTriple("<Ann member_of X").status().message(),
            "column 1: missing '>'");
  EXPECT_EQ(ParseTriple("Ann \"p\" X").status().message(),
            "column 5: the predicate must be a bare word");
  EXPECT_EQ(ParseTriple("Ann p").status().message(),
            "column 6: expected SUBJECT PREDICATE VALUE");
  EXPECT_EQ(ParseTriple("A p B C").status().message(),
            "column 7: more than three terms");
  EXPECT_FALSE(ParseTriple("A p \"x\"^^colour").ok());
}

TEST(TripleParserTest, RoundTrip) {
  for (const std::string text :
       {"<Ann Lee> member_of <North Unit>", "<Ann> has_role \"Sgt\"",
        "<Op X> started_on \"2021-05-01\"^^date", "<X> arrests 12"}) {
    absl::StatusOr<kg::v1::Triple> t = ParseTriple(text);
    ASSERT_TRUE(t.ok()) << text;
    EXPECT_EQ(FormatTriple(*t), text);
  }
}

}  // namespace
}  // namespace kg::cli
