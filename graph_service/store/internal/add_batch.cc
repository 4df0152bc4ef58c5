#include "graph_service/store/internal/add_batch.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "graph_service/store/term_codec.h"

namespace kg::graph::rocksdb_internal {
namespace {

namespace keys = ::kg::graph::rocksdb_keys;
using keys::Index;

// Keys per MultiGet call: bounds the key copies held at once.
constexpr size_t kReadChunk = 64 * 1024;

IdTriple Triple(uint64_t s, uint64_t p, uint64_t v) { return {s, p, v}; }

absl::Status MalformedTerm(const rocksdb_util::ColumnFamilies& cfs) {
  return absl::DataLossError(
      absl::StrCat("malformed dictionary entry in ", cfs.path));
}

// Looks up `keys` (ascending) in `cf` in chunks; `found(i, value)` is
// called for each present key.
template <typename Found>
absl::Status ReadPresent(const rocksdb_util::ColumnFamilies& cfs,
                         rocksdb::ColumnFamilyHandle* cf,
                         const std::vector<std::string>& keys, Found found) {
  rocksdb::ReadOptions ro;
  for (size_t begin = 0; begin < keys.size(); begin += kReadChunk) {
    const size_t end = std::min(keys.size(), begin + kReadChunk);
    const std::vector<std::string> chunk(keys.begin() + begin,
                                         keys.begin() + end);
    ASSIGN_OR_RETURN(std::vector<std::optional<std::string>> values,
                     rocksdb_util::MultiGet(cfs, ro, cf, chunk));
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i].has_value()) RETURN_IF_ERROR(found(begin + i, *values[i]));
    }
  }
  return absl::OkStatus();
}

}  // namespace

AddBatch::AddBatch(const rocksdb_util::ColumnFamilies& cfs, TermCache* cache,
                   int64_t now_micros, bool keep_ingested_at)
    : cfs_(cfs),
      cache_(cache),
      now_micros_(now_micros),
      keep_ingested_at_(keep_ingested_at) {}

uint32_t AddBatch::InternTerm(std::string&& term_bytes) {
  if (auto it = term_index_.find(term_bytes); it != term_index_.end()) {
    return it->second;
  }
  const auto index = static_cast<uint32_t>(terms_.size());
  terms_.push_back(std::move(term_bytes));
  term_index_.emplace(terms_.back(), index);
  return index;
}

uint32_t AddBatch::InternDocument(absl::string_view document) {
  if (auto it = document_index_.find(document); it != document_index_.end()) {
    return it->second;
  }
  const auto index = static_cast<uint32_t>(documents_.size());
  documents_.emplace_back(document);
  document_index_.emplace(documents_.back(), index);
  return index;
}

void AddBatch::Reserve(const std::vector<kg::v1::Fact>& facts) {
  size_t records = 0;
  size_t bytes = 0;
  for (const kg::v1::Fact& fact : facts) {
    for (const kg::v1::Evidence& e : fact.evidence()) {
      ++records;
      // Suffix plus serialized record: twice the document id, the rule
      // twice, the sentence, and the fixed-width and tag bytes.
      bytes += 2 * (e.document_id().size() + e.rule().size()) +
               e.sentence().size() + 48;
    }
  }
  records_.reserve(records_.size() + records);
  arena_.reserve(arena_.size() + bytes);
  term_index_.reserve(term_index_.size() + facts.size());
}

