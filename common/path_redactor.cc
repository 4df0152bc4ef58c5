#include "common/path_redactor.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_replace.h"

namespace kg {

PathRedactor::PathRedactor(
    const std::vector<std::pair<std::string, std::string>>& paths) {
  for (const auto& [path, label] : paths) {
    if (path.empty()) continue;
    paths_.emplace_back(path, label);
    std::error_code error;
    const std::string absolute = std::filesystem::absolute(path, error).string();
    if (!error && absolute != path) paths_.emplace_back(absolute, label);
  }
  std::stable_sort(paths_.begin(), paths_.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
}

std::string PathRedactor::Redact(absl::string_view message) const {
  std::string out(message);
  for (const auto& [path, label] : paths_) {
    out = absl::StrReplaceAll(out, {{path, label}});
  }
  return out;
}

}  // namespace kg
