// GraphStore: where facts and their evidence live. The query engine is
// written against this interface only, so it runs on RocksDB in production
// and on the in-memory store in tests.
//
// Model. Every term (entity, text, integer, decimal, date, and predicate
// names) is dictionary-encoded to a TermId. A fact is the triple
// (subject, predicate, value) of TermIds and is stored once, however many
// documents state it; each statement adds an evidence record. A fact exists
// exactly as long as it has at least one evidence record.
//
// Transaction time. A write that removes evidence (ReplaceDocument dropping
// or changing a record, DeleteDocument) keeps the record as it was in the
// store's history, stamped with the write's time (retracted_at_micros).
// An evidence record was present at time T when ingested_at <= T <
// retracted_at (current records: retracted_at = infinity); a fact, when one
// of its records was. Reads of the past go through AsOfView
// (graph_service/temporal/as_of_view.h); the methods below only list the
// history and purge it.
//
// Thread safety: implementations are safe for concurrent use; writes are
// serialised internally, reads see a consistent state per call.
#ifndef KG_GRAPH_SERVICE_STORE_GRAPH_STORE_H_
#define KG_GRAPH_SERVICE_STORE_GRAPH_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// Dictionary id of a term. 0 is never assigned: it means "no such term" in
// lookups and "any" in patterns.
using TermId = uint64_t;
inline constexpr TermId kNoTerm = 0;

struct IdTriple {
  TermId subject = kNoTerm;
  TermId predicate = kNoTerm;
  TermId value = kNoTerm;

  bool operator==(const IdTriple& o) const {
    return subject == o.subject && predicate == o.predicate && value == o.value;
  }
};

// A triple pattern over ids; kNoTerm in a position matches anything.
using IdPattern = IdTriple;

// What a write did. Counts are of distinct facts.
struct WriteStats {
  uint32_t facts_received = 0;
  uint32_t facts_new = 0;
  uint32_t evidence_new = 0;
  uint32_t facts_retracted = 0;
  uint32_t evidence_removed = 0;
  // ReplaceDocument only: the content hash matched, nothing was written.
  bool unchanged = false;
  // Group commit. 0: the write is durable. Otherwise the store was opened
  // to defer WAL syncs (RocksDbGraphStoreOptions::defer_sync): the write is
  // applied, atomic and visible, but durable only once
  // GraphStore::AwaitDurable(sync_ticket) has returned OK. Never acknowledge
  // such a write as durable before that.
  uint64_t sync_ticket = 0;
};

// Memory the store holds, for operators and the load test. Zero where a
// store has no such part (the in-memory store reports none of it).
struct StoreMemory {
  // The configured bound on the RocksDB figures below.
  uint64_t budget_bytes = 0;
  // The shared cache's usage: data, index and filter blocks, plus the
  // memtables' reservations.
  uint64_t cache_bytes = 0;
  // Memtables of all column families (also counted in cache_bytes).
  uint64_t memtable_bytes = 0;
  // Table readers outside the cache (RocksDB's estimate).
  uint64_t table_reader_bytes = 0;
  // The term dictionary cache and its bound.
  uint64_t term_cache_bytes = 0;
  uint64_t term_cache_budget_bytes = 0;
};

struct StoreStats {
  uint64_t facts = 0;
  uint64_t evidence = 0;
  uint64_t documents = 0;
  uint64_t terms = 0;
  // Facts per predicate name.
  std::vector<std::pair<std::string, uint64_t>> facts_per_predicate;
  StoreMemory memory;
  // Retracted evidence records kept (see HistoryInfo).
  uint64_t history_records = 0;
  int64_t history_complete_from_micros = 0;
};

// What the store's history can answer.
struct HistoryInfo {
  uint64_t records = 0;
  // Reads as of T are exact for T >= this instant. Earlier, records retracted
  // before it may be missing: purged (PurgeHistory), or retracted before the
  // store kept history at all (a store migrated from an older format).
  int64_t complete_from_micros = 0;
  // The time of the store's latest write that added or retracted evidence
  // (0: none since it was opened with history). Reads as of T >= it see the
  // current state.
  int64_t last_write_micros = 0;
};

