#include "common/iso_date.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"

namespace kg {
namespace {

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool DayExists(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= kDays[month - 1] + (month == 2 && IsLeapYear(year));
}

}  // namespace

bool IsIsoDate(absl::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int year = 0, month = 0, day = 0;
  return AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5, 2)) &&
         AllDigits(s.substr(8, 2)) && absl::SimpleAtoi(s.substr(0, 4), &year) &&
         absl::SimpleAtoi(s.substr(5, 2), &month) &&
         absl::SimpleAtoi(s.substr(8, 2), &day) && DayExists(year, month, day);
}

std::string FormatIsoDate(int year, int month, int day) {
  if (!DayExists(year, month, day)) return "";
  return absl::StrFormat("%04d-%02d-%02d", year, month, day);
}

bool ParseInstant(absl::string_view s, int64_t* unix_micros) {
  absl::Time t;
  std::string error;
  if (IsIsoDate(s)) {
    if (!absl::ParseTime("%Y-%m-%d", std::string(s), absl::UTCTimeZone(), &t,
                         &error)) {
      return false;
    }
  } else if (s.size() < 20 || s[10] != 'T' ||
             !absl::ParseTime(absl::RFC3339_full, std::string(s), &t, &error)) {
    return false;
  }
  *unix_micros = absl::ToUnixMicros(t);
  return true;
}

std::string FormatInstant(int64_t unix_micros) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::FromUnixMicros(unix_micros),
                          absl::UTCTimeZone());
}

}  // namespace kg
