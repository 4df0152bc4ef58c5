#include "graph_service/store/internal/rocksdb_keys.h"

#include <array>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kg::graph::rocksdb_keys {
namespace {

// Ids of `t` in the order `index` stores them.
std::array<TermId, 3> Order(Index index, const IdTriple& t) {
  switch (index) {
    case Index::kPos:
      return {t.predicate, t.value, t.subject};
    case Index::kOsp:
      return {t.value, t.subject, t.predicate};
    case Index::kSpo:
      break;
  }
  return {t.subject, t.predicate, t.value};
}

uint32_t ReadU32(absl::string_view in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in[i]);
  return v;
}

}  // namespace

void AppendU64(uint64_t v, std::string* out) {
  char bytes[8];
  for (int i = 7; i >= 0; --i, v >>= 8) bytes[i] = static_cast<char>(v & 0xFF);
  out->append(bytes, sizeof(bytes));
}

void AppendU32(uint32_t v, std::string* out) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

bool ReadU64(absl::string_view in, uint64_t* v) {
  if (in.size() < kIdBytes) return false;
  uint64_t r = 0;
  for (size_t i = 0; i < kIdBytes; ++i) r = (r << 8) | static_cast<uint8_t>(in[i]);
  *v = r;
  return true;
}

std::string EncodeU64(uint64_t v) {
  std::string out;
  AppendU64(v, &out);
  return out;
}

std::string TermToIdKey(absl::string_view term_bytes) {
  return absl::StrCat("T", term_bytes);
}

std::string IdToTermKey(TermId id) {
  std::string out = "I";
  AppendU64(id, &out);
  return out;
}

std::string IndexKey(Index index, const IdTriple& t) {
  std::string out;
  AppendIndexKey(index, t, &out);
  return out;
}

void AppendIndexKey(Index index, const IdTriple& t, std::string* out) {
  for (TermId id : Order(index, t)) AppendU64(id, out);
}

std::string IndexPrefix(Index index, const IdTriple& t, int bound) {
  const std::array<TermId, 3> ids = Order(index, t);
  std::string out;
  out.reserve(kTripleBytes);
  for (int i = 0; i < bound && i < 3; ++i) AppendU64(ids[i], &out);
  return out;
}

absl::StatusOr<IdTriple> DecodeIndexKey(Index index, absl::string_view key) {
  if (key.size() != kTripleBytes) {
    return absl::InternalError(
        absl::StrCat("index key has ", key.size(), " bytes, not 24"));
  }
  std::array<TermId, 3> ids;
  for (int i = 0; i < 3; ++i) ReadU64(key.substr(i * kIdBytes), &ids[i]);
  switch (index) {
    case Index::kPos:
      return IdTriple{ids[2], ids[0], ids[1]};
    case Index::kOsp:
      return IdTriple{ids[1], ids[2], ids[0]};
    case Index::kSpo:
      break;
  }
  return IdTriple{ids[0], ids[1], ids[2]};
}

PrefixScan PlanScan(const IdTriple& p) {
  const bool s = p.subject != kNoTerm;
  const bool pr = p.predicate != kNoTerm;
  const bool o = p.value != kNoTerm;
  if (s && !pr && o) return {Index::kOsp, IndexPrefix(Index::kOsp, p, 2)};
  if (s) return {Index::kSpo, IndexPrefix(Index::kSpo, p, pr ? (o ? 3 : 2) : 1)};
  if (pr) return {Index::kPos, IndexPrefix(Index::kPos, p, o ? 2 : 1)};
  if (o) return {Index::kOsp, IndexPrefix(Index::kOsp, p, 1)};
  return {Index::kSpo, ""};
}

std::string EvidenceSuffix(const kg::v1::Evidence& e) {
  std::string out;
  AppendU32(static_cast<uint32_t>(e.document_id().size()), &out);
  out.append(e.document_id());
  AppendU32(e.byte_begin(), &out);
  AppendU32(e.byte_end(), &out);
  out.append(e.rule());
  return out;
}

std::string EvidenceKey(const IdTriple& fact, const kg::v1::Evidence& e) {
  return IndexKey(Index::kSpo, fact) + EvidenceSuffix(e);
}

std::string HistoryKey(int64_t retracted_at_micros,
                       absl::string_view evidence_key) {
  std::string out;
  out.reserve(kHistoryTimeBytes + evidence_key.size());
  AppendU64(static_cast<uint64_t>(retracted_at_micros), &out);
  out.append(evidence_key.data(), evidence_key.size());
  return out;
}

absl::StatusOr<std::string> DocumentOfSuffix(absl::string_view suffix) {
  if (suffix.size() < 4) {
    return absl::InvalidArgumentError("evidence suffix too short");
  }
  const uint32_t len = ReadU32(suffix);
  if (suffix.size() < 4 + size_t{len} + 8) {
    return absl::InvalidArgumentError("evidence suffix truncated");
  }
  return std::string(suffix.substr(4, len));
}

std::string DocumentKey(absl::string_view document) {
  return absl::StrCat(kDocumentKeyPrefix, document);
}

std::string DocumentEvidencePrefix(absl::string_view document) {
  std::string out = "E";
  AppendU32(static_cast<uint32_t>(document.size()), &out);
  out.append(document.data(), document.size());
  return out;
}

std::string EncodeDocumentRecord(const DocumentRecord& r) {
  std::string out;
  AppendU64(r.evidence_count, &out);
  out.append(r.content_hash);
  return out;
}

absl::StatusOr<DocumentRecord> DecodeDocumentRecord(absl::string_view v) {
  DocumentRecord r;
  if (!ReadU64(v, &r.evidence_count)) {
    return absl::InternalError("document record shorter than 8 bytes");
  }
  r.content_hash = std::string(v.substr(kIdBytes));
  return r;
}

std::string PredicateCounterKey(TermId predicate) {
  std::string out(kPredicateCounterPrefix);
  AppendU64(predicate, &out);
  return out;
}

}  // namespace kg::graph::rocksdb_keys
