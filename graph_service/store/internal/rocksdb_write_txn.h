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

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "kg/v1/fact.pb.h"
#include "rocksdb/write_batch.h"

namespace kg::graph::rocksdb_internal {

class WriteTxn {
 public:
  // `cfs` must outlive the transaction. `now_micros` stamps new evidence;
  // with `keep_ingested_at`, a record that already carries a non-zero
  // ingested_at_micros keeps it (imports).
  WriteTxn(const rocksdb_util::ColumnFamilies& cfs, int64_t now_micros,
           bool keep_ingested_at = false);

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
  // Returns false if there is no such record.
  absl::StatusOr<bool> RemoveEvidence(absl::string_view key);

  // Content hash to store with `document` (kept only while the document has
  // evidence).
  void SetContentHash(absl::string_view document, absl::string_view hash);

  // Writes everything atomically (WAL synced when `sync`) and adds the
  // fact/evidence deltas to `stats`. The transaction is spent afterwards.
  absl::Status Commit(bool sync, WriteStats* stats);

  // Like Commit, but writes the changes as one sorted table file per column
  // family under `scratch_dir` (created if missing, files removed after)
  // and ingests them with one atomic IngestExternalFiles call: the bulk
  // path. The resulting DB state is the same as Commit's; ingested files
  // are durable when this returns.
  absl::Status CommitViaFiles(const std::string& scratch_dir,
                              WriteStats* stats);

 private:
  // Turns the collected changes into batch_ and counts into `stats`.
  absl::Status Build(WriteStats* stats);
  absl::StatusOr<TermId> InternTerm(const std::string& term_bytes);
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
  rocksdb::WriteBatch batch_;

  std::optional<uint64_t> terms_;  // Dictionary size, loaded on first use.
  std::map<std::string, TermId> new_terms_;
  std::map<std::string, TermId> known_terms_;  // Stored terms already read.
  // Evidence CF key -> new value, or nullopt for a deletion.
  std::map<std::string, std::optional<std::string>> evidence_;
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
