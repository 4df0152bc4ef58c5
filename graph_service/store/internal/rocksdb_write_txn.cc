#include "graph_service/store/internal/rocksdb_write_txn.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "graph_service/store/term_codec.h"

namespace kg::graph::rocksdb_internal {
namespace {

namespace keys = ::kg::graph::rocksdb_keys;
using keys::Index;

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

// `e` serialized with ingested_at cleared: the part of a record that the
// caller controls, used to tell "unchanged" from "changed".
std::string CallerContent(kg::v1::Evidence e) {
  e.set_ingested_at_micros(0);
  return e.SerializeAsString();
}

}  // namespace

WriteTxn::WriteTxn(const rocksdb_util::ColumnFamilies& cfs, int64_t now_micros,
                   bool keep_ingested_at, TermCache* cache)
    : cfs_(cfs),
      now_micros_(now_micros),
      keep_ingested_at_(keep_ingested_at),
      cache_(cache) {}

absl::StatusOr<TermId> WriteTxn::InternTerm(const std::string& term_bytes) {
  if (auto it = new_terms_.find(term_bytes); it != new_terms_.end()) {
    return it->second;
  }
  if (auto it = known_terms_.find(term_bytes); it != known_terms_.end()) {
    return it->second;
  }
  bool absent = absent_terms_.contains(term_bytes);
  if (!absent && cache_ != nullptr) {
    if (std::optional<TermId> id = cache_->FindId(term_bytes, &absent)) {
      return *id;
    }
  }
  if (!absent) {
    ASSIGN_OR_RETURN(std::optional<std::string> stored,
                     rocksdb_util::Get(cfs_, read_options_, cfs_.dictionary,
                                       keys::TermToIdKey(term_bytes)));
    if (stored.has_value()) {
      TermId id = kNoTerm;
      if (stored->size() != keys::kIdBytes || !keys::ReadU64(*stored, &id) ||
          id == kNoTerm) {
        return absl::DataLossError(
            absl::StrCat("malformed dictionary entry in ", cfs_.path));
      }
      known_terms_.emplace(term_bytes, id);
      return id;
    }
  }
  ASSIGN_OR_RETURN(const TermId id, NewTermId());
  new_terms_.emplace(term_bytes, id);
  return id;
}

// Ids are dense: the n-th term ever stored gets id n.
absl::StatusOr<TermId> WriteTxn::NewTermId() {
  if (!terms_.has_value()) {
    ASSIGN_OR_RETURN(terms_, rocksdb_util::GetCounter(cfs_, read_options_,
                                                      keys::kTermsCounter));
    stored_terms_ = *terms_;
  }
  return ++*terms_;
}

bool WriteTxn::IsNewFact(const IdTriple& fact) const {
  if (!terms_.has_value()) return false;
  return fact.subject > stored_terms_ || fact.predicate > stored_terms_ ||
         fact.value > stored_terms_;
}

absl::Status WriteTxn::PrefetchTerms(const std::vector<kg::v1::Fact>& facts) {
  absl::flat_hash_set<std::string> wanted;
  auto want = [&](std::string bytes) {
    bool absent = false;
    if (cache_ != nullptr && (cache_->FindId(bytes, &absent) || absent)) {
      return;
    }
    if (!known_terms_.contains(bytes)) wanted.insert(std::move(bytes));
  };
  for (const kg::v1::Fact& fact : facts) {
    want(EncodeEntityTerm(fact.subject()));
    want(EncodePredicateTerm(fact.predicate()));
    absl::StatusOr<std::string> value = EncodeValueTerm(fact.value());
    if (value.ok()) want(*std::move(value));
  }
  std::vector<std::string> terms(wanted.begin(), wanted.end());
  std::sort(terms.begin(), terms.end());
  std::vector<std::string> keys_to_read;
  keys_to_read.reserve(terms.size());
  for (const std::string& term : terms) {
    keys_to_read.push_back(keys::TermToIdKey(term));
  }
  ASSIGN_OR_RETURN(
      std::vector<std::optional<std::string>> stored,
      rocksdb_util::MultiGet(cfs_, read_options_, cfs_.dictionary, keys_to_read));
  for (size_t i = 0; i < terms.size(); ++i) {
    if (!stored[i].has_value()) {
      absent_terms_.insert(terms[i]);
      continue;
    }
    TermId id = kNoTerm;
    if (stored[i]->size() != keys::kIdBytes || !keys::ReadU64(*stored[i], &id) ||
        id == kNoTerm) {
      return absl::DataLossError(
          absl::StrCat("malformed dictionary entry in ", cfs_.path));
    }
    known_terms_.emplace(terms[i], id);
  }
  return absl::OkStatus();
}

absl::Status WriteTxn::PrefetchEvidence(const std::vector<std::string>& keys) {
  std::vector<std::string> to_read;
  for (const std::string& key : keys) {
    if (evidence_.count(key) > 0 || stored_evidence_.contains(key)) continue;
    absl::StatusOr<IdTriple> fact =
        keys::DecodeIndexKey(Index::kSpo, absl::string_view(key).substr(
                                              0, keys::kTripleBytes));
    if (fact.ok() && IsNewFact(*fact)) {
      stored_evidence_.emplace(key, std::nullopt);
      continue;
    }
    to_read.push_back(key);
  }
  std::sort(to_read.begin(), to_read.end());
  to_read.erase(std::unique(to_read.begin(), to_read.end()), to_read.end());
  ASSIGN_OR_RETURN(
      std::vector<std::optional<std::string>> stored,
      rocksdb_util::MultiGet(cfs_, read_options_, cfs_.evidence, to_read));
  for (size_t i = 0; i < to_read.size(); ++i) {
    stored_evidence_.emplace(std::move(to_read[i]), std::move(stored[i]));
  }
  return absl::OkStatus();
}

void WriteTxn::PublishTerms() {
  if (cache_ == nullptr) return;
  for (const auto& [term, id] : known_terms_) cache_->Insert(term, id);
  for (const auto& [term, id] : new_terms_) cache_->Insert(term, id);
}

absl::StatusOr<IdTriple> WriteTxn::InternFact(const kg::v1::Fact& fact) {
  IdTriple ids;
  ASSIGN_OR_RETURN(ids.subject, InternTerm(EncodeEntityTerm(fact.subject())));
  ASSIGN_OR_RETURN(ids.predicate,
                   InternTerm(EncodePredicateTerm(fact.predicate())));
  ASSIGN_OR_RETURN(std::string value_bytes, EncodeValueTerm(fact.value()));
  ASSIGN_OR_RETURN(ids.value, InternTerm(value_bytes));
  return ids;
}

absl::StatusOr<std::optional<std::string>> WriteTxn::CurrentEvidence(
    const std::string& key) {
  if (auto it = evidence_.find(key); it != evidence_.end()) return it->second;
  if (auto it = stored_evidence_.find(key); it != stored_evidence_.end()) {
    return it->second;
  }
  return rocksdb_util::Get(cfs_, read_options_, cfs_.evidence, key);
}

absl::StatusOr<bool> WriteTxn::PutEvidence(const IdTriple& fact,
                                           const kg::v1::Evidence& e,
                                           bool update_changed) {
  const std::string key = keys::EvidenceKey(fact, e);
  const bool committed = evidence_.count(key) == 0;
  ASSIGN_OR_RETURN(std::optional<std::string> current, CurrentEvidence(key));
  kg::v1::Evidence record = e;
  record.clear_retracted_at_micros();
  if (!keep_ingested_at_ || e.ingested_at_micros() == 0) {
    record.set_ingested_at_micros(now_micros_);
  }
  if (current.has_value()) {
    if (!update_changed) return false;
    kg::v1::Evidence stored;
    if (!stored.ParseFromString(*current)) {
      return absl::DataLossError(
          absl::StrCat("unparsable evidence record in ", cfs_.path));
    }
    if (CallerContent(stored) != CallerContent(e)) {
      // The record changes: its old content goes to the history.
      if (committed) retired_.emplace(key, *current);
      evidence_[key] = record.SerializeAsString();
    }
    return false;
  }
  evidence_[key] = record.SerializeAsString();
  fact_delta_[keys::IndexKey(Index::kSpo, fact)] += 1;
  document_delta_[e.document_id()] += 1;
  ++evidence_added_;
  return true;
}

absl::StatusOr<bool> WriteTxn::RemoveEvidence(absl::string_view key_view) {
  const std::string key(key_view);
  if (key.size() <= keys::kTripleBytes) {
    return absl::InternalError("evidence key too short");
  }
  const bool committed = evidence_.count(key) == 0;
  ASSIGN_OR_RETURN(std::optional<std::string> current, CurrentEvidence(key));
  if (!current.has_value()) return false;
  if (committed) retired_.emplace(key, *current);
  ASSIGN_OR_RETURN(std::string document,
                   keys::DocumentOfSuffix(
                       absl::string_view(key).substr(keys::kTripleBytes)));
  evidence_[key] = std::nullopt;
  fact_delta_[key.substr(0, keys::kTripleBytes)] -= 1;
  document_delta_[document] -= 1;
  ++evidence_removed_;
  return true;
}

void WriteTxn::SetContentHash(absl::string_view document,
                              absl::string_view hash) {
  content_hash_[std::string(document)] = std::string(hash);
  document_delta_[std::string(document)] += 0;  // Make Commit visit it.
}

rocksdb::Status SortedRows::Put(rocksdb::ColumnFamilyHandle* cf,
                                const rocksdb::Slice& key,
                                const rocksdb::Slice& value) {
  rows_[cf].push_back({key.ToString(), value.ToString(), false});
  return rocksdb::Status::OK();
}

rocksdb::Status SortedRows::Delete(rocksdb::ColumnFamilyHandle* cf,
                                   const rocksdb::Slice& key) {
  rows_[cf].push_back({key.ToString(), "", true});
  return rocksdb::Status::OK();
}

rocksdb::Status SortedRows::AppendTo(rocksdb::WriteBatch* batch) {
  for (auto& [cf, rows] : rows_) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.key < b.key; });
    for (const Row& row : rows) {
      const rocksdb::Status s = row.is_delete ? batch->Delete(cf, row.key)
                                              : batch->Put(cf, row.key, row.value);
      if (!s.ok()) return s;
    }
  }
  rows_.clear();
  return rocksdb::Status::OK();
}

