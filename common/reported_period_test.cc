#include "common/reported_period.h"

#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(ReportedPeriodTest, FirstAndLastDatedRecordUndatedIgnored) {
  kg::v1::Fact fact;
  EXPECT_EQ(ReportedPeriodOf(fact).first, "");
  for (const char* date : {"2021-05-01", "", "2020-02-01", "2021-08-01"}) {
    fact.add_evidence()->set_reported_date(date);
  }
  const ReportedPeriod period = ReportedPeriodOf(fact);
  EXPECT_EQ(period.first, "2020-02-01");
  EXPECT_EQ(period.last, "2021-08-01");
}

}  // namespace
}  // namespace kg
