// Online snapshots of a RocksDB database and restoring them. gRPC-free.
//
// This is the one place outside graph_service/store/ that uses RocksDB: a
// checkpoint is a property of the database files, not of the graph model.
#ifndef KG_GRAPH_SERVICE_ADMIN_CHECKPOINT_H_
#define KG_GRAPH_SERVICE_ADMIN_CHECKPOINT_H_

#include <functional>
#include <string>

#include "absl/status/status.h"

namespace rocksdb {
class DB;
}  // namespace rocksdb

namespace kg::graph::admin {

// Writes a snapshot of the store into `dir`, which must not exist.
using CheckpointFn = std::function<absl::Status(const std::string& dir)>;

// A CheckpointFn over an open database (not owned; must outlive the
// function). It uses rocksdb::Checkpoint: SST files are hard-linked when
// `dir` is on the same file system, copied otherwise; the WAL is flushed
// first, so the snapshot holds every write acknowledged before the call.
// Safe to call while other threads write. AlreadyExists when `dir` exists;
// Internal / Unavailable for RocksDB errors (the message names `dir`).
CheckpointFn RocksDbCheckpointFn(rocksdb::DB* db);

}  // namespace kg::graph::admin

#endif  // KG_GRAPH_SERVICE_ADMIN_CHECKPOINT_H_