absl::Status AddBatch::Add(const kg::v1::Fact& fact) {
  ASSIGN_OR_RETURN(std::string value_bytes, EncodeValueTerm(fact.value()));
  const uint32_t subject = InternTerm(EncodeEntityTerm(fact.subject()));
  const uint32_t predicate = InternTerm(EncodePredicateTerm(fact.predicate()));
  const uint32_t value = InternTerm(std::move(value_bytes));
  for (const kg::v1::Evidence& e : fact.evidence()) {
    Record& r = records_.emplace_back();
    r.subject = subject;
    r.predicate = predicate;
    r.value = value;
    r.document = InternDocument(e.document_id());
    r.order = static_cast<uint32_t>(records_.size() - 1);
    r.suffix_begin = arena_.size();
    keys::AppendU32(static_cast<uint32_t>(e.document_id().size()), &arena_);
    arena_.append(e.document_id());
    keys::AppendU32(e.byte_begin(), &arena_);
    keys::AppendU32(e.byte_end(), &arena_);
    arena_.append(e.rule());
    r.suffix_size = static_cast<uint32_t>(arena_.size() - r.suffix_begin);
    scratch_ = e;
    scratch_.clear_retracted_at_micros();
    if (!keep_ingested_at_ || e.ingested_at_micros() == 0) {
      scratch_.set_ingested_at_micros(now_micros_);
    }
    const size_t value_begin = arena_.size();
    scratch_.AppendToString(&arena_);
    r.value_size = static_cast<uint32_t>(arena_.size() - value_begin);
  }
  return absl::OkStatus();
}

void AddBatch::SetContentHash(absl::string_view document,
                              absl::string_view hash) {
  hashed_document_ = std::string(document);
  content_hash_ = std::string(hash);
}

absl::Status AddBatch::Build(WriteStats* stats) {
  RETURN_IF_ERROR(ResolveTerms());
  SortAndDedupe(stats);
  RETURN_IF_ERROR(DropStoredRecords());
  RETURN_IF_ERROR(FindNewFacts(stats));
  RETURN_IF_ERROR(CountDocuments());
  return CountTotals();
}

// Ids for every term: from the cache, else one batched dictionary read;
// the rest are new and numbered in order of first appearance.
absl::Status AddBatch::ResolveTerms() {
  term_ids_.assign(terms_.size(), kNoTerm);
  std::vector<uint32_t> unknown;
  for (uint32_t i = 0; i < terms_.size(); ++i) {
    bool absent = false;
    if (cache_ != nullptr) {
      if (std::optional<TermId> id = cache_->FindId(terms_[i], &absent)) {
        term_ids_[i] = *id;
        continue;
      }
    }
    if (!absent) unknown.push_back(i);
  }
  std::sort(unknown.begin(), unknown.end(), [this](uint32_t a, uint32_t b) {
    return terms_[a] < terms_[b];
  });
  std::vector<std::string> to_read;
  to_read.reserve(unknown.size());
  for (uint32_t i : unknown) to_read.push_back(keys::TermToIdKey(terms_[i]));
  RETURN_IF_ERROR(ReadPresent(
      cfs_, cfs_.dictionary, to_read,
      [&](size_t i, const std::string& stored) -> absl::Status {
        TermId id = kNoTerm;
        if (stored.size() != keys::kIdBytes || !keys::ReadU64(stored, &id) ||
            id == kNoTerm) {
          return MalformedTerm(cfs_);
        }
        term_ids_[unknown[i]] = id;
        return absl::OkStatus();
      }));
  ASSIGN_OR_RETURN(stored_terms_,
                   rocksdb_util::GetCounter(cfs_, rocksdb::ReadOptions(),
                                            keys::kTermsCounter));
  TermId next = stored_terms_;
  term_is_new_.assign(terms_.size(), false);
  for (size_t i = 0; i < terms_.size(); ++i) {
    if (term_ids_[i] != kNoTerm) continue;
    term_ids_[i] = ++next;
    term_is_new_[i] = true;
  }
  new_terms_ = next - stored_terms_;
  for (Record& r : records_) {
    r.subject = term_ids_[r.subject];
    r.predicate = term_ids_[r.predicate];
    r.value = term_ids_[r.value];
  }
  return absl::OkStatus();
}

