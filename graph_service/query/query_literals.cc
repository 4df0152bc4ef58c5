#include "graph_service/query/query_literals.h"

#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kg::graph {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

bool IsValidDate(absl::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  int year = 0, month = 0, day = 0;
  if (!absl::SimpleAtoi(s.substr(0, 4), &year) ||
      !absl::SimpleAtoi(s.substr(5, 2), &month) ||
      !absl::SimpleAtoi(s.substr(8, 2), &day)) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int days = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  return day <= days;
}

bool IsPlainNumber(absl::string_view s, bool allow_fraction) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0) return false;
  if (i == s.size()) return true;
  if (!allow_fraction || s[i] != '.' || i + 1 == s.size()) return false;
  for (++i; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

absl::Status SetInteger(const Token& token, kg::v1::Value* value) {
  int64_t n = 0;
  if (!IsPlainNumber(token.text, /*allow_fraction=*/false) ||
      !absl::SimpleAtoi(token.text, &n)) {
    return ErrorAt(token.position,
                   absl::StrCat("invalid integer \"", token.text, "\""));
  }
  value->set_integer(n);
  return absl::OkStatus();
}

absl::Status TypedStringValue(const Token& token, kg::v1::Value* value) {
  const std::string& type = token.type;
  if (type.empty() || type == "text") {
    value->set_text(token.text);
  } else if (type == "entity") {
    if (token.text.empty()) return ErrorAt(token.position, "empty entity name");
    value->set_entity(token.text);
  } else if (type == "integer") {
    return SetInteger(token, value);
  } else if (type == "decimal") {
    if (!IsPlainNumber(token.text, /*allow_fraction=*/true)) {
      return ErrorAt(token.position,
                     absl::StrCat("invalid decimal \"", token.text, "\""));
    }
    value->set_decimal(token.text);
  } else if (type == "date") {
    if (!IsValidDate(token.text)) {
      return ErrorAt(token.position,
                     absl::StrCat("invalid date \"", token.text,
                                  "\"; expected YYYY-MM-DD"));
    }
    value->set_date(token.text);
  } else {
    return ErrorAt(token.type_position,
                   absl::StrCat("unknown type ^^", type,
                                "; expected entity, text, integer, decimal "
                                "or date"));
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
