// Start-up checks of the files and folders named by command-line flags.
// A server checks every one before it starts anything, so that a typo in a
// path is a one-line error naming the flag and the path (and the process
// exits with status 2, a usage error), not a crash or a server that runs
// without part of its configuration.
#ifndef KG_COMMON_FLAG_FILES_H_
#define KG_COMMON_FLAG_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace kg {

struct FlagPath {
  enum class Kind { kReadableFile, kDirectory };
  std::string flag;  // "tls_cert", without the dashes
  std::string path;  // empty: the flag is unset, nothing to check
  Kind kind = Kind::kReadableFile;
};

// OK when every set path is a readable regular file or a directory, as its
// kind asks. Otherwise InvalidArgument for the first one that is not:
// "--tls_cert=/etc/kg/cert.pem: No such file or directory".
absl::Status CheckFlagPaths(const std::vector<FlagPath>& paths);

// The exit status for a command line that cannot be honoured.
inline constexpr int kExitUsage = 2;

}  // namespace kg

#endif  // KG_COMMON_FLAG_FILES_H_