// Sorts the records by evidence key (ids, then suffix bytes: the byte order
// of spo key + suffix) and keeps the first of each identity.
void AddBatch::SortAndDedupe(WriteStats* stats) {
  std::sort(records_.begin(), records_.end(),
            [this](const Record& a, const Record& b) {
              if (std::tie(a.subject, a.predicate, a.value) !=
                  std::tie(b.subject, b.predicate, b.value)) {
                return std::tie(a.subject, a.predicate, a.value) <
                       std::tie(b.subject, b.predicate, b.value);
              }
              const int c = Suffix(a).compare(Suffix(b));
              return c != 0 ? c < 0 : a.order < b.order;
            });
  uint32_t facts = 0;
  for (size_t i = 0; i < records_.size(); ++i) {
    if (i == 0) {
      ++facts;
      continue;
    }
    const Record& prev = records_[i - 1];
    Record& r = records_[i];
    if (std::tie(prev.subject, prev.predicate, prev.value) !=
        std::tie(r.subject, r.predicate, r.value)) {
      ++facts;
    } else if (Suffix(prev) == Suffix(r)) {
      r.keep = false;
    }
  }
  stats->facts_received = facts;
}

// A record whose identity is already stored is kept as it is (AddFacts
// never updates a record). Facts using a new term cannot have any.
absl::Status AddBatch::DropStoredRecords() {
  std::vector<std::string> to_read;
  std::vector<size_t> which;
  for (size_t i = 0; i < records_.size(); ++i) {
    const Record& r = records_[i];
    if (!r.keep || UsesNewTerm(r)) continue;
    std::string key = keys::IndexKey(
        Index::kSpo, Triple(r.subject, r.predicate, r.value));
    key.append(Suffix(r).data(), Suffix(r).size());
    to_read.push_back(std::move(key));
    which.push_back(i);
  }
  return ReadPresent(cfs_, cfs_.evidence, to_read,
                     [&](size_t i, const std::string&) {
                       records_[which[i]].keep = false;
                       return absl::OkStatus();
                     });
}

// Facts gaining their first evidence: those using a new term, and those
// whose spo row is absent.
absl::Status AddBatch::FindNewFacts(WriteStats* stats) {
  std::vector<IdTriple> candidates;
  for (const Record& r : records_) {
    if (!r.keep) continue;
    ++evidence_new_;
    const IdTriple t = Triple(r.subject, r.predicate, r.value);
    if (candidates.empty() || !(candidates.back() == t)) {
      candidates.push_back(t);
    }
  }
  std::vector<std::string> to_read;
  std::vector<bool> stored(candidates.size(), false);
  std::vector<size_t> which;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const IdTriple& t = candidates[i];
    if (t.subject > stored_terms_ || t.predicate > stored_terms_ ||
        t.value > stored_terms_) {
      continue;
    }
    to_read.push_back(keys::IndexKey(Index::kSpo, t));
    which.push_back(i);
  }
  RETURN_IF_ERROR(ReadPresent(cfs_, cfs_.spo, to_read,
                              [&](size_t i, const std::string&) {
                                stored[which[i]] = true;
                                return absl::OkStatus();
                              }));
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!stored[i]) new_facts_.push_back(candidates[i]);
  }
  stats->facts_new = new_facts_.size();
  stats->evidence_new = evidence_new_;
  return absl::OkStatus();
}

// Each document's record: its stored count (and content hash) plus the
// records this write adds.
absl::Status AddBatch::CountDocuments() {
  document_added_.assign(documents_.size(), 0);
  for (const Record& r : records_) {
    if (r.keep) ++document_added_[r.document];
  }
  document_rows_.assign(documents_.size(), "");
  std::vector<std::string> to_read;
  std::vector<uint32_t> which;
  for (uint32_t d = 0; d < documents_.size(); ++d) {
    if (document_added_[d] == 0) continue;
    to_read.push_back(keys::DocumentKey(documents_[d]));
    which.push_back(d);
    document_rows_[d] = keys::EncodeDocumentRecord(
        {document_added_[d],
         documents_[d] == hashed_document_ ? content_hash_ : std::string()});
  }
  uint64_t stored = 0;
  RETURN_IF_ERROR(ReadPresent(
      cfs_, cfs_.documents, to_read,
      [&](size_t i, const std::string& value) -> absl::Status {
        ASSIGN_OR_RETURN(keys::DocumentRecord record,
                         keys::DecodeDocumentRecord(value));
        record.evidence_count += document_added_[which[i]];
        if (!hashed_document_.empty() &&
            documents_[which[i]] == hashed_document_) {
          record.content_hash = content_hash_;
        }
        document_rows_[which[i]] = keys::EncodeDocumentRecord(record);
        ++stored;
        return absl::OkStatus();
      }));
  new_documents_ = to_read.size() - stored;
  return absl::OkStatus();
}

