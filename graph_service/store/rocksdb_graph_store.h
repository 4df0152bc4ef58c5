// RocksDbGraphStore: the production GraphStore, on RocksDB.
//
// Key layout. All integers are fixed-width big-endian, so byte order is
// numeric order; a term id is 8 bytes and never 0. Column families:
//
//   dictionary  "T" + term bytes (term_codec.h) -> id
//               "I" + id                        -> term bytes
//               Ids are dense and assigned in order (n-th term = id n).
//               Terms are never removed: after a delete, the terms the
//               deleted facts used stay in the dictionary (and count in
//               StoreStats::terms); they are invisible otherwise.
//   spo, pos, osp
//               the 24-byte ids of each fact in that order -> "" . Every
//               pattern with a bound position is one prefix scan:
//               S?? SP? SPO on spo; ?P? ?PO on pos; ??O S?O on osp.
//   evidence    spo key + evidence suffix -> serialized kg.v1.Evidence.
//               suffix = u32 len(doc) + doc + u32 byte_begin + u32 byte_end
//               + rule: the identity of a record, so the same (document,
//               offsets, rule) on one fact is one record. A fact exists
//               exactly while it has an evidence row.
//   documents   "D" + doc -> u64 evidence count + content hash;
//               "E" + u32 len(doc) + doc + evidence CF key -> "" (the
//               document's records, for replace and delete). A document is
//               listed while it gives at least one evidence record.
//   history     u64 retracted_at + evidence CF key -> the record as it was
//               before a ReplaceDocument or DeleteDocument took it away
//               (transaction time, graph_store.h); purged by PurgeHistory.
//   metadata    "schema" -> version string; "count/facts", "count/evidence",
//               "count/documents", "count/terms" -> u64; "pred/" + predicate
//               id -> u64 facts with that predicate. A zero counter is
//               deleted, so deleting a document restores this CF exactly.
//
// Every write (ReplaceDocument, AddFacts, ImportFacts, DeleteDocument) is
// one rocksdb::WriteBatch holding the data and the counters together,
// synced when RocksDbGraphStoreOptions::sync_writes is set; BulkAddFacts
// and BulkImportFacts write the same rows as one sorted table file per
// column family, loaded by one atomic IngestExternalFiles call. Writes
// that only add (the add methods, and ReplaceDocument of a document with
// nothing stored) are built by internal/add_batch.h, the others by
// internal/rocksdb_write_txn.h; both leave the same rows.
//
// Durability policy (group commit). With sync_writes, a write appends its
// batch to the WAL under the writer lock WITHOUT syncing, takes a ticket,
// releases the lock and then waits for a WAL sync that began after its
// append (internal/wal_syncer.h). Concurrent writers therefore share one
// fsync, and a write is never reported durable before its own bytes were
// synced: the acknowledgement claim ("durable when the call returns OK")
// is exactly as strong as with a synced rocksdb::Write. The difference is
// visibility: readers (and later writes) may see a batch a few
// milliseconds before its writer is told it is durable; after a machine
// crash such a never-acknowledged batch may be missing, and then so is
// every later batch (the WAL is replayed in order). With defer_sync the
// wait moves to the caller (WriteStats::sync_ticket, AwaitDurable).
//
// Terms are cached in memory (internal/term_cache.h): the whole dictionary
// when it holds at most term_cache_terms terms, so that a write needs no
// dictionary reads at all; only committed terms are cached.
//
// ingested_at_micros is set when a record is first stored, and again when
// a ReplaceDocument changes its sentence, code point offsets or confidence;
// re-ingesting identical evidence leaves it alone.
//
// Thread safety: safe for concurrent use. Writers are serialised by a
// mutex; each read runs on one iterator or snapshot, so it sees one
// committed state.
#ifndef KG_GRAPH_SERVICE_STORE_ROCKSDB_GRAPH_STORE_H_
#define KG_GRAPH_SERVICE_STORE_ROCKSDB_GRAPH_STORE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/internal/add_batch.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "graph_service/store/internal/rocksdb_write_txn.h"
#include "graph_service/store/internal/term_cache.h"
#include "graph_service/store/internal/wal_syncer.h"
#include "kg/v1/fact.pb.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace kg::graph {

