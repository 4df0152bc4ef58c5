// AddBatch: one add-only write to a RocksDbGraphStore (AddFacts,
// ImportFacts, BulkAddFacts), built in flat buffers and sorted once.
//
// The general WriteTxn (rocksdb_write_txn.h) keeps every change in ordered
// maps of strings so that it can also remove evidence; a write that only
// adds does not need that. AddBatch keeps each evidence record as a few
// integers plus two slices of one byte arena, sorts the records once by
// evidence key (which also groups them by fact, in spo order), and emits
// every column family's rows already in key order, either into a
// WriteBatch or straight into table files (row_sink.h). The resulting
// store is row for row what WriteTxn would have written: the same term ids
// (assigned in order of first appearance: subject, predicate, value, fact
// by fact), the same records (the first of equal identities wins; a stored
// record is never changed), the same counters.
//
// Use: Add() every fact (no store reads, so it may run before the writer
// lock is taken), then, holding the store's writer lock, Build() and
// Emit(); after the rows are committed, PublishTerms().
//
// Thread safety: none.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ADD_BATCH_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ADD_BATCH_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "graph_service/store/internal/rocksdb_util.h"
#include "graph_service/store/internal/row_sink.h"
#include "graph_service/store/internal/term_cache.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph::rocksdb_internal {

class AddBatch {
 public:
  // `cfs` must outlive the batch; `cache` (may be null, not owned) answers
  // dictionary lookups. `now_micros` stamps the records; with
  // `keep_ingested_at`, a record's own non-zero ingested_at_micros is kept
  // (imports).
  AddBatch(const rocksdb_util::ColumnFamilies& cfs, TermCache* cache,
           int64_t now_micros, bool keep_ingested_at);
  AddBatch(const AddBatch&) = delete;
  AddBatch& operator=(const AddBatch&) = delete;

  // Optional: makes room for `facts` up front (growing the buffers moves
  // them, and for a big load that is a large part of the cost).
  void Reserve(const std::vector<kg::v1::Fact>& facts);

  // Adds `fact`, which must be valid (ValidateFact); InvalidArgument for a
  // value with no kind. Reads nothing from the store.
  absl::Status Add(const kg::v1::Fact& fact);
  // Content hash to store with `document` (a document that has no stored
  // record yet: replacing nothing is adding). At most one per batch.
  void SetContentHash(absl::string_view document, absl::string_view hash);

  // Reads the committed state (dictionary, stored evidence, index rows,
  // document records, counters), decides every row and fills `stats`
  // (facts_received: distinct facts added; facts_new; evidence_new). The
  // caller holds the store's writer lock from here until the rows are
  // committed. Call once.
  absl::Status Build(WriteStats* stats);

  // After Build: every row, family by family in key order. The sink must
  // then be committed (WriteBatch written, or TableFileSink::Ingest) by
  // the caller.
  absl::Status Emit(RowSink& sink) const;
  // Emit in two halves, each into its own sink, that may run on two
  // threads at once: the records (evidence and documents families, the
  // bulk of the bytes) and the rest (dictionary, indexes, metadata).
  absl::Status EmitRecords(RowSink& sink) const;
  absl::Status EmitTermsAndFacts(RowSink& sink) const;

  // After the commit: caches the terms this write used.
  void PublishTerms() const;

 private:
  // One evidence record of one fact. Before Build the ids are indexes into
  // terms_; Build replaces them by term ids.
  struct Record {
    uint64_t subject;
    uint64_t predicate;
    uint64_t value;
    uint32_t document;     // Index into documents_.
    uint32_t order;        // Position in Add order: the first one wins.
    size_t suffix_begin;   // rocksdb_keys::EvidenceSuffix in arena_.
    uint32_t suffix_size;
    uint32_t value_size;   // The serialized record follows the suffix.
    bool keep = true;      // False: duplicate or already stored.
  };

  uint32_t InternTerm(std::string&& term_bytes);
  uint32_t InternDocument(absl::string_view document);
  absl::string_view Suffix(const Record& r) const {
    return absl::string_view(arena_).substr(r.suffix_begin, r.suffix_size);
  }
  absl::string_view Value(const Record& r) const {
    return absl::string_view(arena_).substr(r.suffix_begin + r.suffix_size,
                                            r.value_size);
  }
  absl::Status ResolveTerms();
  void SortAndDedupe(WriteStats* stats);
  absl::Status DropStoredRecords();
  absl::Status FindNewFacts(WriteStats* stats);
  absl::Status CountDocuments();
  absl::Status CountTotals();
  bool UsesNewTerm(const Record& r) const {
    return r.subject > stored_terms_ || r.predicate > stored_terms_ ||
           r.value > stored_terms_;
  }
  absl::Status EmitDictionary(RowSink& sink) const;
  absl::Status EmitIndexes(RowSink& sink) const;
  absl::Status EmitEvidence(RowSink& sink) const;
  absl::Status EmitDocuments(RowSink& sink) const;
  absl::Status EmitMetadata(RowSink& sink) const;

  const rocksdb_util::ColumnFamilies& cfs_;
  TermCache* const cache_;
  const int64_t now_micros_;
  const bool keep_ingested_at_;

  // The batch's distinct terms (encoded) in order of first appearance;
  // the deque keeps them in place for the map's views.
  std::deque<std::string> terms_;
  absl::flat_hash_map<absl::string_view, uint32_t> term_index_;
  std::vector<TermId> term_ids_;  // Per terms_ entry, after Build.
  std::vector<bool> term_is_new_;
  std::deque<std::string> documents_;
  absl::flat_hash_map<absl::string_view, uint32_t> document_index_;
  std::string arena_;
  std::vector<Record> records_;
  kg::v1::Evidence scratch_;

  // Decided by Build.
  uint64_t stored_terms_ = 0;
  uint64_t new_terms_ = 0;
  std::vector<IdTriple> new_facts_;  // In spo order.
  uint64_t evidence_new_ = 0;
  uint64_t new_documents_ = 0;  // Documents giving their first record.
  // Per documents_ entry: records this write adds, and the "D" row value
  // (stored count and content hash updated).
  std::vector<uint64_t> document_added_;
  std::vector<std::string> document_rows_;
  std::map<std::string, std::string> metadata_rows_;
  std::string hashed_document_;  // SetContentHash's, if called.
  std::string content_hash_;
};

}  // namespace kg::graph::rocksdb_internal

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ADD_BATCH_H_
