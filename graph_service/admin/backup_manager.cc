#include "graph_service/admin/backup_manager.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace kg::graph::admin {
namespace {

namespace fs = std::filesystem;

BackupInfo Describe(const fs::path& dir) {
  BackupInfo info;
  info.name = dir.filename().string();
  std::error_code error;
  info.path = fs::absolute(dir, error).string();
  for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
    if (!entry.is_regular_file(error)) continue;
    ++info.files;
    info.bytes += entry.file_size(error);
  }
  return info;
}

}  // namespace

absl::Status ValidateBackupName(const std::string& name) {
  const bool safe_chars =
      !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return absl::ascii_isalnum(c) || c == '.' || c == '_' || c == '-';
      });
  if (!safe_chars || name == "." || name == ".." || name.size() > 200) {
    return absl::InvalidArgumentError(absl::StrCat(
        "backup name '", absl::CHexEscape(name),
        "' must be 1-200 letters, digits, '.', '_' or '-' (not . or ..)"));
  }
  return absl::OkStatus();
}

BackupManager::BackupManager(CheckpointFn checkpoint, std::string backup_root)
    : checkpoint_(std::move(checkpoint)), backup_root_(std::move(backup_root)) {}

absl::StatusOr<BackupResult> BackupManager::Backup(const std::string& name) {
  if (backup_root_.empty()) {
    return absl::FailedPreconditionError(
        "backups are off: start graph_server with --backup_dir");
  }
  const std::string chosen =
      name.empty() ? absl::FormatTime("backup-%Y%m%dT%H%M%SZ", absl::Now(),
                                      absl::UTCTimeZone())
                   : name;
  if (absl::Status valid = ValidateBackupName(chosen); !valid.ok()) {
    return valid;
  }
  absl::MutexLock lock(&mu_);
  std::error_code error;
  fs::create_directories(backup_root_, error);
  if (error) {
    return absl::InternalError(
        absl::StrCat("cannot create ", backup_root_, ": ", error.message()));
  }
  const fs::path dir = fs::path(backup_root_) / chosen;
  if (fs::exists(dir, error)) {
    return absl::AlreadyExistsError(
        absl::StrCat("backup '", chosen, "' already exists"));
  }
  const absl::Time start = absl::Now();
  if (absl::Status status = checkpoint_(dir.string()); !status.ok()) {
    return status;
  }
  BackupResult result;
  result.duration = absl::Now() - start;
  result.backup = Describe(dir);
  return result;
}

absl::StatusOr<std::vector<BackupInfo>> BackupManager::ListBackups() const {
  if (backup_root_.empty()) {
    return absl::FailedPreconditionError(
        "backups are off: start graph_server with --backup_dir");
  }
  std::vector<BackupInfo> backups;
  std::error_code error;
  if (!fs::exists(backup_root_, error)) return backups;
  for (const auto& entry : fs::directory_iterator(backup_root_, error)) {
    if (entry.is_directory(error) && fs::exists(entry.path() / "CURRENT")) {
      backups.push_back(Describe(entry.path()));
    }
  }
  std::sort(backups.begin(), backups.end(),
            [](const BackupInfo& a, const BackupInfo& b) {
              return a.name < b.name;
            });
  return backups;
}

}  // namespace kg::graph::admin