absl::Status WriteTxn::Build(WriteStats* stats) {
  RETURN_IF_ERROR(ApplyEvidence());
  RETURN_IF_ERROR(ApplyFacts(stats));
  RETURN_IF_ERROR(ApplyDocuments());
  RETURN_IF_ERROR(ApplyCounters());
  return rocksdb_util::FromRocksDb(rows_.AppendTo(&batch_), "batch", cfs_.path);
}

absl::Status WriteTxn::Commit(bool sync, WriteStats* stats) {
  RETURN_IF_ERROR(Build(stats));
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  RETURN_IF_ERROR(rocksdb_util::FromRocksDb(cfs_.db->Write(wo, &batch_),
                                            "write", cfs_.path));
  PublishTerms();
  return absl::OkStatus();
}

absl::Status WriteTxn::ApplyEvidence() {
  for (const auto& [key, value] : evidence_) {
    ASSIGN_OR_RETURN(std::string document,
                     keys::DocumentOfSuffix(
                         absl::string_view(key).substr(keys::kTripleBytes)));
    const std::string doc_row = keys::DocumentEvidencePrefix(document) + key;
    rocksdb::Status s;
    if (value.has_value()) {
      s = rows_.Put(cfs_.evidence, ToSlice(key), ToSlice(*value));
      if (s.ok()) s = rows_.Put(cfs_.documents, ToSlice(doc_row), "");
    } else {
      s = rows_.Delete(cfs_.evidence, ToSlice(key));
      if (s.ok()) s = rows_.Delete(cfs_.documents, ToSlice(doc_row));
    }
    RETURN_IF_ERROR(rocksdb_util::FromRocksDb(s, "batch", cfs_.path));
  }
  for (const auto& [key, value] : retired_) {
    RETURN_IF_ERROR(rocksdb_util::FromRocksDb(
        rows_.Put(cfs_.history, ToSlice(keys::HistoryKey(now_micros_, key)),
                  ToSlice(value)),
        "batch", cfs_.path));
  }
  return absl::OkStatus();
}

