#include "graph_service/admin/checkpoint.h"

#include <filesystem>
#include <memory>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/checkpoint.h"

namespace kg::graph::admin {
namespace {

namespace fs = std::filesystem;

absl::Status FromRocks(const rocksdb::Status& status,
                       const std::string& context) {
  if (status.ok()) return absl::OkStatus();
  const std::string message = absl::StrCat(context, ": ", status.ToString());
  if (status.IsBusy() || status.IsTryAgain() || status.IsIOError()) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

}  // namespace

CheckpointFn RocksDbCheckpointFn(rocksdb::DB* db) {
  return [db](const std::string& dir) -> absl::Status {
    std::error_code error;
    if (fs::exists(dir, error)) {
      return absl::AlreadyExistsError(absl::StrCat(dir, " already exists"));
    }
    rocksdb::Checkpoint* raw = nullptr;
    absl::Status status =
        FromRocks(rocksdb::Checkpoint::Create(db, &raw), "checkpoint");
    if (!status.ok()) return status;
    std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
    // log_size_for_flush = 0: flush the memtables so the snapshot is all
    // SST files plus a short WAL.
    return FromRocks(checkpoint->CreateCheckpoint(dir, /*log_size_for_flush=*/0),
                     absl::StrCat("checkpoint into ", dir));
  };
}

}  // namespace kg::graph::admin
