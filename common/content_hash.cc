#include "common/content_hash.h"

#include <cstdint>

#include "absl/strings/str_format.h"

namespace kg {

std::string ContentHash(absl::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return absl::StrFormat("%016x", hash);
}

}  // namespace kg
