// ISO 8601 calendar dates ("YYYY-MM-DD"), the one spelling of a date the
// project stores: fact values of kind date and evidence reported dates.
// Byte order of valid dates is date order.
#ifndef KG_COMMON_ISO_DATE_H_
#define KG_COMMON_ISO_DATE_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace kg {

// True for "YYYY-MM-DD" naming a day that exists (Feb 29 only in leap
// years).
bool IsIsoDate(absl::string_view s);

// "YYYY-MM-DD" of a day, or "" when it does not exist.
std::string FormatIsoDate(int year, int month, int day);

// An instant of transaction time (when the graph stored or retracted
// something), as queries write it: RFC 3339 with a zone
// ("2026-03-01T09:30:00Z", "2026-03-01T10:30:00.25+01:00"), or a bare
// "YYYY-MM-DD" meaning that day's start in UTC. False for anything else.
bool ParseInstant(absl::string_view s, int64_t* unix_micros);

// RFC 3339 in UTC with microseconds ("2026-03-01T09:30:00.000250Z");
// ParseInstant reads it back exactly.
std::string FormatInstant(int64_t unix_micros);

}  // namespace kg

#endif  // KG_COMMON_ISO_DATE_H_
