// The bulk write path of RocksDbGraphStore: a finished WriteBatch written
// as sorted table files (one per column family) and ingested atomically,
// as Oxigraph's bulk loader does. The batch bypasses the memtable and the
// write-ahead log and lands in the LSM tree directly, which saves the
// flush and most compaction rewrites for large loads.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_SST_INGEST_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_SST_INGEST_H_

#include <string>

#include "absl/status/status.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "rocksdb/write_batch.h"

namespace kg::graph::rocksdb_internal {

// Applies `batch` (puts and deletes only) to `cfs.db` through table files
// under `scratch_dir` (created if missing; the files are moved into the DB
// or removed). All column families are ingested by ONE IngestExternalFiles
// call, so the change is atomic and, on success, durable. When one key is
// written several times in `batch`, the last write wins, as with
// DB::Write. The caller must hold the store's writer lock.
absl::Status IngestBatchAsFiles(const rocksdb_util::ColumnFamilies& cfs,
                                const rocksdb::WriteBatch& batch,
                                const std::string& scratch_dir);

}  // namespace kg::graph::rocksdb_internal

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_SST_INGEST_H_
