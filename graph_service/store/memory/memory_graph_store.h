// MemoryGraphStore: a GraphStore held entirely in memory.
//
// Same semantics as the RocksDB store (see graph_store.h) without
// durability: writes are visible when the call returns and lost with the
// object. Meant for query tests and as an embedded store for small graphs
// (in the spirit of leveldb's helpers/memenv).
//
// Thread safety: safe for concurrent use. Writes take an exclusive lock;
// reads a shared one. Scan copies the matching triples under the lock and
// calls `visit` after releasing it, so a visitor may call back into the
// store (nested scans of a join) and sees the state as of the Scan call.
#ifndef KG_GRAPH_SERVICE_STORE_MEMORY_MEMORY_GRAPH_STORE_H_
#define KG_GRAPH_SERVICE_STORE_MEMORY_MEMORY_GRAPH_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

class MemoryGraphStore : public GraphStore {
 public:
  MemoryGraphStore() = default;
  MemoryGraphStore(const MemoryGraphStore&) = delete;
  MemoryGraphStore& operator=(const MemoryGraphStore&) = delete;

  absl::StatusOr<WriteStats> ReplaceDocument(
      absl::string_view document_id, absl::string_view content_hash,
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> AddFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> ImportFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> DeleteDocument(
      absl::string_view document_id) override;

  absl::StatusOr<TermId> LookupValue(
      const kg::v1::Value& value) const override;
  absl::StatusOr<TermId> LookupPredicate(
      absl::string_view predicate) const override;
  absl::StatusOr<kg::v1::Value> DecodeValue(TermId id) const override;
  absl::StatusOr<std::string> DecodePredicate(TermId id) const override;

  absl::Status Scan(
      const IdPattern& pattern,
      const std::function<bool(const IdTriple&)>& visit) const override;
  // Exact: the number of facts matching `pattern` (linear in that number).
  uint64_t EstimateCount(const IdPattern& pattern) const override;

  absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact) const override;
  absl::StatusOr<std::vector<std::string>> ListDocuments() const override;
  absl::StatusOr<std::vector<DocumentInfo>> ListDocumentInfo() const override;
  absl::StatusOr<std::vector<kg::v1::Fact>> GetDocumentFacts(
      absl::string_view document_id) const override;
  absl::StatusOr<StoreStats> GetStats() const override;

  absl::StatusOr<HistoryInfo> GetHistoryInfo() const override;
  absl::Status ScanHistory(
      int64_t after_micros,
      const std::function<bool(const RetractedEvidence&)>& visit)
      const override;
  absl::StatusOr<uint64_t> PurgeHistory(int64_t before_micros) override;

 private:
  // Three orderings of the same facts: (s,p,o), (p,o,s), (o,s,p). Each
  // pattern's bound positions form a prefix of one of them.
  using Key = std::array<TermId, 3>;
  using Index = std::set<Key>;

  struct DocumentRecord {
    std::string content_hash;
    // Facts holding evidence from this document.
    std::set<Key> facts;
  };

  // One evidence record, with the fact (s,p,o) it supports.
  struct PendingEvidence {
    Key fact;
    kg::v1::Evidence evidence;
  };

  // Dictionary keys: a type tag byte, then the spelling.
  static absl::StatusOr<std::string> ValueKey(const kg::v1::Value& value);
  static std::string PredicateKey(absl::string_view predicate);
  // Inverse of ValueKey; NotFound for a predicate or malformed key.
  static absl::StatusOr<kg::v1::Value> ValueFromKey(const std::string& key);

  // AddFacts and ImportFacts; `keep_time` keeps non-zero ingested_at.
  absl::StatusOr<WriteStats> Add(const std::vector<kg::v1::Fact>& facts,
                                 bool keep_time);

  TermId FindTerm(const std::string& key) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  TermId InternTerm(const std::string& key) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Interns the terms of `facts` (already checked by ValidateFact),
  // producing one entry per evidence record. Interns nothing on error.
  absl::StatusOr<std::vector<PendingEvidence>> Prepare(
      const std::vector<kg::v1::Fact>& facts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Adds one evidence record unless an identical one (document, byte
  // offsets, rule) exists; counts into `stats`.
  void AddEvidence(const PendingEvidence& pending, int64_t now_micros,
                   bool keep_time, WriteStats* stats) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Removes the evidence of `document_id` from `fact` (all of it, or only
  // records not in `keep`); retracts the fact when none is left.
  // Removed records go to history_, retracted at `now_micros`.
  void RemoveEvidence(const Key& fact, absl::string_view document_id,
                      const std::set<std::string>* keep, int64_t now_micros,
                      WriteStats* stats)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void InsertFact(const Key& spo) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EraseFact(const Key& spo) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Calls `fn` for every fact matching `pattern`, found by a prefix scan of
  // the index that serves it, until `fn` returns false.
  void ForEachMatch(const IdPattern& pattern,
                    const std::function<bool(const IdTriple&)>& fn) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  // Term dictionary; ids are 1-based positions in terms_.
  absl::flat_hash_map<std::string, TermId> term_ids_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> terms_ ABSL_GUARDED_BY(mu_);
  Index spo_ ABSL_GUARDED_BY(mu_);
  Index pos_ ABSL_GUARDED_BY(mu_);
  Index osp_ ABSL_GUARDED_BY(mu_);
  std::map<Key, std::vector<kg::v1::Evidence>> evidence_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, DocumentRecord> documents_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<TermId, uint64_t> facts_per_predicate_
      ABSL_GUARDED_BY(mu_);
  uint64_t evidence_count_ ABSL_GUARDED_BY(mu_) = 0;
  // Ordered by retracted_at (writes stamp strictly increasing times).
  std::vector<RetractedEvidence> history_ ABSL_GUARDED_BY(mu_);
  int64_t history_complete_from_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t last_write_micros_ ABSL_GUARDED_BY(mu_) = 0;
  // The time of a write: now, but strictly after the previous write.
  int64_t NextWriteMicros() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_STORE_MEMORY_MEMORY_GRAPH_STORE_H_
