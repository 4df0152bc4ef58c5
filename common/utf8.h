// UTF-8 validation and code-point counting, for text from outside.
#ifndef KG_COMMON_UTF8_H_
#define KG_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace kg {

// Returns OK when `text` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF). Otherwise InvalidArgument whose message names the
// byte offset of the first bad byte ("invalid UTF-8 at byte 17").
absl::Status ValidateUtf8(std::string_view text);

// Length in bytes of the UTF-8 sequence starting with lead byte `c`
// (1 for ASCII and for stray continuation bytes).
inline size_t Utf8SequenceLength(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Appends code point `cp` (at most U+10FFFF, not a surrogate) as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);

// Number of code points in valid UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

}  // namespace kg

#endif  // KG_COMMON_UTF8_H_
