#include "extractor_service/pipeline/reported_date.h"

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

TEST(DatelineDateTest, LabelledDatelines) {
  EXPECT_EQ(DatelineDate("Published: 3 March 2021"), "2021-03-03");
  EXPECT_EQ(DatelineDate("Published on 14th Feb 2022 at 10:15"), "2022-02-14");
  EXPECT_EQ(DatelineDate("Posted on Tuesday, 9 November 2021"), "2021-11-09");
  EXPECT_EQ(DatelineDate("Date: 2020-07-01"), "2020-07-01");
  EXPECT_EQ(DatelineDate("First published: Sept 30, 2019"), "2019-09-30");
  EXPECT_EQ(DatelineDate("# published: 2023-01-31"), "2023-01-31");
}

TEST(DatelineDateTest, BareDateLines) {
  EXPECT_EQ(DatelineDate("12 August 2020"), "2020-08-12");
  EXPECT_EQ(DatelineDate("  Friday 12 August 2022 14:05 BST "), "2022-08-12");
  EXPECT_EQ(DatelineDate("August 12, 2020"), "2020-08-12");
}

TEST(DatelineDateTest, WhatIsNotADateline) {
  EXPECT_EQ(DatelineDate("Updated: 3 March 2021"), "");
  EXPECT_EQ(DatelineDate("Last updated 3 March 2021"), "");
  EXPECT_EQ(DatelineDate("3 March 2021: officers make four arrests"), "");
  EXPECT_EQ(DatelineDate("On 3 March 2021 officers searched a house."), "");
  EXPECT_EQ(DatelineDate("Date of birth unknown"), "");
  EXPECT_EQ(DatelineDate("Published: 03/04/2021"), "");  // Day or month first?
  EXPECT_EQ(DatelineDate("31 February 2021"), "");
  EXPECT_EQ(DatelineDate(""), "");
}

TEST(ReportedDateTest, PublishedFieldFirstThenDatelineThenNothing) {
  kg::v1::Document document;
  document.set_id("d");
  document.set_text("Published: 3 March 2021\n\nOfficers arrested a man.");
  EXPECT_EQ(*ReportedDate(document), "2021-03-03");
  document.set_published("2021-03-05");
  EXPECT_EQ(*ReportedDate(document), "2021-03-05");
  document.set_published("5 March 2021");
  EXPECT_EQ(ReportedDate(document).status().code(),
            absl::StatusCode::kInvalidArgument);
  document.clear_published();
  document.set_text("Officers arrested a man.\nPublished: 3 March 2021");
  EXPECT_EQ(*ReportedDate(document), "2021-03-03");  // Within 8 lines.
  document.set_text(
      "a\nb\nc\nd\ne\nf\ng\nh\nPublished: 3 March 2021\nOfficers arrested a man.");
  EXPECT_EQ(*ReportedDate(document), "");
}

}  // namespace
}  // namespace kg::extractor
