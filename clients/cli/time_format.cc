#include "clients/cli/time_format.h"

#include <map>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/row_format.h"
#include "clients/cli/value_format.h"
#include "common/reported_period.h"

namespace kg::cli {
namespace {

constexpr char kArrow[] = "\xE2\x86\xB3 ";
// A key after every date, so undated entries sort last.
constexpr char kUndated[] = "~undated";

std::string FactLine(const kg::v1::Fact& fact) {
  return absl::StrCat(fact.subject(), " ", fact.predicate(), " ",
                      FormatValue(fact.value()));
}

// "2020-03-10", "2020-03-10 .. 2021-04-02" or "undated".
std::string Period(const kg::v1::Fact& fact) {
  const ReportedPeriod period = ReportedPeriodOf(fact);
  if (period.first.empty()) return "undated";
  return period.first == period.last
             ? period.first
             : absl::StrCat(period.first, " .. ", period.last);
}

const char* KindName(kg::v1::Conflict::Kind kind) {
  switch (kind) {
    case kg::v1::Conflict::SUCCESSION:
      return "succession (reported one after the other)";
    case kg::v1::Conflict::CONTRADICTION:
      return "contradiction (reported in overlapping periods)";
    case kg::v1::Conflict::UNDATED:
      return "undated (a value has no reported date: order unknown)";
    default:
      return "unknown";
  }
}

}  // namespace

std::string RenderTimeline(const kg::v1::GetEntityResponse& entity) {
  // (date, fact line) -> sources, in date order.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> entries;
  for (const auto* facts : {&entity.outgoing(), &entity.incoming()}) {
    for (const kg::v1::Fact& fact : *facts) {
      if (fact.predicate() == "type" || fact.predicate() == "alias") continue;
      for (const kg::v1::Evidence& e : fact.evidence()) {
        const std::string date =
            e.reported_date().empty() ? kUndated : e.reported_date();
        entries[{date, FactLine(fact)}].push_back(EvidenceSource(e));
      }
    }
  }
  std::string out;
  std::string last_date;
  for (const auto& [key, sources] : entries) {
    const auto& [date, fact] = key;
    const std::string shown = date == kUndated ? "undated" : date;
    out += absl::StrFormat("%-10s  %s\n", date == last_date ? "" : shown, fact);
    last_date = date;
    for (const std::string& source : sources) {
      out += absl::StrCat("            ", kArrow, source, "\n");
    }
  }
  return out;
}

std::string RenderConflicts(const kg::v1::ConflictsResponse& conflicts) {
  std::string out;
  for (const kg::v1::Conflict& c : conflicts.conflicts()) {
    out += absl::StrCat(c.entity(), " ", c.per_value() ? "(the value of) " : "",
                        c.predicate(), ": ", KindName(c.kind()), "\n");
    for (const kg::v1::Fact& fact : c.facts()) {
      const std::string competitor =
          c.per_value() ? fact.subject() : FormatValue(fact.value());
      out += absl::StrFormat("  %-24s  %s\n", Period(fact), competitor);
      for (const kg::v1::Evidence& e : fact.evidence()) {
        out += absl::StrCat("      ", kArrow,
                            e.reported_date().empty() ? "" : e.reported_date() + " ",
                            EvidenceSource(e), "\n");
      }
    }
  }
  return out;
}

}  // namespace kg::cli
