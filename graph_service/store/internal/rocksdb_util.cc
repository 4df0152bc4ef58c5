#include "graph_service/store/internal/rocksdb_util.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "rocksdb/cache.h"
#include "rocksdb/table.h"

namespace kg::graph::rocksdb_util {
namespace {

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

absl::string_view ToView(const rocksdb::Slice& s) {
  return absl::string_view(s.data(), s.size());
}

constexpr const char* kColumnFamilies[] = {
    kDictionaryCf, kSpoCf,       kPosCf,      kOspCf,
    kEvidenceCf,   kDocumentsCf, kMetadataCf,
};

rocksdb::ColumnFamilyOptions MakeCfOptions(size_t block_cache_bytes) {
  rocksdb::ColumnFamilyOptions cf;
  if (block_cache_bytes > 0) {
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = rocksdb::NewLRUCache(block_cache_bytes);
    cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  }
  return cf;
}

// Descriptors for the store's column families plus any others already in
// the DB (RocksDB refuses to open a DB without all of its families).
std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(
    const std::string& path, const rocksdb::ColumnFamilyOptions& cf) {
  std::set<std::string> names = {rocksdb::kDefaultColumnFamilyName};
  names.insert(std::begin(kColumnFamilies), std::end(kColumnFamilies));
  std::vector<std::string> existing;
  // Fails for a new DB; Open reports any real problem.
  if (rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &existing)
          .ok()) {
    names.insert(existing.begin(), existing.end());
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (const std::string& name : names) out.emplace_back(name, cf);
  return out;
}

}  // namespace

absl::Status FromRocksDb(const rocksdb::Status& s, absl::string_view what,
                         absl::string_view path) {
  if (s.ok()) return absl::OkStatus();
  const std::string msg =
      absl::StrCat("rocksdb ", what, " (", path, "): ", s.ToString());
  switch (s.code()) {
    case rocksdb::Status::kNotFound:
      return absl::NotFoundError(msg);
    case rocksdb::Status::kInvalidArgument:
      return absl::InvalidArgumentError(msg);
    case rocksdb::Status::kAborted:
      return absl::AbortedError(msg);
    case rocksdb::Status::kCorruption:
      return absl::DataLossError(msg);
    case rocksdb::Status::kIOError:
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain:
    case rocksdb::Status::kShutdownInProgress:
      return absl::UnavailableError(msg);
    case rocksdb::Status::kNotSupported:
      return absl::FailedPreconditionError(msg);
    default:
      return absl::InternalError(msg);
  }
}

absl::Status OpenDb(const std::string& path, size_t block_cache_bytes,
                    std::unique_ptr<rocksdb::DB>* db,
                    std::vector<rocksdb::ColumnFamilyHandle*>* handles) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  rocksdb::DB* raw_db = nullptr;
  RETURN_IF_ERROR(FromRocksDb(
      rocksdb::DB::Open(db_options, path,
                        Descriptors(path, MakeCfOptions(block_cache_bytes)),
                        handles, &raw_db),
      "open", path));
  db->reset(raw_db);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> Get(
    const ColumnFamilies& cfs, const rocksdb::ReadOptions& ro,
    rocksdb::ColumnFamilyHandle* cf, absl::string_view key) {
  std::string value;
  const rocksdb::Status s = cfs.db->Get(ro, cf, ToSlice(key), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocksDb(s, "get", cfs.path);
  return std::optional<std::string>(std::move(value));
}

absl::StatusOr<uint64_t> GetCounter(const ColumnFamilies& cfs,
                                    const rocksdb::ReadOptions& ro,
                                    absl::string_view key) {
  absl::StatusOr<std::optional<std::string>> v = Get(cfs, ro, cfs.metadata, key);
  if (!v.ok()) return v.status();
  if (!v->has_value()) return uint64_t{0};
  uint64_t count = 0;
  if ((*v)->size() != rocksdb_keys::kIdBytes ||
      !rocksdb_keys::ReadU64(**v, &count)) {
    return absl::DataLossError(
        absl::StrCat("counter ", key, " is malformed in ", cfs.path));
  }
  return count;
}

absl::Status ScanPrefix(
    const ColumnFamilies& cfs, const rocksdb::ReadOptions& ro,
    rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
    const std::function<bool(absl::string_view, absl::string_view)>& visit) {
  std::unique_ptr<rocksdb::Iterator> it(cfs.db->NewIterator(ro, cf));
  for (it->Seek(ToSlice(prefix)); it->Valid(); it->Next()) {
    const absl::string_view key = ToView(it->key());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!visit(key, ToView(it->value()))) break;
  }
  return FromRocksDb(it->status(), "scan", cfs.path);
}

}  // namespace kg::graph::rocksdb_util
