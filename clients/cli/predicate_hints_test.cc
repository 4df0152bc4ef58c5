#include "clients/cli/predicate_hints.h"

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

const std::vector<std::string> kKnown = {"leads", "member_of", "has_role",
                                         "operates_in", "type"};

TEST(UnknownPredicateNotesTest, TypoGetsTheClosestPredicate) {
  EXPECT_EQ(UnknownPredicateNotes("?p lead ?op", kKnown),
            std::vector<std::string>{
                "no facts use predicate 'lead' (did you mean leads?)"});
  EXPECT_EQ(UnknownPredicateNotes("?p memberof ?org . ?p type Person", kKnown),
            std::vector<std::string>{
                "no facts use predicate 'memberof' (did you mean member_of?)"});
}

TEST(UnknownPredicateNotesTest, KnownNamesKeywordsQuotesAndVariablesAreSilent) {
  EXPECT_TRUE(UnknownPredicateNotes(
                  "SELECT ?p WHERE { ?p member_of \"lower case name\" . "
                  "OPTIONAL { ?p has_role ?r } FILTER contains(?r, 'chief') } "
                  "order by ?p limit 5",
                  kKnown)
                  .empty());
}

TEST(UnknownPredicateNotesTest, FarOffNameHasNoSuggestionAndIsReportedOnce) {
  EXPECT_EQ(UnknownPredicateNotes("?a zzqx ?b . ?b zzqx ?c", kKnown),
            std::vector<std::string>{"no facts use predicate 'zzqx'"});
}

}  // namespace
}  // namespace kg::cli
