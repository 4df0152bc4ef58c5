#include "common/flag_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kg {
namespace {

absl::Status Problem(const FlagPath& p, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("--", p.flag, "=", p.path, ": ", what));
}

absl::Status Check(const FlagPath& p) {
  struct stat info;
  if (stat(p.path.c_str(), &info) != 0) return Problem(p, std::strerror(errno));
  if (p.kind == FlagPath::Kind::kDirectory) {
    if (!S_ISDIR(info.st_mode)) return Problem(p, "not a directory");
    return absl::OkStatus();
  }
  if (S_ISDIR(info.st_mode)) return Problem(p, "is a directory, not a file");
  // Opening is the only reliable test of "readable" (root, ACLs).
  const int fd = open(p.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Problem(p, std::strerror(errno));
  close(fd);
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckFlagPaths(const std::vector<FlagPath>& paths) {
  for (const FlagPath& p : paths) {
    if (p.path.empty()) continue;
    if (absl::Status s = Check(p); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace kg
