#include "graph_service/store/internal/rocksdb_reader.h"

#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/internal/rocksdb_keys.h"

namespace kg::graph {

namespace keys = ::kg::graph::rocksdb_keys;

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
  const keys::PrefixScan plan = keys::PlanScan(pattern);
  rocksdb::ColumnFamilyHandle* cf = plan.index == keys::Index::kSpo   ? cfs_.spo
                                    : plan.index == keys::Index::kPos ? cfs_.pos
                                                                : cfs_.osp;
  absl::Status decode_status;
  RETURN_IF_ERROR(ScanPrefix(cf, plan.prefix,
                             [&](absl::string_view key, absl::string_view) {
                               absl::StatusOr<IdTriple> t =
                                   keys::DecodeIndexKey(plan.index, key);
                               if (!t.ok()) {
                                 decode_status = t.status();
                                 return false;
                               }
                               return visit(*t);
                             }));
  return decode_status;
}

absl::StatusOr<std::vector<kg::v1::Evidence>> RocksDbStoreReader::GetEvidence(
    const IdTriple& fact) {
  bool more = false;
  return GetEvidence(fact, std::numeric_limits<size_t>::max(), &more);
}

absl::StatusOr<std::vector<kg::v1::Evidence>> RocksDbStoreReader::GetEvidence(
    const IdTriple& fact, size_t max_records, bool* more) {
  std::vector<kg::v1::Evidence> out;
  *more = false;
  if (fact.subject == kNoTerm || fact.predicate == kNoTerm ||
      fact.value == kNoTerm) {
    return out;
  }
  bool parsed = true;
  RETURN_IF_ERROR(ScanPrefix(
      cfs_.evidence, keys::IndexKey(keys::Index::kSpo, fact),
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
        absl::StrCat("unparsable evidence record in ", cfs_.path));
  }
  return out;
}

}  // namespace kg::graph
