// ISO 8601 calendar dates ("YYYY-MM-DD"), the one spelling of a date the
// project stores: fact values of kind date and evidence reported dates.
// Byte order of valid dates is date order.
#ifndef KG_COMMON_ISO_DATE_H_
#define KG_COMMON_ISO_DATE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kg {

// True for "YYYY-MM-DD" naming a day that exists (Feb 29 only in leap
// years).
bool IsIsoDate(absl::string_view s);

// "YYYY-MM-DD" of a day, or "" when it does not exist.
std::string FormatIsoDate(int year, int month, int day);

}  // namespace kg

#endif  // KG_COMMON_ISO_DATE_H_