struct RocksDbGraphStoreOptions {
  // Directory of the database; created with its column families if missing.
  std::string path;
  // Sync the WAL before a write returns (the GraphStore durability
  // contract). Turn off only for tests and bulk loads that can be redone.
  bool sync_writes = true;
  // Bound on RocksDB's memory: one LRU cache shared by all column families
  // holds data, index and filter blocks and is charged for the memtables
  // (at most half of it). At least rocksdb_util::kMinMemoryBudgetBytes.
  size_t memory_budget_bytes = size_t{256} << 20;
  // With sync_writes: writes return before the WAL sync, with
  // WriteStats::sync_ticket set, and the caller must AwaitDurable(ticket)
  // before acknowledging. Lets one caller pipeline batches (apply batch
  // n+1 while batch n syncs). Off: every write method waits itself.
  bool defer_sync = false;
  // Bounds of the in-memory dictionary cache (both directions): terms, and
  // bytes as TermCache::EntryBytes counts them.
  size_t term_cache_terms = 2'000'000;
  size_t term_cache_bytes = size_t{64} << 20;
};

class RocksDbGraphStore final : public GraphStore {
 public:
  // The on-disk format this build reads and writes ("kg-rocksdb-graph-store/1");
  // a store written in another is refused at Open.
  static absl::string_view SchemaVersion();

  // Opens (creating if needed) the store at `options.path`. InvalidArgument
  // for an empty path; FailedPrecondition when the directory holds a store
  // of another schema version; Unavailable when RocksDB cannot open it
  // (e.g. another process holds the lock); other RocksDB errors mapped as in
  // rocksdb_util::FromRocksDb. Messages name the path.
  static absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> Open(
      const RocksDbGraphStoreOptions& options);

  ~RocksDbGraphStore() override;
  RocksDbGraphStore(const RocksDbGraphStore&) = delete;
  RocksDbGraphStore& operator=(const RocksDbGraphStore&) = delete;

  absl::StatusOr<WriteStats> ReplaceDocument(
      absl::string_view document_id, absl::string_view content_hash,
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> AddFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> ImportFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  // AddFacts computed the same way, written as sorted table files (one per
  // column family, in `path` + ".bulk/", on two threads) ingested by one
  // atomic IngestExternalFiles call. Durable on return whatever
  // sync_writes says.
  absl::StatusOr<WriteStats> BulkAddFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  // ImportFacts computed the same way, written as BulkAddFacts writes.
  absl::StatusOr<WriteStats> BulkImportFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> DeleteDocument(
      absl::string_view document_id) override;

  // InvalidArgument for a Value with no kind set.
  absl::StatusOr<TermId> LookupValue(const kg::v1::Value& value) const override;
  absl::StatusOr<TermId> LookupPredicate(
      absl::string_view predicate) const override;
  // NotFound also when the id names a term of the other kind (a predicate
  // passed to DecodeValue or a value passed to DecodePredicate).
  absl::StatusOr<kg::v1::Value> DecodeValue(TermId id) const override;
  absl::StatusOr<std::string> DecodePredicate(TermId id) const override;

  absl::Status Scan(
      const IdPattern& pattern,
      const std::function<bool(const IdTriple&)>& visit) const override;

  // Exact for the empty pattern and for predicate-only patterns (from the
  // counters). Otherwise counts the pattern's prefix scan up to
  // kEstimateScanCap rows: exact below the cap; at the cap, the predicate's
  // fact count when the predicate is bound, else the cap. 0 on read errors.
  uint64_t EstimateCount(const IdPattern& pattern) const override;
  static constexpr uint64_t kEstimateScanCap = 128;

  absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact) const override;
  // Iterators reused across scans, on one snapshot (internal/rocksdb_reader.h).
  std::unique_ptr<StoreReader> OpenReader() const override;
  absl::StatusOr<std::vector<std::string>> ListDocuments() const override;
  absl::StatusOr<std::vector<DocumentInfo>> ListDocumentInfo() const override;
  absl::StatusOr<std::vector<kg::v1::Fact>> GetDocumentFacts(
      absl::string_view document_id) const override;
  // facts_per_predicate is sorted by predicate name, without zero entries.
  absl::StatusOr<StoreStats> GetStats() const override;

  absl::Status AwaitDurable(uint64_t ticket) override;

  absl::StatusOr<HistoryInfo> GetHistoryInfo() const override;
  absl::Status ScanHistory(
      int64_t after_micros,
      const std::function<bool(const RetractedEvidence&)>& visit)
      const override;
  // One range delete and a compaction of the purged range (the space is
  // free when it returns); synced like other writes.
  absl::StatusOr<uint64_t> PurgeHistory(int64_t before_micros) override;

  // Whether Open migrated a schema-1 store (for the server's log line).
  bool migrated_from_schema1() const { return migrated_from_schema1_; }