// The metadata counters this write changes, read and updated.
absl::Status AddBatch::CountTotals() {
  std::map<std::string, uint64_t> deltas;
  deltas[std::string(keys::kDocumentsCounter)] = new_documents_;
  deltas[std::string(keys::kTermsCounter)] = new_terms_;
  deltas[std::string(keys::kFactsCounter)] = new_facts_.size();
  deltas[std::string(keys::kEvidenceCounter)] = evidence_new_;
  for (const IdTriple& t : new_facts_) {
    ++deltas[keys::PredicateCounterKey(t.predicate)];
  }
  const rocksdb::ReadOptions ro;
  for (const auto& [key, delta] : deltas) {
    if (delta == 0) continue;
    ASSIGN_OR_RETURN(const uint64_t current,
                     rocksdb_util::GetCounter(cfs_, ro, key));
    metadata_rows_[key] = keys::EncodeU64(current + delta);
  }
  return absl::OkStatus();
}

absl::Status AddBatch::Emit(RowSink& sink) const {
  RETURN_IF_ERROR(EmitTermsAndFacts(sink));
  return EmitRecords(sink);
}

absl::Status AddBatch::EmitRecords(RowSink& sink) const {
  RETURN_IF_ERROR(EmitEvidence(sink));
  return EmitDocuments(sink);
}

absl::Status AddBatch::EmitTermsAndFacts(RowSink& sink) const {
  RETURN_IF_ERROR(EmitDictionary(sink));
  RETURN_IF_ERROR(EmitIndexes(sink));
  return EmitMetadata(sink);
}

// "I" + id rows (ids ascend in first-appearance order), then "T" + term.
absl::Status AddBatch::EmitDictionary(RowSink& sink) const {
  if (new_terms_ == 0) return absl::OkStatus();
  RETURN_IF_ERROR(sink.StartFamily(cfs_.dictionary));
  std::vector<uint32_t> added;
  added.reserve(new_terms_);
  for (uint32_t i = 0; i < terms_.size(); ++i) {
    if (!term_is_new_[i]) continue;
    added.push_back(i);
    RETURN_IF_ERROR(sink.Put(keys::IdToTermKey(term_ids_[i]), terms_[i]));
  }
  std::sort(added.begin(), added.end(),
            [this](uint32_t a, uint32_t b) { return terms_[a] < terms_[b]; });
  for (uint32_t i : added) {
    RETURN_IF_ERROR(sink.Put(keys::TermToIdKey(terms_[i]),
                             keys::EncodeU64(term_ids_[i])));
  }
  return absl::OkStatus();
}

absl::Status AddBatch::EmitIndexes(RowSink& sink) const {
  if (new_facts_.empty()) return absl::OkStatus();
  const std::pair<Index, rocksdb::ColumnFamilyHandle*> indexes[] = {
      {Index::kSpo, cfs_.spo}, {Index::kPos, cfs_.pos}, {Index::kOsp, cfs_.osp}};
  std::vector<IdTriple> facts = new_facts_;  // In spo order.
  std::string key;
  for (const auto& [index, cf] : indexes) {
    if (index == Index::kPos) {
      std::sort(facts.begin(), facts.end(), [](const IdTriple& a, const IdTriple& b) {
        return std::tie(a.predicate, a.value, a.subject) <
               std::tie(b.predicate, b.value, b.subject);
      });
    } else if (index == Index::kOsp) {
      std::sort(facts.begin(), facts.end(), [](const IdTriple& a, const IdTriple& b) {
        return std::tie(a.value, a.subject, a.predicate) <
               std::tie(b.value, b.subject, b.predicate);
      });
    }
    RETURN_IF_ERROR(sink.StartFamily(cf));
    for (const IdTriple& t : facts) {
      key.clear();
      keys::AppendIndexKey(index, t, &key);
      RETURN_IF_ERROR(sink.Put(key, ""));
    }
  }
  return absl::OkStatus();
}

