// Small RocksDB helpers shared by RocksDbGraphStore and its write
// transaction: the column family set, rocksdb::Status -> absl::Status, and
// point/prefix reads that report every failure as a Status.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_UTIL_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "kg/v1/fact.pb.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"

namespace kg::graph::rocksdb_util {

// Column family names, in the order Open creates them.
inline constexpr const char* kDictionaryCf = "dictionary";
inline constexpr const char* kSpoCf = "spo";
inline constexpr const char* kPosCf = "pos";
inline constexpr const char* kOspCf = "osp";
inline constexpr const char* kEvidenceCf = "evidence";
inline constexpr const char* kDocumentsCf = "documents";
inline constexpr const char* kMetadataCf = "metadata";
inline constexpr const char* kHistoryCf = "history";

// Borrowed handles of an open store; owned by RocksDbGraphStore.
struct ColumnFamilies {
  rocksdb::DB* db = nullptr;
  std::string path;  // For error messages.
  rocksdb::ColumnFamilyHandle* dictionary = nullptr;
  rocksdb::ColumnFamilyHandle* spo = nullptr;
  rocksdb::ColumnFamilyHandle* pos = nullptr;
  rocksdb::ColumnFamilyHandle* osp = nullptr;
  rocksdb::ColumnFamilyHandle* evidence = nullptr;
  rocksdb::ColumnFamilyHandle* documents = nullptr;
  rocksdb::ColumnFamilyHandle* metadata = nullptr;
  rocksdb::ColumnFamilyHandle* history = nullptr;
};

// The one place rocksdb::Status becomes absl::Status. `what` names the
// operation; the message carries `path` and RocksDB's own text. OK maps to
// OK; NotFound, InvalidArgument, Aborted keep their meaning; Corruption is
// DataLoss; IOError, Busy, TimedOut, TryAgain, ShutdownInProgress are
// Unavailable; NotSupported is FailedPrecondition; the rest is Internal.
absl::Status FromRocksDb(const rocksdb::Status& s, absl::string_view what,
                         absl::string_view path);

// Smallest memory budget OpenDb accepts: below it the memtables (half the
// budget) flush so often that writes stall.
inline constexpr size_t kMinMemoryBudgetBytes = size_t{16} << 20;

// Opens (creating if missing) the DB at `path` with the store's column
// families, plus any other family already in it. All families share one
// LRU cache of `memory_budget_bytes` that holds data, index and filter
// blocks and is charged for the memtables (at most half of it), returned in
// `cache` for usage figures. InvalidArgument below kMinMemoryBudgetBytes.
absl::Status OpenDb(const std::string& path, size_t memory_budget_bytes,
                    std::unique_ptr<rocksdb::DB>* db,
                    std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                    std::shared_ptr<rocksdb::Cache>* cache);

// Points `cfs`'s family fields at the handles of those names (others are
// ignored) and sets its db and path.
void BindColumnFamilies(rocksdb::DB* db, const std::string& path,
                        const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                        ColumnFamilies* cfs);

// Value of `key`, or nullopt if absent. Errors other than NotFound returned.
absl::StatusOr<std::optional<std::string>> Get(
    const ColumnFamilies& cfs, const rocksdb::ReadOptions& ro,
    rocksdb::ColumnFamilyHandle* cf, absl::string_view key);

// Values of `keys` in `cf`, nullopt where absent: one batched lookup
// (rocksdb MultiGet). Errors other than NotFound returned.
absl::StatusOr<std::vector<std::optional<std::string>>> MultiGet(
    const ColumnFamilies& cfs, const rocksdb::ReadOptions& ro,
    rocksdb::ColumnFamilyHandle* cf, const std::vector<std::string>& keys);

// A u64 counter from the metadata CF; 0 when absent.
absl::StatusOr<uint64_t> GetCounter(const ColumnFamilies& cfs,
                                    const rocksdb::ReadOptions& ro,
                                    absl::string_view key);

// Calls `visit(key, value)` for every key starting with `prefix`, in key
// order, until it returns false. Returns the iterator's status.
absl::Status ScanPrefix(
    const ColumnFamilies& cfs, const rocksdb::ReadOptions& ro,
    rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
    const std::function<bool(absl::string_view, absl::string_view)>& visit);

// A prefix scan of one column family, as ScanPrefix: the store's (a fresh
// iterator each) or a StoreReader's (iterators reused on one snapshot).
using PrefixScanFn = absl::FunctionRef<absl::Status(
    rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
    const std::function<bool(absl::string_view, absl::string_view)>& visit)>;

// ScanPrefix with a fresh iterator for each scan, on default read options.
struct FreshIteratorScan {
  const ColumnFamilies& cfs;
  absl::Status operator()(
      rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
      const std::function<bool(absl::string_view, absl::string_view)>& visit)
      const {
    return ScanPrefix(cfs, rocksdb::ReadOptions(), cf, prefix, visit);
  }
};

// The column family holding `index`'s keys.
rocksdb::ColumnFamilyHandle* IndexFamily(const ColumnFamilies& cfs,
                                         rocksdb_keys::Index index);

// Calls `visit` for every stored fact matching `pattern`, in index order,
// until it returns false: one prefix scan (through `scan`) of the index
// PlanScan picks. Internal when a key does not decode.
absl::Status ScanFacts(const ColumnFamilies& cfs, PrefixScanFn scan,
                       const IdPattern& pattern,
                       const std::function<bool(const IdTriple&)>& visit);

// The first `max_records` evidence records of `fact` in key order (none for
// a fact with an unset id), read through `scan`; `*more` tells whether it
// has others. DataLoss naming the store for a record that does not parse.
absl::StatusOr<std::vector<kg::v1::Evidence>> ReadEvidence(
    const ColumnFamilies& cfs, PrefixScanFn scan, const IdTriple& fact,
    size_t max_records, bool* more);

}  // namespace kg::graph::rocksdb_util

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_UTIL_H_
