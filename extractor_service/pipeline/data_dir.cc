#include "extractor_service/pipeline/data_dir.h"

#include <sys/stat.h>

#include <cstdlib>

namespace kg::extractor {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

std::string DefaultDataDir(const char* argv0) {
  constexpr char kRelative[] = "kg/extractor_service/data";
  if (argv0 != nullptr && *argv0 != '\0') {
    const std::string runfiles = std::string(argv0) + ".runfiles/" + kRelative;
    if (IsDirectory(runfiles)) return runfiles;
  }
  if (const char* dir = std::getenv("RUNFILES_DIR"); dir != nullptr) {
    const std::string runfiles = std::string(dir) + "/" + kRelative;
    if (IsDirectory(runfiles)) return runfiles;
  }
  return "extractor_service/data";
}

}  // namespace kg::extractor
