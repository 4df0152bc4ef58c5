// The RocksDB StoreReader: one iterator per column family, opened on first
// use and re-sought for every later scan, all on one snapshot. A graph walk
// makes a thousand small scans; opening an iterator for each (a merge over
// every level's files) cost more than the scan itself.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_READER_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_READER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "kg/v1/fact.pb.h"
#include "rocksdb/db.h"

namespace kg::graph {

class RocksDbStoreReader final : public StoreReader {
 public:
  // `cfs` (its DB and handles) must outlive the reader.
  explicit RocksDbStoreReader(const rocksdb_util::ColumnFamilies& cfs);
  ~RocksDbStoreReader() override;
  RocksDbStoreReader(const RocksDbStoreReader&) = delete;
  RocksDbStoreReader& operator=(const RocksDbStoreReader&) = delete;

  absl::Status Scan(const IdPattern& pattern,
                    const std::function<bool(const IdTriple&)>& visit) override;
  absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact, size_t max_records, bool* more) override;

 private:
  // ScanPrefix as a rocksdb_util::PrefixScanFn.
  auto ReusedScan();
  // Calls `visit` for every key of `cf` starting with `prefix` until it
  // returns false, on the family's reused iterator.
  absl::Status ScanPrefix(
      rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
      const std::function<bool(absl::string_view, absl::string_view)>& visit);

  const rocksdb_util::ColumnFamilies cfs_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions read_options_;
  // Indexed by the column family's position in `families_`.
  std::vector<rocksdb::ColumnFamilyHandle*> families_;
  std::vector<std::unique_ptr<rocksdb::Iterator>> iterators_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_READER_H_
