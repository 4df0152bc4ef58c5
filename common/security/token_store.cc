#include "common/security/token_store.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kg::security {

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kWriter:
      return "writer";
    case Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  if (name == "reader") return Role::kReader;
  if (name == "writer") return Role::kWriter;
  if (name == "admin") return Role::kAdmin;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown role '", name, "' (expected reader, writer or admin)"));
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  // Lengths are compared too, but the loop always runs over all of `b`.
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < b.size(); ++i) {
    const unsigned char left =
        a.empty() ? 0 : static_cast<unsigned char>(a[i % a.size()]);
    difference |= left ^ static_cast<unsigned char>(b[i]);
  }
  return difference == 0;
}

absl::StatusOr<TokenStore> TokenStore::Parse(absl::string_view text,
                                             absl::string_view source_name) {
  TokenStore store;
  absl::flat_hash_set<std::string> seen;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = absl::StrCat(source_name, ":", line_number);
    // TOKEN, ROLE, then the rest of the line as NAME; any run of spaces and
    // tabs separates them (docs/security.md pads the columns).
    std::vector<absl::string_view> fields;
    absl::string_view rest = line;
    while (fields.size() < 2 && !rest.empty()) {
      const size_t end = rest.find_first_of(" \t");
      fields.push_back(rest.substr(0, end));
      rest = end == absl::string_view::npos ? absl::string_view()
                                            : rest.substr(end);
      rest = absl::StripLeadingAsciiWhitespace(rest);
    }
    if (!rest.empty()) fields.push_back(rest);
    if (fields.size() < 3) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": expected 'TOKEN ROLE NAME'"));
    }
    if (fields[0].size() < kMinTokenBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": token shorter than ", kMinTokenBytes, " bytes"));
    }
    absl::StatusOr<Role> role = ParseRole(fields[1]);
    if (!role.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": ", role.status().message()));
    }
    if (!seen.insert(std::string(fields[0])).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": the same token appears twice"));
    }
    Entry entry;
    entry.token = std::string(fields[0]);
    entry.caller.role = *role;
    entry.caller.name = std::string(absl::StripAsciiWhitespace(fields[2]));
    store.entries_.push_back(std::move(entry));
  }
  if (store.entries_.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": no tokens"));
  }
  return store;
}

absl::StatusOr<TokenStore> TokenStore::Load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::NotFoundError(
        absl::StrCat("cannot read token file ", path));
  }
  std::stringstream text;
  text << file.rdbuf();
  return Parse(text.str(), path);
}

absl::StatusOr<Caller> TokenStore::Authenticate(absl::string_view token) const {
  const Caller* found = nullptr;
  for (const Entry& entry : entries_) {
    // No early exit: every entry is compared whatever matched before.
    if (ConstantTimeEquals(token, entry.token)) found = &entry.caller;
  }
  if (found == nullptr) {
    return absl::UnauthenticatedError("unknown bearer token");
  }
  return *found;
}

absl::StatusOr<Caller> TokenStore::Authorize(absl::string_view authorization,
                                             Role needed,
                                             absl::string_view what) const {
  if (authorization.empty()) {
    return absl::UnauthenticatedError(absl::StrCat(
        what, " needs a token: send metadata 'authorization: Bearer TOKEN'"));
  }
  absl::string_view token = authorization;
  if (!absl::StartsWithIgnoreCase(token, "bearer ")) {
    return absl::UnauthenticatedError(
        "malformed authorization metadata: expected 'Bearer TOKEN'");
  }
  token = absl::StripAsciiWhitespace(token.substr(7));
  absl::StatusOr<Caller> caller = Authenticate(token);
  if (!caller.ok()) return caller.status();
  if (!RoleAllows(caller->role, needed)) {
    return absl::PermissionDeniedError(absl::StrCat(
        what, " needs role ", RoleName(needed), "; caller '", caller->name,
        "' has role ", RoleName(caller->role)));
  }
  return caller;
}

}  // namespace kg::security
