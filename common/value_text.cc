#include "common/value_text.h"

#include "absl/strings/str_cat.h"

namespace kg {

std::string ValueLexicalForm(const kg::v1::Value& value) {
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
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return "";
}

}  // namespace kg
