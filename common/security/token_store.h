// Bearer tokens and the roles they grant. gRPC-free.
//
// A token file has one token per line: `TOKEN ROLE NAME`, where ROLE is
// reader, writer or admin and NAME (the rest of the line) names the caller
// in logs. Blank lines and lines starting with '#' are ignored. Roles nest:
// a writer may do what a reader may, an admin everything.
//
// Tokens are secrets: no message, log line or error produced here contains
// one (errors name the file and the line number only), and lookups compare
// every stored token in constant time.
#ifndef KG_COMMON_SECURITY_TOKEN_STORE_H_
#define KG_COMMON_SECURITY_TOKEN_STORE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::security {

enum class Role { kReader = 1, kWriter = 2, kAdmin = 3 };

// "reader", "writer", "admin".
absl::string_view RoleName(Role role);
// InvalidArgument for any other spelling.
absl::StatusOr<Role> ParseRole(absl::string_view name);

// True when `granted` includes `needed`.
inline bool RoleAllows(Role granted, Role needed) {
  return static_cast<int>(granted) >= static_cast<int>(needed);
}

struct Caller {
  std::string name;
  Role role = Role::kReader;
};

// Immutable after construction; thread-safe.
class TokenStore {
 public:
  // Parses the text of a token file. InvalidArgument naming the line for a
  // malformed line, an unknown role, a token shorter than kMinTokenBytes or
  // a duplicate token; InvalidArgument for a file with no token at all.
  static absl::StatusOr<TokenStore> Parse(absl::string_view text,
                                          absl::string_view source_name);
  // Reads and parses `path`. NotFound / PermissionDenied when unreadable.
  static absl::StatusOr<TokenStore> Load(const std::string& path);

  // The caller whose token is `token`; Unauthenticated otherwise. Runs in
  // time independent of which token (if any) matches.
  absl::StatusOr<Caller> Authenticate(absl::string_view token) const;

  // Authenticates the value of an `authorization` header
  // ("Bearer TOKEN", scheme case-insensitive) and checks the caller's role.
  // Unauthenticated when the header is missing, malformed or the token
  // unknown; PermissionDenied when the role is too low (the message names
  // the caller and both roles).
  absl::StatusOr<Caller> Authorize(absl::string_view authorization,
                                   Role needed,
                                   absl::string_view what) const;

  size_t size() const { return entries_.size(); }

  static constexpr size_t kMinTokenBytes = 16;

 private:
  struct Entry {
    std::string token;
    Caller caller;
  };
  std::vector<Entry> entries_;
};

// Compares without an early exit, so the time taken does not reveal how
// much of `a` matched `b`.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_TOKEN_STORE_H_
