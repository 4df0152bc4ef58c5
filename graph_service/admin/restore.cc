#include "graph_service/admin/restore.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace kg::graph::admin {
namespace {

namespace fs = std::filesystem;

absl::Status FromErrorCode(const std::error_code& error,
                           const std::string& context) {
  if (!error) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(context, ": ", error.message()));
}

}  // namespace

absl::Status RestoreCheckpoint(const std::string& backup_dir,
                               const std::string& db_path) {
  std::error_code error;
  if (!fs::exists(fs::path(backup_dir) / "CURRENT", error)) {
    return absl::NotFoundError(
        absl::StrCat(backup_dir, " is not a backup (no RocksDB CURRENT file)"));
  }
  if (fs::exists(db_path, error) && !fs::is_empty(db_path, error)) {
    return absl::FailedPreconditionError(absl::StrCat(
        db_path, " exists and is not empty; restore into a fresh directory"));
  }
  const fs::path target = fs::path(db_path).lexically_normal();
  const fs::path staging =
      target.parent_path() / absl::StrCat(".", target.filename().string(),
                                          ".restoring");
  fs::remove_all(staging, error);
  fs::create_directories(staging, error);
  absl::Status status = FromErrorCode(error, absl::StrCat("create ", staging.string()));
  if (!status.ok()) return status;
  fs::copy(backup_dir, staging, fs::copy_options::recursive, error);
  status = FromErrorCode(error, absl::StrCat("copy ", backup_dir));
  if (status.ok()) {
    fs::remove(target, error);  // An empty directory, if any.
    fs::rename(staging, target, error);
    status = FromErrorCode(error, absl::StrCat("rename into ", db_path));
  }
  if (!status.ok()) fs::remove_all(staging, error);
  return status;
}

}  // namespace kg::graph::admin