// One record of the history: `evidence` as it stood before the write at
// evidence.retracted_at_micros() took it away from `fact`.
struct RetractedEvidence {
  IdTriple fact;
  kg::v1::Evidence evidence;
};

// One document with evidence in the store.
struct DocumentInfo {
  std::string document_id;
  // As given with the document's last ReplaceDocument; empty otherwise.
  std::string content_hash;
  // Evidence records the document gives (derived ones included).
  uint64_t evidence = 0;

  bool operator==(const DocumentInfo& o) const {
    return document_id == o.document_id && content_hash == o.content_hash &&
           evidence == o.evidence;
  }
};

// Reads for one search that makes many small scans (graph walks,
// neighbourhoods, paths): the answers of GraphStore::Scan and GetEvidence,
// from iterators opened once and reused, every read seeing the store as it
// stood when the reader was opened. Used by one thread at a time; must not
// outlive the store that opened it.
class StoreReader {
 public:
  virtual ~StoreReader() = default;
  virtual absl::Status Scan(
      const IdPattern& pattern,
      const std::function<bool(const IdTriple&)>& visit) = 0;
  // The first `max_records` evidence records of `fact` in key order;
  // `*more` tells whether it has others.
  virtual absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact, size_t max_records, bool* more) = 0;
};

class GraphStore {
 public:
  virtual ~GraphStore() = default;

  // Makes `facts` the complete fact set of `document_id`, atomically: evidence
  // the document gave before and does not give now is removed (facts left
  // with no evidence disappear), new evidence is added. Every evidence record
  // of `facts` must name `document_id` (else InvalidArgument, nothing
  // written). When `content_hash` is non-empty and equals the hash stored
  // with the document, nothing is written and `unchanged` is set.
  // Facts are validated first (see ValidateFact); one bad fact fails the
  // whole call with InvalidArgument and writes nothing.
  // Returns once the write is durable (WAL synced), or, for a store that
  // defers syncs, with a sync_ticket to AwaitDurable (see WriteStats).
  virtual absl::StatusOr<WriteStats> ReplaceDocument(
      absl::string_view document_id, absl::string_view content_hash,
      const std::vector<kg::v1::Fact>& facts) = 0;

  // Adds facts whose evidence names their own documents (imports, derived
  // facts). Evidence identical to a stored record (same document, offsets
  // and rule) is not added twice. Atomic and durable like ReplaceDocument.
  virtual absl::StatusOr<WriteStats> AddFacts(
      const std::vector<kg::v1::Fact>& facts) = 0;

  // Like AddFacts, except that an evidence record's ingested_at_micros is
  // kept when it is non-zero (restoring an export exactly).
  virtual absl::StatusOr<WriteStats> ImportFacts(
      const std::vector<kg::v1::Fact>& facts) = 0;

  // Same contract and result as AddFacts, for large batches: an
  // implementation may write them by a faster physical path (the RocksDB
  // store writes sorted table files and ingests them atomically). The
  // default is AddFacts.
  virtual absl::StatusOr<WriteStats> BulkAddFacts(
      const std::vector<kg::v1::Fact>& facts) {
    return AddFacts(facts);
  }

  // ImportFacts by BulkAddFacts' physical path. The default is ImportFacts.
  virtual absl::StatusOr<WriteStats> BulkImportFacts(
      const std::vector<kg::v1::Fact>& facts) {
    return ImportFacts(facts);
  }

  // Removes all evidence from `document_id`; facts it alone supported are
  // retracted. NotFound if the document is unknown.
  virtual absl::StatusOr<WriteStats> DeleteDocument(
      absl::string_view document_id) = 0;

  // Id of a term, or kNoTerm when the store has never seen it. Predicates
  // are looked up by LookupPredicate.
  virtual absl::StatusOr<TermId> LookupValue(const kg::v1::Value& value) const = 0;
  virtual absl::StatusOr<TermId> LookupPredicate(
      absl::string_view predicate) const = 0;

