// A stable content fingerprint (64-bit FNV-1a, hex). Stable across runs,
// builds and machines, unlike absl::Hash; used to recognise a retried or
// unchanged batch, not for security.
#ifndef KG_COMMON_CONTENT_HASH_H_
#define KG_COMMON_CONTENT_HASH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kg {

// 16 lowercase hex digits.
std::string ContentHash(absl::string_view bytes);

}  // namespace kg

#endif  // KG_COMMON_CONTENT_HASH_H_
