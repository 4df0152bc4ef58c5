// The span of days a fact was reported on: the first and last
// Evidence.reported_date among its records. Shared by the graph's conflict
// classification and the CLI's rendering of it.
#ifndef KG_COMMON_REPORTED_PERIOD_H_
#define KG_COMMON_REPORTED_PERIOD_H_

#include <string>

#include "kg/v1/fact.pb.h"

namespace kg {

struct ReportedPeriod {
  // "YYYY-MM-DD"; both empty when no record is dated.
  std::string first;
  std::string last;
};

ReportedPeriod ReportedPeriodOf(const kg::v1::Fact& fact);

}  // namespace kg

#endif  // KG_COMMON_REPORTED_PERIOD_H_
