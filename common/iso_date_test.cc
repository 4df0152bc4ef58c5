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

TEST(InstantTest, ReadsRfc3339AndBareDates) {
  int64_t t = 0;
  ASSERT_TRUE(ParseInstant("1970-01-02", &t));
  EXPECT_EQ(t, int64_t{86400} * 1000000);
  ASSERT_TRUE(ParseInstant("1970-01-01T00:00:01Z", &t));
  EXPECT_EQ(t, 1000000);
  ASSERT_TRUE(ParseInstant("1970-01-01T01:00:01.5+01:00", &t));
  EXPECT_EQ(t, 1500000);
  EXPECT_FALSE(ParseInstant("1970-01-01T00:00:01", &t));  // no zone
  EXPECT_FALSE(ParseInstant("2021-02-30", &t));
  EXPECT_FALSE(ParseInstant("yesterday", &t));
  EXPECT_FALSE(ParseInstant("", &t));
}

TEST(InstantTest, FormatsUtcMicrosThatReadBack) {
  const int64_t t = 1772357400000250;
  EXPECT_EQ(FormatInstant(t), "2026-03-01T09:30:00.000250Z");
  int64_t back = 0;
  ASSERT_TRUE(ParseInstant(FormatInstant(t), &back));
  EXPECT_EQ(back, t);
}

}  // namespace
}  // namespace kg