  // The underlying database, for administration (checkpoints/backups).
  // Owned by the store; valid while it lives. Do not write through it.
  rocksdb::DB* db() const { return db_.get(); }

 private:
  RocksDbGraphStore(const RocksDbGraphStoreOptions& options,
                    std::shared_ptr<rocksdb::Cache> cache,
                    std::unique_ptr<rocksdb::DB> db,
                    std::vector<rocksdb::ColumnFamilyHandle*> handles);

  enum class AddMode { kNormal, kImport, kBulk, kBulkImport };
  absl::StatusOr<WriteStats> Add(const std::vector<kg::v1::Fact>& facts,
                                 AddMode mode);
  absl::StatusOr<TermId> LookupTerm(const std::string& term_bytes) const;
  absl::StatusOr<std::string> TermBytes(const rocksdb::ReadOptions& ro,
                                        TermId id) const;
  // The document's record, or nullopt if it has no evidence.
  absl::StatusOr<std::optional<rocksdb_keys::DocumentRecord>> ReadDocument(
      absl::string_view document_id) const;
  // Stored evidence CF keys given by `document_id`.
  absl::StatusOr<std::vector<std::string>> DocumentEvidenceKeys(
      absl::string_view document_id) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  absl::StatusOr<uint64_t> CountPrefix(const IdPattern& pattern,
                                       uint64_t cap) const;
  absl::StatusOr<std::vector<kg::v1::Fact>> ReadDocumentFacts(
      const rocksdb::ReadOptions& ro, absl::string_view document_id) const;
  absl::StatusOr<kg::v1::Fact> DecodeFact(const rocksdb::ReadOptions& ro,
                                          const IdTriple& ids) const;
  absl::StatusOr<StoreStats> ReadStats(const rocksdb::ReadOptions& ro) const;
  StoreMemory ReadMemory() const;
  // Fills term_cache_ with the whole dictionary if it fits.
  absl::Status LoadTermCache();
  // Commits `txn` (unsynced when syncs are grouped), taking a sync ticket.
  absl::Status CommitTxn(rocksdb_internal::WriteTxn& txn, WriteStats* stats)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // ReplaceDocument of a document with no stored record (an add), and of
  // one with stored evidence (a WriteTxn that also removes).
  absl::Status WriteFirstVersion(absl::string_view document_id,
                                 absl::string_view content_hash,
                                 const std::vector<kg::v1::Fact>& facts,
                                 WriteStats* stats)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  absl::Status WriteNewVersion(absl::string_view document_id,
                               absl::string_view content_hash,
                               const std::vector<kg::v1::Fact>& facts,
                               WriteStats* stats)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // The bulk commit: `batch`'s rows as table files, ingested atomically.
  absl::Status IngestAsTableFiles(const rocksdb_internal::AddBatch& batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Writes the rows of `batch` (built) as one WriteBatch (unsynced when
  // syncs are grouped), taking a sync ticket.
  absl::Status CommitBatch(const rocksdb_internal::AddBatch& batch,
                           WriteStats* stats)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Waits for the ticket unless the caller asked to defer (defer_sync).
  absl::StatusOr<WriteStats> Finish(WriteStats stats);
  absl::Status MigrateFromSchema1();
  // The history's record count and horizon (last_write_micros unset).
  absl::StatusOr<HistoryInfo> ReadHistoryCounters(
      const rocksdb::ReadOptions& ro) const;
  // The time of a write under the writer lock: now, but strictly after the
  // previous one, so that one record's history keys never collide.
  int64_t NextTxnMicros() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Raises last_write_micros_ to `micros`.
  void NoteWrite(int64_t micros);

  const RocksDbGraphStoreOptions options_;
  // Serialises writers: a write reads committed state, then writes one
  // batch; no other write may land in between. Readers never take it.
  mutable absl::Mutex write_mu_;
  // Declared before db_: the DB must close before its cache goes.
  std::shared_ptr<rocksdb::Cache> cache_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // Owned.
  rocksdb_util::ColumnFamilies cfs_;  // Views of db_ and handles_.
  mutable rocksdb_internal::TermCache term_cache_;
  rocksdb_internal::WalSyncer syncer_;
  int64_t last_txn_micros_ ABSL_GUARDED_BY(write_mu_) = 0;
  std::atomic<int64_t> last_write_micros_{0};
  bool migrated_from_schema1_ = false;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_STORE_ROCKSDB_GRAPH_STORE_H_
