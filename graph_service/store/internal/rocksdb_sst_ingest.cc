#include "graph_service/store/internal/rocksdb_sst_ingest.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rocksdb/env.h"
#include "rocksdb/sst_file_writer.h"

namespace kg::graph::rocksdb_internal {
namespace {

using rocksdb_util::FromRocksDb;

// Key -> value (nullopt: deletion), per column family id.
using CfWrites = std::map<uint32_t, std::map<std::string, std::optional<std::string>>>;

class Collector : public rocksdb::WriteBatch::Handler {
 public:
  explicit Collector(CfWrites* out) : out_(out) {}
  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
    (*out_)[cf][key.ToString()] = value.ToString();
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    (*out_)[cf][key.ToString()] = std::nullopt;
    return rocksdb::Status::OK();
  }

 private:
  CfWrites* out_;
};

std::vector<rocksdb::ColumnFamilyHandle*> AllFamilies(
    const rocksdb_util::ColumnFamilies& cfs) {
  return {cfs.dictionary, cfs.spo,       cfs.pos,     cfs.osp,
          cfs.evidence,   cfs.documents, cfs.metadata};
}

// Writes `writes` (sorted) to the table file `path`.
absl::Status WriteTable(
    const rocksdb_util::ColumnFamilies& cfs, rocksdb::ColumnFamilyHandle* cf,
    const std::map<std::string, std::optional<std::string>>& writes,
    const std::string& path) {
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), cfs.db->GetOptions(cf),
                                cf);
  RETURN_IF_ERROR(FromRocksDb(writer.Open(path), "open table file", path));
  for (const auto& [key, value] : writes) {
    const rocksdb::Status s = value.has_value() ? writer.Put(key, *value)
                                                : writer.Delete(key);
    RETURN_IF_ERROR(FromRocksDb(s, "write table file", path));
  }
  return FromRocksDb(writer.Finish(), "finish table file", path);
}

}  // namespace

absl::Status IngestBatchAsFiles(const rocksdb_util::ColumnFamilies& cfs,
                                const rocksdb::WriteBatch& batch,
                                const std::string& scratch_dir) {
  static std::atomic<uint64_t> sequence{0};
  CfWrites writes;
  Collector collector(&writes);
  RETURN_IF_ERROR(FromRocksDb(batch.Iterate(&collector), "iterate", cfs.path));
  rocksdb::Env* env = rocksdb::Env::Default();
  RETURN_IF_ERROR(FromRocksDb(env->CreateDirIfMissing(scratch_dir),
                              "create directory", scratch_dir));
  const uint64_t load = sequence.fetch_add(1);
  std::vector<rocksdb::IngestExternalFileArg> args;
  std::vector<std::string> files;
  absl::Status status;
  for (rocksdb::ColumnFamilyHandle* cf : AllFamilies(cfs)) {
    auto it = writes.find(cf->GetID());
    if (it == writes.end() || it->second.empty()) continue;
    const std::string path =
        absl::StrCat(scratch_dir, "/bulk-", load, "-", cf->GetName(), ".sst");
    files.push_back(path);
    status = WriteTable(cfs, cf, it->second, path);
    if (!status.ok()) break;
    rocksdb::IngestExternalFileArg& arg = args.emplace_back();
    arg.column_family = cf;
    arg.external_files = {path};
    arg.options.move_files = true;
  }
  if (status.ok() && !args.empty()) {
    status = FromRocksDb(cfs.db->IngestExternalFiles(args), "ingest", cfs.path);
  }
  for (const std::string& file : files) {
    env->DeleteFile(file).PermitUncheckedError();  // Moved files are gone.
  }
  return status;
}

}  // namespace kg::graph::rocksdb_internal
