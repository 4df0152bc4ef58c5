// RowSink: where a finished write's rows go, column family by column
// family, each family's rows in ascending key order. Two sinks share the
// producer (AddBatch): a rocksdb::WriteBatch (the logged, memtable path)
// and sorted table files ingested with one IngestExternalFiles call (the
// bulk path, as Oxigraph's bulk loader does: the rows bypass the memtable
// and the WAL and land in the LSM tree directly).
//
// Thread safety: none; one producer per sink.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ROW_SINK_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ROW_SINK_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/write_batch.h"

namespace kg::graph::rocksdb_internal {

class RowSink {
 public:
  virtual ~RowSink() = default;
  // Starts the rows of `cf`. Each family at most once per sink.
  virtual absl::Status StartFamily(rocksdb::ColumnFamilyHandle* cf) = 0;
  // The next row of the current family: its key is greater than the
  // previous row's (the table file sink refuses anything else).
  virtual absl::Status Put(absl::string_view key, absl::string_view value) = 0;
};

// Appends the rows to a WriteBatch the caller owns and writes.
class WriteBatchSink final : public RowSink {
 public:
  WriteBatchSink(const rocksdb_util::ColumnFamilies& cfs,
                 rocksdb::WriteBatch* batch)
      : cfs_(cfs), batch_(batch) {}
  absl::Status StartFamily(rocksdb::ColumnFamilyHandle* cf) override;
  absl::Status Put(absl::string_view key, absl::string_view value) override;

 private:
  const rocksdb_util::ColumnFamilies& cfs_;
  rocksdb::WriteBatch* const batch_;
  rocksdb::ColumnFamilyHandle* cf_ = nullptr;
};

// Writes one table file per family under `scratch_dir` (created if
// missing); Ingest() moves them all into the DB atomically. Files not
// ingested are removed when the sink goes. The caller must hold the store's
// writer lock from the first row to Ingest().
class TableFileSink final : public RowSink {
 public:
  TableFileSink(const rocksdb_util::ColumnFamilies& cfs,
                std::string scratch_dir);
  ~TableFileSink() override;
  TableFileSink(const TableFileSink&) = delete;
  TableFileSink& operator=(const TableFileSink&) = delete;

  absl::Status StartFamily(rocksdb::ColumnFamilyHandle* cf) override;
  absl::Status Put(absl::string_view key, absl::string_view value) override;
  // Finishes the files, and those of `others` (sinks of the same store
  // whose families differ from this one's), and ingests them all with ONE
  // IngestExternalFiles call: all or nothing, durable (files and manifest
  // synced) on OK.
  absl::Status Ingest(const std::vector<TableFileSink*>& others = {});

 private:
  absl::Status FinishFile();

  const rocksdb_util::ColumnFamilies& cfs_;
  const std::string scratch_dir_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  rocksdb::ColumnFamilyHandle* cf_ = nullptr;
  bool wrote_row_ = false;
  std::vector<rocksdb::IngestExternalFileArg> args_;
  std::vector<std::string> files_;  // Every file created, for cleanup.
};

}  // namespace kg::graph::rocksdb_internal

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ROW_SINK_H_
