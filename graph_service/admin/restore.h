// Offline restore of a backup (a RocksDB checkpoint directory) into a fresh
// store directory. File operations only: no RocksDB, no gRPC, so the CLI
// and graph_server --restore_from can both use it.
#ifndef KG_GRAPH_SERVICE_ADMIN_RESTORE_H_
#define KG_GRAPH_SERVICE_ADMIN_RESTORE_H_

#include <string>

#include "absl/status/status.h"

namespace kg::graph::admin {

// Makes `db_path` a copy of the checkpoint in `backup_dir`, offline.
// `db_path` must not exist or be an empty directory (FailedPrecondition
// otherwise: a restore never overwrites a store). NotFound when
// `backup_dir` holds no RocksDB CURRENT file. The copy is made in a
// temporary sibling directory and renamed into place, so a failed restore
// leaves no half-written store at `db_path`.
absl::Status RestoreCheckpoint(const std::string& backup_dir,
                               const std::string& db_path);

}  // namespace kg::graph::admin

#endif  // KG_GRAPH_SERVICE_ADMIN_RESTORE_H_
