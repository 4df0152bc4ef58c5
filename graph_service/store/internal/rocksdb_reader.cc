#include "graph_service/store/internal/rocksdb_reader.h"

namespace kg::graph {

RocksDbStoreReader::RocksDbStoreReader(const rocksdb_util::ColumnFamilies& cfs)
    : cfs_(cfs), snapshot_(cfs.db->GetSnapshot()) {
  read_options_.snapshot = snapshot_;
  families_ = {cfs_.spo, cfs_.pos, cfs_.osp, cfs_.evidence};
  iterators_.resize(families_.size());
}

RocksDbStoreReader::~RocksDbStoreReader() {
  iterators_.clear();  // Before the snapshot they read.
  cfs_.db->ReleaseSnapshot(snapshot_);
}

auto RocksDbStoreReader::ReusedScan() {
  return [this](rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
                const std::function<bool(absl::string_view, absl::string_view)>&
                    visit) { return ScanPrefix(cf, prefix, visit); };
}

absl::Status RocksDbStoreReader::ScanPrefix(
    rocksdb::ColumnFamilyHandle* cf, absl::string_view prefix,
    const std::function<bool(absl::string_view, absl::string_view)>& visit) {
  size_t slot = 0;
  while (families_[slot] != cf) ++slot;
  std::unique_ptr<rocksdb::Iterator>& it = iterators_[slot];
  if (it == nullptr) it.reset(cfs_.db->NewIterator(read_options_, cf));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid();
       it->Next()) {
    const absl::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!visit(key, absl::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return rocksdb_util::FromRocksDb(it->status(), "scan", cfs_.path);
}

absl::Status RocksDbStoreReader::Scan(
    const IdPattern& pattern,
    const std::function<bool(const IdTriple&)>& visit) {
  return rocksdb_util::ScanFacts(cfs_, ReusedScan(), pattern, visit);
}

absl::StatusOr<std::vector<kg::v1::Evidence>> RocksDbStoreReader::GetEvidence(
    const IdTriple& fact, size_t max_records, bool* more) {
  return rocksdb_util::ReadEvidence(cfs_, ReusedScan(), fact, max_records,
                                    more);
}

}  // namespace kg::graph