  // Inverse of the lookups. NotFound for an unknown id.
  virtual absl::StatusOr<kg::v1::Value> DecodeValue(TermId id) const = 0;
  virtual absl::StatusOr<std::string> DecodePredicate(TermId id) const = 0;

  // Calls `visit` for every stored fact matching `pattern`, in index order,
  // until `visit` returns false. Any pattern with at least one bound position
  // is a single prefix scan.
  virtual absl::Status Scan(
      const IdPattern& pattern,
      const std::function<bool(const IdTriple&)>& visit) const = 0;

  // Estimated number of facts matching `pattern`; cheap, for the planner.
  virtual uint64_t EstimateCount(const IdPattern& pattern) const = 0;

  // Evidence records of a fact (empty if the fact does not exist).
  virtual absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact) const = 0;

  // A reader for a search of many scans. The default forwards each call to
  // Scan and GetEvidence (no shared view); a store whose scans cost an
  // iterator each overrides it.
  virtual std::unique_ptr<StoreReader> OpenReader() const;

  // Ids of the documents with evidence in the store, sorted.
  virtual absl::StatusOr<std::vector<std::string>> ListDocuments() const = 0;

  // The documents with evidence in the store, sorted by id.
  virtual absl::StatusOr<std::vector<DocumentInfo>> ListDocumentInfo()
      const = 0;

  // Every fact `document_id` gives evidence to, each carrying only that
  // document's evidence records, in subject-predicate-value id order.
  // Empty (not an error) for an unknown document.
  virtual absl::StatusOr<std::vector<kg::v1::Fact>> GetDocumentFacts(
      absl::string_view document_id) const = 0;

  virtual absl::StatusOr<StoreStats> GetStats() const = 0;

  // History (see "Transaction time" above). The defaults answer
  // Unimplemented: a store without history cannot be read as of a time.
  virtual absl::StatusOr<HistoryInfo> GetHistoryInfo() const;
  // Calls `visit` for every history record retracted strictly after
  // `after_micros`, oldest retraction first, until it returns false.
  virtual absl::Status ScanHistory(
      int64_t after_micros,
      const std::function<bool(const RetractedEvidence&)>& visit) const;
  // Drops the history records retracted before `before_micros` and moves
  // complete_from_micros up to the latest retraction it dropped (never
  // down): reads as of any later instant did not need them. Returns how
  // many went.
  virtual absl::StatusOr<uint64_t> PurgeHistory(int64_t before_micros);

  // Blocks until the write that returned WriteStats::sync_ticket `ticket`
  // (and every earlier one) is durable. OK at once for ticket 0 and for
  // stores that never defer syncs. An error means durability could not be
  // established: the write must not be acknowledged.
  virtual absl::Status AwaitDurable(uint64_t ticket) {
    (void)ticket;
    return absl::OkStatus();
  }
};

// Distinct (subject, predicate, value) triples among the first `n` of
// `facts` (all of them by default): what WriteStats::facts_received counts.
// Compares the facts in place, without copying or encoding them.
uint32_t CountDistinctFacts(const std::vector<kg::v1::Fact>& facts,
                            size_t n = SIZE_MAX);

// Size limits of what the store accepts (docs/bad_input.md): far above any
// real name, quotation or sentence, low enough that no single fact can make
// an answer or a write batch unmanageable.
inline constexpr size_t kMaxNameBytes = 4096;          // subject, entity, document id
inline constexpr size_t kMaxPredicateBytes = 256;      // predicate, rule
inline constexpr size_t kMaxTextValueBytes = 64 << 10;  // a text value (a quotation)
inline constexpr size_t kMaxSentenceBytes = 1 << 20;    // an evidence sentence

// Checks a fact as the store will accept it: subject and predicate
// non-empty valid UTF-8, predicate lower_snake_case, value set (decimal in
// plain notation, date YYYY-MM-DD), at least one evidence record, every
// confidence in (0, 1], every field within the size limits above.
// InvalidArgument with a message naming the field (and size and limit).
absl::Status ValidateFact(const kg::v1::Fact& fact);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_STORE_GRAPH_STORE_H_
