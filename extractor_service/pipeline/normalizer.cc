#include "extractor_service/pipeline/normalizer.h"

#include "common/utf8.h"

namespace kg::extractor {
namespace {

// ASCII replacement for code point `cp`, or nullptr to keep it.
const char* Replacement(uint32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return "-";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A:
    case 0x202F: case 0x3000:
      return " ";
    case 0x2026:
      return "...";
    case 0x00AD: case 0x200B: case 0xFEFF:
      return "";
    default:
      return nullptr;
  }
}

uint32_t Decode(const unsigned char* s, size_t len) {
  if (len == 1) return s[0];
  uint32_t cp = s[0] & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[k] & 0x3F);
  return cp;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view original)
    : original_(original) {
  text_.reserve(original.size());
  to_original_.reserve(original.size());
  const auto* s = reinterpret_cast<const unsigned char*>(original.data());
  size_t i = 0;
  while (i < original.size()) {
    size_t len = Utf8SequenceLength(s[i]);
    if (i + len > original.size()) len = original.size() - i;
    const char* rep = len > 1 ? Replacement(Decode(s + i, len)) : nullptr;
    if (rep != nullptr) {
      for (const char* p = rep; *p != '\0'; ++p) {
        text_.push_back(*p);
        to_original_.push_back(static_cast<uint32_t>(i));
      }
    } else {
      for (size_t k = 0; k < len; ++k) {
        text_.push_back(original[i + k]);
        to_original_.push_back(static_cast<uint32_t>(i + k));
      }
    }
    i += len;
  }
}

uint32_t NormalizedText::ToOriginal(uint32_t pos) const {
  if (pos >= to_original_.size()) return static_cast<uint32_t>(original_.size());
  return to_original_[pos];
}

std::string_view NormalizedText::OriginalSlice(uint32_t begin,
                                               uint32_t end) const {
  const uint32_t b = ToOriginal(begin);
  const uint32_t e = ToOriginal(end);
  return original_.substr(b, e > b ? e - b : 0);
}

}  // namespace kg::extractor
