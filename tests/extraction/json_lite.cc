#include "tests/extraction/json_lite.h"

#include <cstdlib>

#include "common/utf8.h"

namespace kg::testing {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  bool ParseAll(JsonValue* v) {
    if (!Value(v)) return false;
    Skip();
    return i_ == t_.size();
  }

 private:
  void Skip() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' ||
                              t_[i_] == '\n' || t_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Literal(std::string_view word) {
    if (t_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool Hex4(unsigned* cp) {
    if (i_ + 4 > t_.size()) return false;
    *cp = std::strtoul(std::string(t_.substr(i_, 4)).c_str(), nullptr, 16);
    i_ += 4;
    return true;
  }
  bool String(std::string* out) {
    if (i_ >= t_.size() || t_[i_] != '"') return false;
    ++i_;
    while (i_ < t_.size() && t_[i_] != '"') {
      char c = t_[i_++];
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (i_ >= t_.size()) return false;
      c = t_[i_++];
      switch (c) {
        case 'n': out->push_back('\n'); break;
        case 't': out->push_back('\t'); break;
        case 'r': out->push_back('\r'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'u': {
          unsigned cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && Literal("\\u")) {
            unsigned lo;
            if (!Hex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default: out->push_back(c);
      }
    }
    if (i_ >= t_.size()) return false;
    ++i_;
    return true;
  }
  bool Value(JsonValue* v) {
    Skip();
    if (i_ >= t_.size()) return false;
    const char c = t_[i_];
    if (c == '"') {
      v->type = JsonValue::kString;
      return String(&v->str);
    }
    if (c == '{') return Object(v);
    if (c == '[') return Array(v);
    if (Literal("true")) return v->type = JsonValue::kBool, v->boolean = true, true;
    if (Literal("false")) return v->type = JsonValue::kBool, true;
    if (Literal("null")) return true;
    char* end = nullptr;
    const std::string rest(t_.substr(i_, 64));
    v->number = std::strtod(rest.c_str(), &end);
    if (end == rest.c_str()) return false;
    v->type = JsonValue::kNumber;
    i_ += end - rest.c_str();
    return true;
  }
  bool Array(JsonValue* v) {
    v->type = JsonValue::kArray;
    ++i_;
    Skip();
    if (i_ < t_.size() && t_[i_] == ']') return ++i_, true;
    while (true) {
      v->items.emplace_back();
      if (!Value(&v->items.back())) return false;
      Skip();
      if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
      if (i_ < t_.size() && t_[i_] == ']') return ++i_, true;
      return false;
    }
  }
  bool Object(JsonValue* v) {
    v->type = JsonValue::kObject;
    ++i_;
    Skip();
    if (i_ < t_.size() && t_[i_] == '}') return ++i_, true;
    while (true) {
      Skip();
      std::string key;
      if (!String(&key)) return false;
      Skip();
      if (i_ >= t_.size() || t_[i_] != ':') return false;
      ++i_;
      if (!Value(&v->fields[key])) return false;
      Skip();
      if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
      if (i_ < t_.size() && t_[i_] == '}') return ++i_, true;
      return false;
    }
  }

  std::string_view t_;
  size_t i_ = 0;
};

}  // namespace

const JsonValue& JsonValue::Get(const std::string& key) const {
  static const JsonValue* kNullValue = new JsonValue();
  auto it = fields.find(key);
  return it == fields.end() ? *kNullValue : it->second;
}

bool ParseJson(std::string_view text, JsonValue* out) {
  return Parser(text).ParseAll(out);
}

}  // namespace kg::testing
