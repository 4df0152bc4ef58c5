#include "tests/crash/fact_key.h"

#include "absl/strings/str_cat.h"

namespace kg::crash {

std::string LexicalForm(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      return value.entity();
    case kg::v1::Value::kText:
      return value.text();
    case kg::v1::Value::kInteger:
      return absl::StrCat(value.integer());
    case kg::v1::Value::kDecimal:
      return value.decimal();
    case kg::v1::Value::kDate:
      return value.date();
    default:
      return "";
  }
}

std::string FactKey(const kg::v1::Fact& fact) {
  // Field separators cannot occur in the generated names; the kind number
  // keeps the entity "X" and the text "X" apart.
  return absl::StrCat("<", fact.subject(), "> ", fact.predicate(), " ",
                      static_cast<int>(fact.value().kind_case()), ":\"",
                      LexicalForm(fact.value()), "\"");
}

}  // namespace kg::crash
