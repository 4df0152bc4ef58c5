#include "common/iso_date.h"

#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(IsoDateTest, AcceptsOnlyDaysThatExist) {
  EXPECT_TRUE(IsIsoDate("2021-03-04"));
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));
  EXPECT_TRUE(IsIsoDate("2000-02-29"));
  EXPECT_FALSE(IsIsoDate("2021-13-01"));
  EXPECT_FALSE(IsIsoDate("2021-04-31"));
  EXPECT_FALSE(IsIsoDate("2021-3-04"));
  EXPECT_FALSE(IsIsoDate("2021/03/04"));
  EXPECT_FALSE(IsIsoDate("0000-01-01"));
  EXPECT_FALSE(IsIsoDate(""));
}

TEST(IsoDateTest, FormatsPaddedOrNothing) {
  EXPECT_EQ(FormatIsoDate(2021, 3, 4), "2021-03-04");
  EXPECT_EQ(FormatIsoDate(2021, 2, 30), "");
  EXPECT_EQ(FormatIsoDate(10000, 1, 1), "");
}

}  // namespace
}  // namespace kg