absl::Status AddBatch::EmitEvidence(RowSink& sink) const {
  if (evidence_new_ == 0) return absl::OkStatus();
  RETURN_IF_ERROR(sink.StartFamily(cfs_.evidence));
  std::string key;
  for (const Record& r : records_) {
    if (!r.keep) continue;
    key.clear();
    keys::AppendIndexKey(Index::kSpo, Triple(r.subject, r.predicate, r.value),
                         &key);
    key.append(Suffix(r).data(), Suffix(r).size());
    RETURN_IF_ERROR(sink.Put(key, Value(r)));
  }
  return absl::OkStatus();
}

// "D" + document rows (by document bytes), then "E" + u32 length +
// document + evidence key rows (by length, then bytes, then evidence key).
absl::Status AddBatch::EmitDocuments(RowSink& sink) const {
  if (evidence_new_ == 0) return absl::OkStatus();
  RETURN_IF_ERROR(sink.StartFamily(cfs_.documents));
  std::vector<uint32_t> docs;
  for (uint32_t d = 0; d < documents_.size(); ++d) {
    if (document_added_[d] > 0) docs.push_back(d);
  }
  std::sort(docs.begin(), docs.end(), [this](uint32_t a, uint32_t b) {
    return documents_[a] < documents_[b];
  });
  for (uint32_t d : docs) {
    RETURN_IF_ERROR(sink.Put(keys::DocumentKey(documents_[d]), document_rows_[d]));
  }
  // Each document's records, in evidence key order (a counting sort).
  std::vector<size_t> start(documents_.size() + 1, 0);
  for (uint32_t d = 0; d < documents_.size(); ++d) {
    start[d + 1] = start[d] + document_added_[d];
  }
  std::vector<uint32_t> by_document(start.back());
  std::vector<size_t> fill(start.begin(), start.end() - 1);
  for (uint32_t i = 0; i < records_.size(); ++i) {
    if (records_[i].keep) by_document[fill[records_[i].document]++] = i;
  }
  std::sort(docs.begin(), docs.end(), [this](uint32_t a, uint32_t b) {
    return std::make_pair(documents_[a].size(), absl::string_view(documents_[a])) <
           std::make_pair(documents_[b].size(), absl::string_view(documents_[b]));
  });
  std::string key;
  for (uint32_t d : docs) {
    const std::string prefix = keys::DocumentEvidencePrefix(documents_[d]);
    for (size_t k = start[d]; k < start[d + 1]; ++k) {
      const Record& r = records_[by_document[k]];
      key = prefix;
      keys::AppendIndexKey(Index::kSpo, Triple(r.subject, r.predicate, r.value),
                           &key);
      key.append(Suffix(r).data(), Suffix(r).size());
      RETURN_IF_ERROR(sink.Put(key, ""));
    }
  }
  return absl::OkStatus();
}

absl::Status AddBatch::EmitMetadata(RowSink& sink) const {
  if (metadata_rows_.empty()) return absl::OkStatus();
  RETURN_IF_ERROR(sink.StartFamily(cfs_.metadata));
  for (const auto& [key, value] : metadata_rows_) {
    RETURN_IF_ERROR(sink.Put(key, value));
  }
  return absl::OkStatus();
}

void AddBatch::PublishTerms() const {
  if (cache_ == nullptr) return;
  for (size_t i = 0; i < terms_.size(); ++i) {
    cache_->Insert(terms_[i], term_ids_[i]);
  }
}

}  // namespace kg::graph::rocksdb_internal
