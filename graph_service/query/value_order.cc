#include "graph_service/query/value_order.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace kg::graph {
namespace {

// Rank of a kind in the ORDER BY order.
int KindRank(const kg::v1::Value& v) {
  switch (v.kind_case()) {
    case kg::v1::Value::KIND_NOT_SET:
      return 0;
    case kg::v1::Value::kInteger:
    case kg::v1::Value::kDecimal:
      return 1;
    case kg::v1::Value::kDate:
      return 2;
    case kg::v1::Value::kText:
      return 3;
    case kg::v1::Value::kEntity:
      return 4;
  }
  return 0;
}

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// Compares magnitudes: integer parts without leading zeros, fractions
// without trailing zeros.
int CompareMagnitude(absl::string_view a, absl::string_view b) {
  auto split = [](absl::string_view s, absl::string_view* whole,
                  absl::string_view* fraction) {
    const size_t dot = s.find('.');
    *whole = s.substr(0, dot);
    *fraction = dot == absl::string_view::npos ? "" : s.substr(dot + 1);
    while (!whole->empty() && whole->front() == '0') whole->remove_prefix(1);
    while (!fraction->empty() && fraction->back() == '0') {
      fraction->remove_suffix(1);
    }
  };
  absl::string_view aw, af, bw, bf;
  split(a, &aw, &af);
  split(b, &bw, &bf);
  if (aw.size() != bw.size()) return aw.size() < bw.size() ? -1 : 1;
  const int whole = Sign(aw.compare(bw));
  if (whole != 0) return whole;
  return Sign(af.compare(bf));  // lexicographic works for fractions
}

std::string NumberText(const kg::v1::Value& v) {
  return v.has_integer() ? absl::StrCat(v.integer()) : v.decimal();
}

bool IsNumber(const kg::v1::Value& v) {
  return v.has_integer() || v.has_decimal();
}

}  // namespace

int CompareDecimalText(absl::string_view a, absl::string_view b) {
  const bool a_negative = !a.empty() && a[0] == '-';
  const bool b_negative = !b.empty() && b[0] == '-';
  if (a_negative) a.remove_prefix(1);
  if (b_negative) b.remove_prefix(1);
  const int magnitude = CompareMagnitude(a, b);
  if (a_negative == b_negative) return a_negative ? -magnitude : magnitude;
  if (magnitude == 0 && CompareMagnitude(a, "0") == 0) return 0;  // -0 = 0
  return a_negative ? -1 : 1;
}

std::optional<int> CompareValues(const kg::v1::Value& a,
                                 const kg::v1::Value& b) {
  if (IsNumber(a) && IsNumber(b)) {
    if (a.has_integer() && b.has_integer()) {
      return a.integer() < b.integer() ? -1 : (a.integer() > b.integer());
    }
    return CompareDecimalText(NumberText(a), NumberText(b));
  }
  if (a.kind_case() != b.kind_case() ||
      a.kind_case() == kg::v1::Value::KIND_NOT_SET) {
    return std::nullopt;
  }
  return Sign(LexicalForm(a).compare(LexicalForm(b)));
}

int OrderValues(const kg::v1::Value& a, const kg::v1::Value& b) {
  const int ra = KindRank(a), rb = KindRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  return CompareValues(a, b).value_or(0);
}

std::string LexicalForm(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      return value.entity();
    case kg::v1::Value::kText:
      return value.text();
    case kg::v1::Value::kDate:
      return value.date();
    case kg::v1::Value::kInteger:
    case kg::v1::Value::kDecimal:
      return NumberText(value);
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return "";
}

}  // namespace kg::graph
