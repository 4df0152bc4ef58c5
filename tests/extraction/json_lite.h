// A small JSON reader for test data (gold files, expected facts). Not for
// untrusted input: no depth limit beyond the stack.
#ifndef KG_TESTS_EXTRACTION_JSON_LITE_H_
#define KG_TESTS_EXTRACTION_JSON_LITE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kg::testing {

struct JsonValue {
  enum Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = kNull;
  bool boolean = false;
  double number = 0;
  std::string str;
  std::vector<JsonValue> items;
  std::map<std::string, JsonValue> fields;

  // The field `key` of an object, or a null value.
  const JsonValue& Get(const std::string& key) const;
};

// Parses one JSON text; false on a syntax error or trailing garbage.
bool ParseJson(std::string_view text, JsonValue* out);

}  // namespace kg::testing

#endif  // KG_TESTS_EXTRACTION_JSON_LITE_H_