absl::Status WriteTxn::ApplyFacts(WriteStats* stats) {
  // Facts only added to: new iff their spo row is absent. Facts using a
  // term this transaction added are new without a read; the others are
  // looked up together.
  std::vector<std::string> to_check;
  for (const auto& [spo_key, delta] : fact_delta_) {
    if (delta <= 0) continue;
    ASSIGN_OR_RETURN(IdTriple fact, keys::DecodeIndexKey(Index::kSpo, spo_key));
    if (!IsNewFact(fact)) to_check.push_back(spo_key);
  }
  ASSIGN_OR_RETURN(std::vector<std::optional<std::string>> rows,
                   rocksdb_util::MultiGet(cfs_, read_options_, cfs_.spo,
                                          to_check));
  absl::flat_hash_set<absl::string_view> stored;
  for (size_t i = 0; i < to_check.size(); ++i) {
    if (rows[i].has_value()) stored.insert(to_check[i]);
  }
  for (const auto& [spo_key, delta] : fact_delta_) {
    if (delta > 0) {
      if (!stored.contains(spo_key)) {
        RETURN_IF_ERROR(SetFactRows(spo_key, /*add=*/true, stats));
      }
    } else if (delta < 0) {
      RETURN_IF_ERROR(ApplyFact(spo_key, delta, stats));
    }
  }
  stats->evidence_new += evidence_added_;
  stats->evidence_removed += evidence_removed_;
  return absl::OkStatus();
}

