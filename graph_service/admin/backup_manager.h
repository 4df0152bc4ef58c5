// BackupManager: named backups under one server-side directory. gRPC-free;
// the snapshot itself is made by a CheckpointFn (checkpoint.h).
//
// Thread-safe: backups are serialised (one at a time), listing may run
// alongside.
#ifndef KG_GRAPH_SERVICE_ADMIN_BACKUP_MANAGER_H_
#define KG_GRAPH_SERVICE_ADMIN_BACKUP_MANAGER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "graph_service/admin/checkpoint.h"

namespace kg::graph::admin {

struct BackupInfo {
  std::string name;
  std::string path;  // Absolute.
  uint64_t bytes = 0;
  uint32_t files = 0;
};

struct BackupResult {
  BackupInfo backup;
  absl::Duration duration;
};

class BackupManager {
 public:
  // `backup_root` may not exist yet (created by the first backup); empty
  // disables backups (FailedPrecondition from Backup and ListBackups).
  BackupManager(CheckpointFn checkpoint, std::string backup_root);

  // Snapshots the store into backup_root/name. An empty name becomes
  // "backup-YYYYMMDDTHHMMSSZ" (UTC, now). InvalidArgument for a name that
  // is not [A-Za-z0-9._-]+ or is "." / ".."; AlreadyExists when taken;
  // the CheckpointFn's errors otherwise.
  absl::StatusOr<BackupResult> Backup(const std::string& name)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Directories under backup_root that hold a RocksDB CURRENT file, sorted
  // by name; empty when backup_root does not exist yet.
  absl::StatusOr<std::vector<BackupInfo>> ListBackups() const;

 private:
  const CheckpointFn checkpoint_;
  const std::string backup_root_;
  absl::Mutex mu_;
};

// InvalidArgument unless `name` is a safe backup directory name.
absl::Status ValidateBackupName(const std::string& name);

}  // namespace kg::graph::admin

#endif  // KG_GRAPH_SERVICE_ADMIN_BACKUP_MANAGER_H_
