#include "graph_service/store/internal/row_sink.h"

#include <atomic>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rocksdb/env.h"

namespace kg::graph::rocksdb_internal {
namespace {

using rocksdb_util::FromRocksDb;

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

}  // namespace

absl::Status WriteBatchSink::StartFamily(rocksdb::ColumnFamilyHandle* cf) {
  cf_ = cf;
  return absl::OkStatus();
}

absl::Status WriteBatchSink::Put(absl::string_view key,
                                 absl::string_view value) {
  return FromRocksDb(batch_->Put(cf_, ToSlice(key), ToSlice(value)), "batch",
                     cfs_.path);
}

TableFileSink::TableFileSink(const rocksdb_util::ColumnFamilies& cfs,
                             std::string scratch_dir)
    : cfs_(cfs), scratch_dir_(std::move(scratch_dir)) {}

TableFileSink::~TableFileSink() {
  rocksdb::Env* env = rocksdb::Env::Default();
  for (const std::string& file : files_) {
    env->DeleteFile(file).PermitUncheckedError();  // Ingested files moved.
  }
}

absl::Status TableFileSink::StartFamily(rocksdb::ColumnFamilyHandle* cf) {
  RETURN_IF_ERROR(FinishFile());
  if (files_.empty()) {
    RETURN_IF_ERROR(FromRocksDb(
        rocksdb::Env::Default()->CreateDirIfMissing(scratch_dir_),
        "create directory", scratch_dir_));
  }
  // Unique across sinks of this process; a crashed load's leftovers are
  // overwritten, never ingested (only files written by this sink are).
  static std::atomic<uint64_t> sequence{0};
  const std::string path = absl::StrCat(scratch_dir_, "/bulk-",
                                        sequence.fetch_add(1), "-",
                                        cf->GetName(), ".sst");
  writer_ = std::make_unique<rocksdb::SstFileWriter>(
      rocksdb::EnvOptions(), cfs_.db->GetOptions(cf), cf);
  files_.push_back(path);
  cf_ = cf;
  wrote_row_ = false;
  return FromRocksDb(writer_->Open(path), "open table file", path);
}

absl::Status TableFileSink::Put(absl::string_view key,
                                absl::string_view value) {
  wrote_row_ = true;
  return FromRocksDb(writer_->Put(ToSlice(key), ToSlice(value)),
                     "write table file", files_.back());
}

// Finishes the current family's file; a family without rows gets none.
absl::Status TableFileSink::FinishFile() {
  if (writer_ == nullptr) return absl::OkStatus();
  std::unique_ptr<rocksdb::SstFileWriter> writer = std::move(writer_);
  if (!wrote_row_) return absl::OkStatus();
  RETURN_IF_ERROR(
      FromRocksDb(writer->Finish(), "finish table file", files_.back()));
  rocksdb::IngestExternalFileArg& arg = args_.emplace_back();
  arg.column_family = cf_;
  arg.external_files = {files_.back()};
  arg.options.move_files = true;
  return absl::OkStatus();
}

absl::Status TableFileSink::Ingest(const std::vector<TableFileSink*>& others) {
  RETURN_IF_ERROR(FinishFile());
  std::vector<rocksdb::IngestExternalFileArg> args = args_;
  for (TableFileSink* other : others) {
    RETURN_IF_ERROR(other->FinishFile());
    args.insert(args.end(), other->args_.begin(), other->args_.end());
  }
  if (args.empty()) return absl::OkStatus();
  return FromRocksDb(cfs_.db->IngestExternalFiles(args), "ingest", cfs_.path);
}

}  // namespace kg::graph::rocksdb_internal
