#include "bench/graph/fact_formats.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::bench {
namespace {

std::string PercentEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppendFormat(&out, "%%%02X", c);
    }
  }
  return out;
}

std::string Literal(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";

std::string ValueTerm(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity: return EntityIri(value.entity());
    case kg::v1::Value::kText: return Literal(value.text());
    case kg::v1::Value::kInteger:
      return absl::StrCat("\"", value.integer(), "\"^^<", kXsd, "integer>");
    case kg::v1::Value::kDecimal:
      return absl::StrCat("\"", value.decimal(), "\"^^<", kXsd, "decimal>");
    case kg::v1::Value::kDate:
      return absl::StrCat("\"", value.date(), "\"^^<", kXsd, "date>");
    default: return "\"\"";
  }
}

}  // namespace

std::string EntityIri(const std::string& name) {
  return absl::StrCat("<urn:kg:entity:", PercentEncode(name), ">");
}

std::string NTriplesLine(const kg::v1::Fact& fact) {
  return absl::StrCat(EntityIri(fact.subject()), " <urn:kg:predicate:",
                      PercentEncode(fact.predicate()), "> ",
                      ValueTerm(fact.value()), " .\n");
}

std::string TermKey(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity: return absl::StrCat("e:", value.entity());
    case kg::v1::Value::kText: return absl::StrCat("t:", value.text());
    case kg::v1::Value::kInteger: return absl::StrCat("i:", value.integer());
    case kg::v1::Value::kDecimal: return absl::StrCat("x:", value.decimal());
    case kg::v1::Value::kDate: return absl::StrCat("d:", value.date());
    default: return "";
  }
}

}  // namespace kg::bench