// A fact loses evidence: compares the committed evidence count with the
// count after this transaction and drops the index rows when it reaches 0.
absl::Status WriteTxn::ApplyFact(const std::string& spo_key, int64_t delta,
                                 WriteStats* stats) {
  int64_t before = 0;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, read_options_, cfs_.evidence, spo_key,
      [&before](absl::string_view, absl::string_view) {
        ++before;
        return true;
      }));
  const int64_t after = before + delta;
  if (after < 0) {
    return absl::InternalError(
        absl::StrCat("evidence count of a fact would drop below zero in ",
                     cfs_.path));
  }
  if ((before == 0) == (after == 0)) return absl::OkStatus();
  return SetFactRows(spo_key, /*add=*/after > 0, stats);
}

// Adds or drops the fact's three index rows and counts it.
absl::Status WriteTxn::SetFactRows(const std::string& spo_key, bool add,
                                   WriteStats* stats) {
  ASSIGN_OR_RETURN(IdTriple fact, keys::DecodeIndexKey(Index::kSpo, spo_key));
  rocksdb::ColumnFamilyHandle* cfs[] = {cfs_.spo, cfs_.pos, cfs_.osp};
  const Index indexes[] = {Index::kSpo, Index::kPos, Index::kOsp};
  for (int i = 0; i < 3; ++i) {
    const std::string key = keys::IndexKey(indexes[i], fact);
    const rocksdb::Status s = add ? rows_.Put(cfs[i], ToSlice(key), "")
                                  : rows_.Delete(cfs[i], ToSlice(key));
    RETURN_IF_ERROR(rocksdb_util::FromRocksDb(s, "batch", cfs_.path));
  }
  const int64_t sign = add ? 1 : -1;
  facts_delta_ += sign;
  predicate_delta_[fact.predicate] += sign;
  if (add) {
    ++stats->facts_new;
  } else {
    ++stats->facts_retracted;
  }
  return absl::OkStatus();
}

absl::Status WriteTxn::ApplyDocuments() {
  for (const auto& [document, delta] : document_delta_) {
    RETURN_IF_ERROR(ApplyDocument(document, delta));
  }
  return absl::OkStatus();
}

