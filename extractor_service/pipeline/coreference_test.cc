#include "extractor_service/pipeline/coreference.h"

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

TEST(PersonResolverTest, ResolvesSurnameAndGivenName) {
  PersonResolver r;
  r.Observe("Priya Nandakumar");
  r.Observe("Owen Hartley");
  EXPECT_EQ(r.BySurname("Nandakumar"), "Priya Nandakumar");
  EXPECT_EQ(r.ByNamePart("Owen"), "Owen Hartley");
  EXPECT_EQ(r.BySurname("Smith"), "");
}

TEST(PersonResolverTest, PronounTakesMostRecentPerson) {
  PersonResolver r;
  EXPECT_EQ(r.Last(), "");
  r.Observe("Priya Nandakumar");
  r.Observe("Owen Hartley");
  r.Observe("Priya Nandakumar");
  EXPECT_EQ(r.Last(), "Priya Nandakumar");
}

TEST(PersonResolverTest, MostRecentWinsForSharedSurname) {
  PersonResolver r;
  r.Observe("Amy Hartley");
  r.Observe("Owen Hartley");
  EXPECT_EQ(r.BySurname("Hartley"), "Owen Hartley");
}

TEST(PronounTest, RecognisesPersonPronouns) {
  EXPECT_TRUE(IsPersonPronoun("She"));
  EXPECT_TRUE(IsPersonPronoun("he"));
  EXPECT_FALSE(IsPersonPronoun("they"));
}

}  // namespace
}  // namespace kg::extractor
