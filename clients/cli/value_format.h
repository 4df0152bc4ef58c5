// How `kg` shows values: entities bare, text quoted, numbers and dates as
// written; and the JSON encoding used by --json and `kg extract`.
#ifndef KG_CLIENTS_CLI_VALUE_FORMAT_H_
#define KG_CLIENTS_CLI_VALUE_FORMAT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "common/value_text.h"
#include "kg/v1/fact.pb.h"

namespace kg::cli {

// Jane Connors | "Commander" | 42 | 8.5 | 2021-05-01
std::string FormatValue(const kg::v1::Value& value);

// The value as a JSON scalar: numbers as numbers, the rest as strings.
std::string ValueToJson(const kg::v1::Value& value);

// A JSON string literal, quotes included. Invalid UTF-8 bytes become U+FFFD.
std::string JsonString(absl::string_view text);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_VALUE_FORMAT_H_