// A document is listed while it gives at least one evidence record.
absl::Status WriteTxn::ApplyDocument(const std::string& document,
                                     int64_t delta) {
  const std::string key = keys::DocumentKey(document);
  ASSIGN_OR_RETURN(std::optional<std::string> stored,
                   rocksdb_util::Get(cfs_, read_options_, cfs_.documents, key));
  keys::DocumentRecord record;
  if (stored.has_value()) {
    ASSIGN_OR_RETURN(record, keys::DecodeDocumentRecord(*stored));
  }
  const int64_t after = static_cast<int64_t>(record.evidence_count) + delta;
  if (after < 0) {
    return absl::InternalError(absl::StrCat(
        "evidence count of document ", document, " would drop below zero"));
  }
  rocksdb::Status s;
  if (after == 0) {
    if (stored.has_value()) {
      s = rows_.Delete(cfs_.documents, ToSlice(key));
      documents_delta_ -= 1;
    }
  } else {
    if (!stored.has_value()) documents_delta_ += 1;
    record.evidence_count = static_cast<uint64_t>(after);
    if (auto it = content_hash_.find(document); it != content_hash_.end()) {
      record.content_hash = it->second;
    }
    s = rows_.Put(cfs_.documents, ToSlice(key),
                   ToSlice(keys::EncodeDocumentRecord(record)));
  }
  return rocksdb_util::FromRocksDb(s, "batch", cfs_.path);
}

absl::Status WriteTxn::ApplyCounters() {
  for (const auto& [term, id] : new_terms_) {
    rocksdb::Status s = rows_.Put(cfs_.dictionary,
                                   ToSlice(keys::TermToIdKey(term)),
                                   ToSlice(keys::EncodeU64(id)));
    if (s.ok()) {
      s = rows_.Put(cfs_.dictionary, ToSlice(keys::IdToTermKey(id)),
                     ToSlice(term));
    }
    RETURN_IF_ERROR(rocksdb_util::FromRocksDb(s, "batch", cfs_.path));
  }
  RETURN_IF_ERROR(AddToCounter(keys::kTermsCounter,
                               static_cast<int64_t>(new_terms_.size())));
  RETURN_IF_ERROR(AddToCounter(keys::kFactsCounter, facts_delta_));
  RETURN_IF_ERROR(AddToCounter(
      keys::kEvidenceCounter, static_cast<int64_t>(evidence_added_) -
                                  static_cast<int64_t>(evidence_removed_)));
  RETURN_IF_ERROR(AddToCounter(keys::kDocumentsCounter, documents_delta_));
  RETURN_IF_ERROR(AddToCounter(keys::kHistoryCounter,
                               static_cast<int64_t>(retired_.size())));
  for (const auto& [predicate, delta] : predicate_delta_) {
    RETURN_IF_ERROR(AddToCounter(keys::PredicateCounterKey(predicate), delta));
  }
  return absl::OkStatus();
}

// Adds `delta` to a metadata counter; a counter that reaches zero is
// deleted, so that undoing a write restores the metadata CF exactly.
absl::Status WriteTxn::AddToCounter(absl::string_view key, int64_t delta) {
  if (delta == 0) return absl::OkStatus();
  ASSIGN_OR_RETURN(uint64_t current,
                   rocksdb_util::GetCounter(cfs_, read_options_, key));
  const int64_t after = static_cast<int64_t>(current) + delta;
  if (after < 0) {
    return absl::InternalError(
        absl::StrCat("counter ", key, " would drop below zero in ", cfs_.path));
  }
  const rocksdb::Status s =
      after == 0 ? rows_.Delete(cfs_.metadata, ToSlice(key))
                 : rows_.Put(cfs_.metadata, ToSlice(key),
                              ToSlice(keys::EncodeU64(after)));
  return rocksdb_util::FromRocksDb(s, "batch", cfs_.path);
}

}  // namespace kg::graph::rocksdb_internal
