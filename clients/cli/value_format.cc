#include "clients/cli/value_format.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::cli {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0.
size_t Utf8SequenceLength(absl::string_view text, size_t i) {
  const unsigned char lead = text[i];
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2
                                  : (lead >> 4) == 0xE ? 3
                                  : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::string FormatValue(const kg::v1::Value& value) {
  if (value.kind_case() == kg::v1::Value::kText) {
    return absl::StrCat("\"", value.text(), "\"");
  }
  return ValueLexicalForm(value);
}

std::string JsonString(absl::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
    } else {
      out.append(text.data() + i, length);
    }
    i += length;
  }
  out += "\"";
  return out;
}

std::string ValueToJson(const kg::v1::Value& value) {
  if (value.kind_case() == kg::v1::Value::kInteger) {
    return absl::StrCat(value.integer());
  }
  return JsonString(ValueLexicalForm(value));
}

}  // namespace kg::cli
