#include "common/reported_period.h"

namespace kg {

ReportedPeriod ReportedPeriodOf(const kg::v1::Fact& fact) {
  ReportedPeriod period;
  for (const kg::v1::Evidence& e : fact.evidence()) {
    const std::string& date = e.reported_date();
    if (date.empty()) continue;
    if (period.first.empty() || date < period.first) period.first = date;
    if (date > period.last) period.last = date;
  }
  return period;
}

}  // namespace kg
