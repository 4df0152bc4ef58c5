#include "graph_service/store/internal/rocksdb_util.h"

#include <memory>
#include <set>
#include <string>
#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "rocksdb/write_buffer_manager.h"

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
    kEvidenceCf,   kDocumentsCf, kMetadataCf, kHistoryCf,
};

// Tuned for the store's access pattern: many point reads that miss (new
// terms, new evidence, new facts) and bulk-ish write batches.
//  - Whole-key bloom filters in table files and in the memtable, so a miss
//    costs a hash probe instead of a search of every level.
//  - Larger, more numerous memtables, so a load flushes less often and
//    writes do not stall behind a flush (the write buffer manager, not
//    these sizes, bounds their total).
//  - Index and filter blocks live in the shared cache instead of beside
//    every open table file, so their memory is part of the budget rather
//    than growing unaccounted with the number of files. They are pinned
//    there (held by their table reader): unpinned, every read and every
//    write's existence check paid a cache lookup for them (at 1M facts:
//    load 29.9k vs 35.9k facts/s pinned, subject p50 744 vs 405 us; one
//    noisy A/B, see docs/benchmarks.md).
rocksdb::ColumnFamilyOptions MakeCfOptions(
    const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions cf;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.metadata_cache_options.unpartitioned_pinning =
      rocksdb::PinningTier::kAll;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf.memtable_prefix_bloom_size_ratio = 0.1;
  cf.memtable_whole_key_filtering = true;
  cf.write_buffer_size = size_t{64} << 20;
  cf.max_write_buffer_number = 4;
  cf.level0_slowdown_writes_trigger = 30;
  cf.level0_stop_writes_trigger = 40;
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

absl::Status OpenDb(const std::string& path, size_t memory_budget_bytes,
                    std::unique_ptr<rocksdb::DB>* db,
                    std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                    std::shared_ptr<rocksdb::Cache>* cache) {
  if (memory_budget_bytes < kMinMemoryBudgetBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "RocksDB memory budget of ", memory_budget_bytes, " bytes for ", path,
        " is below the minimum of ", kMinMemoryBudgetBytes));
  }
  // One cache holds data blocks, index and filter blocks, and (as
  // reservations) the memtables, so RocksDB's memory stays near the budget
  // however long the server runs. High-priority entries (index, filter)
  // may take up to half of it.
  *cache = rocksdb::NewLRUCache(memory_budget_bytes, /*num_shard_bits=*/-1,
                                /*strict_capacity_limit=*/false,
                                /*high_pri_pool_ratio=*/0.5);
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = 4;
  // Seven column families share one WAL; bound its total size so that the
  // rarely written ones (metadata) do not pin old logs forever.
  db_options.max_total_wal_size = uint64_t{256} << 20;
  // Memtables may take half of the budget; past it the largest is flushed.
  db_options.write_buffer_manager =
      std::make_shared<rocksdb::WriteBufferManager>(memory_budget_bytes / 2,
                                                    *cache);
  rocksdb::DB* raw_db = nullptr;
  RETURN_IF_ERROR(FromRocksDb(
      rocksdb::DB::Open(db_options, path,
                        Descriptors(path, MakeCfOptions(*cache)),
                        handles, &raw_db),
      "open", path));
  db->reset(raw_db);
  return absl::OkStatus();
}

void BindColumnFamilies(rocksdb::DB* db, const std::string& path,
                        const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                        ColumnFamilies* cfs) {
  cfs->db = db;
  cfs->path = path;
  const std::map<std::string, rocksdb::ColumnFamilyHandle**> slots = {
      {kDictionaryCf, &cfs->dictionary}, {kSpoCf, &cfs->spo},
      {kPosCf, &cfs->pos},               {kOspCf, &cfs->osp},
      {kEvidenceCf, &cfs->evidence},     {kDocumentsCf, &cfs->documents},
      {kMetadataCf, &cfs->metadata},     {kHistoryCf, &cfs->history},
  };
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    if (auto it = slots.find(h->GetName()); it != slots.end()) *it->second = h;
  }
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

