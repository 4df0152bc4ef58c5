// WriteTxn: one atomic write to a RocksDbGraphStore.
//
// Collects dictionary, evidence and document changes in memory, reading the
// committed state from the DB underneath; Commit() derives the fact-level
// consequences (index rows, fact/evidence/document/term counters, facts per
// predicate) and applies everything as ONE rocksdb::WriteBatch.
//
// Thread safety: none. The caller must hold the store's writer lock from
// construction to Commit(), so that the DB does not change underneath.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_WRITE_TXN_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_WRITE_TXN_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "graph_service/store/internal/term_cache.h"
#include "kg/v1/fact.pb.h"
#include "rocksdb/write_batch.h"

namespace kg::graph::rocksdb_internal {

// Rows of a write, per column family, emitted into a WriteBatch sorted by
// key: a memtable (skip list) takes sorted inserts far more cheaply than
// scattered ones (it reuses its insertion point). Within a column family,
// rows with equal keys keep their order.
class SortedRows {
 public:
  rocksdb::Status Put(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                      const rocksdb::Slice& value);
  rocksdb::Status Delete(rocksdb::ColumnFamilyHandle* cf,
                         const rocksdb::Slice& key);
  // Appends every row to `batch`, column family by column family.
  rocksdb::Status AppendTo(rocksdb::WriteBatch* batch);

 private:
  struct Row {
    std::string key;
    std::string value;
    bool is_delete = false;
  };
  std::map<rocksdb::ColumnFamilyHandle*, std::vector<Row>> rows_;
};

class WriteTxn {
 public:
  // `cfs` must outlive the transaction. `now_micros` stamps new evidence;
  // with `keep_ingested_at`, a record that already carries a non-zero
  // ingested_at_micros keeps it (imports). `cache` (may be null; not
  // owned) answers dictionary lookups; Commit() adds the terms it used.
  WriteTxn(const rocksdb_util::ColumnFamilies& cfs, int64_t now_micros,
           bool keep_ingested_at = false, TermCache* cache = nullptr);

  // Optional: reads the dictionary entries of all terms of `facts` that the
  // cache does not answer in one batched lookup, so that InternFact needs
  // no point reads.
  absl::Status PrefetchTerms(const std::vector<kg::v1::Fact>& facts);

  // Optional: reads the stored evidence under `keys` in one batched lookup
  // (keys of facts that are new in this transaction are skipped: they
  // cannot have stored evidence).
  absl::Status PrefetchEvidence(const std::vector<std::string>& keys);

  // Whether `fact` uses a term this transaction added (then the fact, and
  // any evidence of it, cannot be stored yet).
  bool IsNewFact(const IdTriple& fact) const;

  WriteTxn(const WriteTxn&) = delete;
  WriteTxn& operator=(const WriteTxn&) = delete;

  // Ids of the fact's subject (as an entity), predicate and value; terms not
  // yet in the dictionary get fresh ids that Commit() stores.
  absl::StatusOr<IdTriple> InternFact(const kg::v1::Fact& fact);

  // Adds evidence `e` to `fact`. If a record with the same identity
  // (document, byte_begin, byte_end, rule) exists it is kept; when
  // `update_changed` is set and its other fields differ it is overwritten
  // (with a fresh ingested_at). Returns true iff a new record was added.
  absl::StatusOr<bool> PutEvidence(const IdTriple& fact,
                                   const kg::v1::Evidence& e,
                                   bool update_changed);

  // Removes the evidence record stored under the evidence CF key `key`.
  // Returns false if there is no such record. The committed record (like
  // one PutEvidence overwrites) is kept in the history CF, retracted at
  // the transaction's now_micros.
  absl::StatusOr<bool> RemoveEvidence(absl::string_view key);

  // Content hash to store with `document` (kept only while the document has
  // evidence).
  void SetContentHash(absl::string_view document, absl::string_view hash);

  // Writes everything atomically (WAL synced when `sync`) and adds the
  // fact/evidence deltas to `stats`. The transaction is spent afterwards.
  // Without `sync`, the batch is in the WAL file (it survives a process
  // crash) and visible, but not yet durable against a machine crash until
  // the caller syncs the WAL.
  absl::Status Commit(bool sync, WriteStats* stats);

 private:
  // Turns the collected changes into batch_ and counts into `stats`.
  absl::Status Build(WriteStats* stats);
  absl::StatusOr<TermId> InternTerm(const std::string& term_bytes);
  absl::StatusOr<TermId> NewTermId();
  // Puts the terms this transaction used into the cache (after a commit).
  void PublishTerms();
  absl::StatusOr<std::optional<std::string>> CurrentEvidence(
      const std::string& key);
  absl::Status ApplyEvidence();
  absl::Status ApplyFacts(WriteStats* stats);
  absl::Status ApplyFact(const std::string& spo_key, int64_t delta,
                         WriteStats* stats);
  absl::Status SetFactRows(const std::string& spo_key, bool add,
                           WriteStats* stats);
  absl::Status ApplyDocuments();
  absl::Status ApplyDocument(const std::string& document, int64_t delta);
  absl::Status ApplyCounters();
  absl::Status AddToCounter(absl::string_view key, int64_t delta);

  const rocksdb_util::ColumnFamilies& cfs_;
  const int64_t now_micros_;
  const bool keep_ingested_at_;
  rocksdb::ReadOptions read_options_;
  SortedRows rows_;  // Filled by Build(), then appended to batch_.
  rocksdb::WriteBatch batch_;
  TermCache* const cache_;

  std::optional<uint64_t> terms_;  // Dictionary size, loaded on first use.
  uint64_t stored_terms_ = 0;      // Committed dictionary size (ids <= it).
  std::map<std::string, TermId> new_terms_;
  absl::flat_hash_map<std::string, TermId> known_terms_;  // Stored, read.
  absl::flat_hash_set<std::string> absent_terms_;  // Known not stored.
  // Prefetched evidence CF values (nullopt: absent).
  absl::flat_hash_map<std::string, std::optional<std::string>>
      stored_evidence_;
  // Evidence CF key -> new value, or nullopt for a deletion.
  std::map<std::string, std::optional<std::string>> evidence_;
  // Committed records this transaction removes or overwrites: evidence CF
  // key -> stored value, for the history CF.
  std::map<std::string, std::string> retired_;
  std::map<std::string, int64_t> fact_delta_;      // spo key -> evidence delta
  std::map<std::string, int64_t> document_delta_;  // document -> delta
  std::map<std::string, std::string> content_hash_;
  std::map<TermId, int64_t> predicate_delta_;  // predicate -> facts delta
  int64_t facts_delta_ = 0;
  uint32_t evidence_added_ = 0;
  uint32_t evidence_removed_ = 0;
  int64_t documents_delta_ = 0;
};

}  // namespace kg::graph::rocksdb_internal

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_WRITE_TXN_H_
