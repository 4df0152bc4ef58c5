#include "clients/cli/suggest.h"

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

TEST(SuggestTest, EditDistanceIgnoresCase) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("Ann Lee", "ann lee"), 0u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(SuggestTest, TyposPrefixesAndWords) {
  const std::vector<std::string> names = {
      "Northvale Police Service", "Priya Sandhu", "Operation Kestrel",
      "Operation Kestrel", "Harbour Unit", "Priyanka Das"};
  EXPECT_EQ(CloseMatches("Priya Sandu", names),
            (std::vector<std::string>{"Priya Sandhu"}));
  EXPECT_EQ(CloseMatches("kestrel", names),
            (std::vector<std::string>{"Operation Kestrel"}));
  EXPECT_EQ(CloseMatches("Northvale", names),
            (std::vector<std::string>{"Northvale Police Service"}));
  EXPECT_TRUE(CloseMatches("Zebra Crossing", names).empty());
}

TEST(SuggestTest, RanksAndCaps) {
  const std::vector<std::string> names = {"Abe", "Abel", "Able", "Ab", "Xyz"};
  EXPECT_EQ(CloseMatches("Abe", names, 2),
            (std::vector<std::string>{"Abe", "Ab"}));
}

}  // namespace
}  // namespace kg::cli
