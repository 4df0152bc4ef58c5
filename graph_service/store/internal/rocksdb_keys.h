// Key and value layouts of RocksDbGraphStore (see rocksdb_graph_store.h for
// the overview). Pure byte manipulation, no RocksDB dependency. The layouts
// are persistent: change them only with a schema version bump.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_KEYS_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_KEYS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph::rocksdb_keys {

inline constexpr size_t kIdBytes = 8;
inline constexpr size_t kTripleBytes = 3 * kIdBytes;

// Fixed-width big-endian integers (byte order == numeric order).
void AppendU64(uint64_t v, std::string* out);
void AppendU32(uint32_t v, std::string* out);
// Reads a big-endian uint64 from the first 8 bytes; false if too short.
bool ReadU64(absl::string_view in, uint64_t* v);
std::string EncodeU64(uint64_t v);

// ---- dictionary CF ----
// "T" + term bytes -> id (8 bytes); "I" + id -> term bytes.
std::string TermToIdKey(absl::string_view term_bytes);
std::string IdToTermKey(TermId id);

// ---- index CFs ----
enum class Index { kSpo, kPos, kOsp };
// The 24-byte key of `t` in `index` (ids in that index's order).
std::string IndexKey(Index index, const IdTriple& t);
// Appends IndexKey(index, t) to `out`.
void AppendIndexKey(Index index, const IdTriple& t, std::string* out);
// Prefix of `index` keys holding the first `bound` ids of `t` in index order.
std::string IndexPrefix(Index index, const IdTriple& t, int bound);
// Inverse of IndexKey; Internal error when `key` is not 24 bytes.
absl::StatusOr<IdTriple> DecodeIndexKey(Index index, absl::string_view key);

// The index and key prefix answering `pattern` with one prefix scan: the
// prefix holds exactly the pattern's bound ids. S?? SP? SPO use spo; ?P?
// ?PO use pos; ??O S?O use osp; ??? scans all of spo (empty prefix).
struct PrefixScan {
  Index index;
  std::string prefix;
};
PrefixScan PlanScan(const IdTriple& pattern);

// ---- evidence CF ----
// Evidence identity within a fact: (document, byte_begin, byte_end, rule),
// encoded as u32 len(document) + document + u32 byte_begin + u32 byte_end +
// rule. The evidence CF key is IndexKey(kSpo, fact) + EvidenceSuffix.
std::string EvidenceSuffix(const kg::v1::Evidence& e);
std::string EvidenceKey(const IdTriple& fact, const kg::v1::Evidence& e);
// The document named in an evidence suffix; InvalidArgument if malformed.
absl::StatusOr<std::string> DocumentOfSuffix(absl::string_view suffix);

// ---- documents CF ----
// "D" + document -> DocumentRecord; "E" + u32 len(document) + document +
// evidence key -> "" (one row per evidence record the document gives).
std::string DocumentKey(absl::string_view document);
inline constexpr absl::string_view kDocumentKeyPrefix = "D";
std::string DocumentEvidencePrefix(absl::string_view document);
struct DocumentRecord {
  uint64_t evidence_count = 0;
  std::string content_hash;
};
std::string EncodeDocumentRecord(const DocumentRecord& r);
absl::StatusOr<DocumentRecord> DecodeDocumentRecord(absl::string_view v);

// ---- history CF ----
// u64 retracted_at_micros + evidence CF key -> the serialized record as it
// was stored (retracted_at_micros unset in the value; the key holds it).
// Ordered by retraction time, so a retention purge is one range delete.
std::string HistoryKey(int64_t retracted_at_micros,
                       absl::string_view evidence_key);
inline constexpr size_t kHistoryTimeBytes = 8;

// ---- metadata CF ----
// "schema" -> kSchemaVersion; "count/<name>" -> u64 (facts, evidence,
// documents, terms, history); "history/complete_from" -> u64; "pred/" + predicate id
// -> u64 facts with that predicate (absent when zero).
inline constexpr absl::string_view kSchemaKey = "schema";
// Schema 2 added the history CF and the history counters; a schema-1 store
// is migrated on open (RocksDbGraphStore::Open).
inline constexpr absl::string_view kSchemaVersion = "kg-rocksdb-graph-store/2";
inline constexpr absl::string_view kSchemaVersion1 = "kg-rocksdb-graph-store/1";
inline constexpr absl::string_view kFactsCounter = "count/facts";
inline constexpr absl::string_view kEvidenceCounter = "count/evidence";
inline constexpr absl::string_view kDocumentsCounter = "count/documents";
inline constexpr absl::string_view kTermsCounter = "count/terms";
inline constexpr absl::string_view kHistoryCounter = "count/history";
// u64: HistoryInfo::complete_from_micros (absent: 0).
inline constexpr absl::string_view kHistoryCompleteFromKey =
    "history/complete_from";
inline constexpr absl::string_view kPredicateCounterPrefix = "pred/";
std::string PredicateCounterKey(TermId predicate);

}  // namespace kg::graph::rocksdb_keys

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_ROCKSDB_KEYS_H_