absl::StatusOr<std::vector<std::optional<std::string>>> MultiGet(
    const ColumnFamilies& cfs, const rocksdb::ReadOptions& ro,
    rocksdb::ColumnFamilyHandle* cf, const std::vector<std::string>& keys) {
  std::vector<std::optional<std::string>> out(keys.size());
  if (keys.empty()) return out;
  std::vector<rocksdb::Slice> slices;
  slices.reserve(keys.size());
  for (const std::string& key : keys) slices.emplace_back(key);
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  cfs.db->MultiGet(ro, cf, keys.size(), slices.data(), values.data(),
                   statuses.data());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    if (!statuses[i].ok()) return FromRocksDb(statuses[i], "multiget", cfs.path);
    out[i].emplace(values[i].data(), values[i].size());
  }
  return out;
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
  // An upper bound lets RocksDB stop at the end of the prefix instead of
  // positioning on the next key (possibly in another file) after it.
  rocksdb::ReadOptions bounded = ro;
  std::string limit(prefix);
  while (!limit.empty() && static_cast<unsigned char>(limit.back()) == 0xFF) {
    limit.pop_back();
  }
  rocksdb::Slice upper;
  if (!limit.empty()) {
    limit.back() = static_cast<char>(static_cast<unsigned char>(limit.back()) + 1);
    upper = rocksdb::Slice(limit);
    if (bounded.iterate_upper_bound == nullptr) {
      bounded.iterate_upper_bound = &upper;
    }
  }
  std::unique_ptr<rocksdb::Iterator> it(cfs.db->NewIterator(bounded, cf));
  for (it->Seek(ToSlice(prefix)); it->Valid(); it->Next()) {
    const absl::string_view key = ToView(it->key());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!visit(key, ToView(it->value()))) break;
  }
  return FromRocksDb(it->status(), "scan", cfs.path);
}

rocksdb::ColumnFamilyHandle* IndexFamily(const ColumnFamilies& cfs,
                                         rocksdb_keys::Index index) {
  switch (index) {
    case rocksdb_keys::Index::kSpo:
      return cfs.spo;
    case rocksdb_keys::Index::kPos:
      return cfs.pos;
    case rocksdb_keys::Index::kOsp:
      return cfs.osp;
  }
  return cfs.osp;
}

absl::Status ScanFacts(const ColumnFamilies& cfs, PrefixScanFn scan,
                       const IdPattern& pattern,
                       const std::function<bool(const IdTriple&)>& visit) {
  const rocksdb_keys::PrefixScan plan = rocksdb_keys::PlanScan(pattern);
  absl::Status decode_status;
  RETURN_IF_ERROR(scan(IndexFamily(cfs, plan.index), plan.prefix,
                       [&](absl::string_view key, absl::string_view) {
                         absl::StatusOr<IdTriple> t =
                             rocksdb_keys::DecodeIndexKey(plan.index, key);
                         if (!t.ok()) {
                           decode_status = t.status();
                           return false;
                         }
                         return visit(*t);
                       }));
  return decode_status;
}

absl::StatusOr<std::vector<kg::v1::Evidence>> ReadEvidence(
    const ColumnFamilies& cfs, PrefixScanFn scan, const IdTriple& fact,
    size_t max_records, bool* more) {
  std::vector<kg::v1::Evidence> out;
  *more = false;
  if (fact.subject == kNoTerm || fact.predicate == kNoTerm ||
      fact.value == kNoTerm) {
    return out;
  }
  bool parsed = true;
  RETURN_IF_ERROR(scan(
      cfs.evidence, rocksdb_keys::IndexKey(rocksdb_keys::Index::kSpo, fact),
      [&](absl::string_view, absl::string_view value) {
        if (out.size() == max_records) {
          *more = true;
          return false;
        }
        parsed = out.emplace_back().ParseFromArray(
            value.data(), static_cast<int>(value.size()));
        return parsed;
      }));
  if (!parsed) {
    return absl::DataLossError(
        absl::StrCat("unparsable evidence record in ", cfs.path));
  }
  return out;
}

}  // namespace kg::graph::rocksdb_util
