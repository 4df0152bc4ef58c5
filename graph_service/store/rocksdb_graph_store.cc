#include "graph_service/store/rocksdb_graph_store.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/status_macros.h"
#include "graph_service/store/internal/add_batch.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "graph_service/store/internal/rocksdb_reader.h"
#include "graph_service/store/internal/rocksdb_write_txn.h"
#include "graph_service/store/term_codec.h"
#include "rocksdb/perf_level.h"

namespace kg::graph {

absl::string_view RocksDbGraphStore::SchemaVersion() {
  return rocksdb_keys::kSchemaVersion;
}

namespace {

namespace keys = ::kg::graph::rocksdb_keys;
using keys::Index;
using rocksdb_util::FromRocksDb;

// RocksDB keeps per-thread perf counters by default; from the shared
// library every counter bump is a __tls_get_addr call (~20% of the write
// path's instructions in callgrind). The level is per thread, so every
// entry point sets it (one thread-local store).
void DisablePerfStats() { rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable); }

absl::Status ValidateAll(const std::vector<kg::v1::Fact>& facts) {
  for (size_t i = 0; i < facts.size(); ++i) {
    const absl::Status s = ValidateFact(facts[i]);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("fact[", i, "]: ", s.message()));
    }
  }
  return absl::OkStatus();
}

// Every evidence record of a ReplaceDocument must name the document.
absl::Status CheckDocumentFacts(absl::string_view document_id,
                                const std::vector<kg::v1::Fact>& facts) {
  if (document_id.empty()) {
    return absl::InvalidArgumentError("document_id is empty");
  }
  RETURN_IF_ERROR(ValidateAll(facts));
  for (size_t i = 0; i < facts.size(); ++i) {
    for (const kg::v1::Evidence& e : facts[i].evidence()) {
      if (e.document_id() != document_id) {
        return absl::InvalidArgumentError(absl::StrCat(
            "fact[", i, "]: evidence names document \"", e.document_id(),
            "\", not \"", document_id, "\""));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> RocksDbGraphStore::Open(
    const RocksDbGraphStoreOptions& options) {
  if (options.path.empty()) {
    return absl::InvalidArgumentError("RocksDbGraphStore: empty path");
  }
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::shared_ptr<rocksdb::Cache> cache;
  RETURN_IF_ERROR(rocksdb_util::OpenDb(
      options.path, options.memory_budget_bytes, &db, &handles, &cache));
  rocksdb::DB* raw_db = db.get();
  std::unique_ptr<RocksDbGraphStore> store(new RocksDbGraphStore(
      options, std::move(cache), std::move(db), std::move(handles)));
  const rocksdb_util::ColumnFamilies& cfs = store->cfs_;
  ASSIGN_OR_RETURN(std::optional<std::string> schema,
                   rocksdb_util::Get(cfs, rocksdb::ReadOptions(), cfs.metadata,
                                     keys::kSchemaKey));
  if (!schema.has_value()) {
    rocksdb::WriteOptions wo;
    wo.sync = options.sync_writes;
    RETURN_IF_ERROR(FromRocksDb(
        raw_db->Put(wo, cfs.metadata, keys::kSchemaKey.data(),
                    rocksdb::Slice(keys::kSchemaVersion.data(),
                                   keys::kSchemaVersion.size())),
        "put", options.path));
  } else if (*schema == keys::kSchemaVersion1) {
    RETURN_IF_ERROR(store->MigrateFromSchema1());
  } else if (*schema != keys::kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("RocksDbGraphStore at ", options.path, " has schema \"",
                     *schema, "\", expected \"", keys::kSchemaVersion, "\""));
  }
  RETURN_IF_ERROR(store->LoadTermCache());
  // Every stored record was written before now; see HistoryInfo.
  store->last_write_micros_.store(absl::ToUnixMicros(absl::Now()));
  return store;
}

// Schema 1 differs only by lacking the history CF (OpenDb has just created
// it, empty) and its counters. Retractions made before now were not kept,
// so the history is complete from now on.
absl::Status RocksDbGraphStore::MigrateFromSchema1() {
  rocksdb::WriteBatch batch;
  rocksdb::Status s = batch.Put(
      cfs_.metadata, keys::kSchemaKey.data(),
      rocksdb::Slice(keys::kSchemaVersion.data(), keys::kSchemaVersion.size()));
  if (s.ok()) {
    s = batch.Put(cfs_.metadata, keys::kHistoryCompleteFromKey.data(),
                  keys::EncodeU64(static_cast<uint64_t>(
                      absl::ToUnixMicros(absl::Now()))));
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;
  if (s.ok()) s = db_->Write(wo, &batch);
  RETURN_IF_ERROR(FromRocksDb(s, "migrate from schema 1", options_.path));
  migrated_from_schema1_ = true;
  return absl::OkStatus();
}

int64_t RocksDbGraphStore::NextTxnMicros() {
  const int64_t now = std::max(absl::ToUnixMicros(absl::Now()),
                               last_txn_micros_ + 1);
  last_txn_micros_ = now;
  NoteWrite(now);
  return now;
}

void RocksDbGraphStore::NoteWrite(int64_t micros) {
  int64_t seen = last_write_micros_.load();
  while (seen < micros &&
         !last_write_micros_.compare_exchange_weak(seen, micros)) {
  }
}

RocksDbGraphStore::RocksDbGraphStore(
    const RocksDbGraphStoreOptions& options,
    std::shared_ptr<rocksdb::Cache> cache, std::unique_ptr<rocksdb::DB> db,
    std::vector<rocksdb::ColumnFamilyHandle*> handles)
    : options_(options),
      cache_(std::move(cache)),
      db_(std::move(db)),
      handles_(std::move(handles)),
      term_cache_(options.term_cache_terms, options.term_cache_bytes),
      syncer_([this] {
        return FromRocksDb(db_->SyncWAL(), "sync wal", options_.path);
      }) {
  rocksdb_util::BindColumnFamilies(db_.get(), options_.path, handles_, &cfs_);
}

RocksDbGraphStore::~RocksDbGraphStore() {
  for (rocksdb::ColumnFamilyHandle* h : handles_) {
    db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  db_->Close().PermitUncheckedError();
}

absl::StatusOr<WriteStats> RocksDbGraphStore::ReplaceDocument(
    absl::string_view document_id, absl::string_view content_hash,
    const std::vector<kg::v1::Fact>& facts) {
  DisablePerfStats();
  RETURN_IF_ERROR(CheckDocumentFacts(document_id, facts));
  WriteStats stats;
  {
    absl::MutexLock lock(&write_mu_);
    ASSIGN_OR_RETURN(std::optional<keys::DocumentRecord> record,
                     ReadDocument(document_id));
    if (!content_hash.empty() && record.has_value() &&
        record->content_hash == content_hash) {
      stats.facts_received = CountDistinctFacts(facts);
      stats.unchanged = true;
      return stats;
    }
    if (!record.has_value()) {
      // A document's first version has no evidence to replace: this is an
      // add (the common case, and the cheaper write).
      RETURN_IF_ERROR(
          WriteFirstVersion(document_id, content_hash, facts, &stats));
    } else {
      RETURN_IF_ERROR(
          WriteNewVersion(document_id, content_hash, facts, &stats));
    }
  }
  return Finish(stats);
}

absl::Status RocksDbGraphStore::WriteNewVersion(
    absl::string_view document_id, absl::string_view content_hash,
    const std::vector<kg::v1::Fact>& facts, WriteStats* stats) {
  stats->facts_received = CountDistinctFacts(facts);
  rocksdb_internal::WriteTxn txn(cfs_, NextTxnMicros(),
                                 /*keep_ingested_at=*/false, &term_cache_);
  RETURN_IF_ERROR(txn.PrefetchTerms(facts));
  // Evidence CF key -> (fact, evidence); the first of duplicates wins.
  std::map<std::string, std::pair<IdTriple, const kg::v1::Evidence*>> wanted;
  for (const kg::v1::Fact& fact : facts) {
    ASSIGN_OR_RETURN(IdTriple ids, txn.InternFact(fact));
    for (const kg::v1::Evidence& e : fact.evidence()) {
      wanted.emplace(keys::EvidenceKey(ids, e), std::make_pair(ids, &e));
    }
  }
  ASSIGN_OR_RETURN(std::vector<std::string> stored_keys,
                   DocumentEvidenceKeys(document_id));
  std::vector<std::string> wanted_keys;
  wanted_keys.reserve(wanted.size() + stored_keys.size());
  for (const auto& entry : wanted) wanted_keys.push_back(entry.first);
  wanted_keys.insert(wanted_keys.end(), stored_keys.begin(), stored_keys.end());
  RETURN_IF_ERROR(txn.PrefetchEvidence(wanted_keys));
  for (const std::string& key : stored_keys) {
    if (wanted.count(key) == 0) {
      RETURN_IF_ERROR(txn.RemoveEvidence(key).status());
    }
  }
  for (const auto& [key, fact_and_evidence] : wanted) {
    RETURN_IF_ERROR(txn.PutEvidence(fact_and_evidence.first,
                                    *fact_and_evidence.second,
                                    /*update_changed=*/true)
                        .status());
  }
  txn.SetContentHash(document_id, content_hash);
  RETURN_IF_ERROR(CommitTxn(txn, stats));
  return absl::OkStatus();
}

absl::Status RocksDbGraphStore::WriteFirstVersion(
    absl::string_view document_id, absl::string_view content_hash,
    const std::vector<kg::v1::Fact>& facts, WriteStats* stats) {
  rocksdb_internal::AddBatch batch(cfs_, &term_cache_, NextTxnMicros(),
                                   /*keep_ingested_at=*/false);
  batch.Reserve(facts);
  for (const kg::v1::Fact& fact : facts) RETURN_IF_ERROR(batch.Add(fact));
  batch.SetContentHash(document_id, content_hash);
  RETURN_IF_ERROR(batch.Build(stats));
  return CommitBatch(batch, stats);
}

absl::StatusOr<WriteStats> RocksDbGraphStore::AddFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Add(facts, AddMode::kNormal);
}

absl::StatusOr<WriteStats> RocksDbGraphStore::ImportFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Add(facts, AddMode::kImport);
}

absl::StatusOr<WriteStats> RocksDbGraphStore::BulkAddFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Add(facts, AddMode::kBulk);
}

absl::StatusOr<WriteStats> RocksDbGraphStore::BulkImportFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Add(facts, AddMode::kBulkImport);
}

absl::StatusOr<WriteStats> RocksDbGraphStore::Add(
    const std::vector<kg::v1::Fact>& facts, AddMode mode) {
  DisablePerfStats();
  RETURN_IF_ERROR(ValidateAll(facts));
  // Encoding the batch needs no store state: done before the writer lock,
  // so that it overlaps with other writers' commits.
  const int64_t now_micros = absl::ToUnixMicros(absl::Now());
  rocksdb_internal::AddBatch batch(
      cfs_, &term_cache_, now_micros,
      /*keep_ingested_at=*/mode == AddMode::kImport ||
          mode == AddMode::kBulkImport);
  batch.Reserve(facts);
  for (const kg::v1::Fact& fact : facts) RETURN_IF_ERROR(batch.Add(fact));
  WriteStats stats;
  {
    absl::MutexLock lock(&write_mu_);
    RETURN_IF_ERROR(batch.Build(&stats));
    NoteWrite(now_micros);
    if (mode == AddMode::kBulk || mode == AddMode::kBulkImport) {
      RETURN_IF_ERROR(IngestAsTableFiles(batch));
      batch.PublishTerms();
      return stats;
    }
    RETURN_IF_ERROR(CommitBatch(batch, &stats));
  }
  return Finish(stats);
}

absl::StatusOr<WriteStats> RocksDbGraphStore::DeleteDocument(
    absl::string_view document_id) {
  DisablePerfStats();
  WriteStats stats;
  {
    absl::MutexLock lock(&write_mu_);
    ASSIGN_OR_RETURN(std::optional<keys::DocumentRecord> record,
                     ReadDocument(document_id));
    if (!record.has_value()) {
      return absl::NotFoundError(
          absl::StrCat("document \"", document_id, "\" is not in the store"));
    }
    ASSIGN_OR_RETURN(std::vector<std::string> stored_keys,
                     DocumentEvidenceKeys(document_id));
    rocksdb_internal::WriteTxn txn(cfs_, NextTxnMicros(),
                                   /*keep_ingested_at=*/false, &term_cache_);
    for (const std::string& key : stored_keys) {
      RETURN_IF_ERROR(txn.RemoveEvidence(key).status());
    }
    RETURN_IF_ERROR(CommitTxn(txn, &stats));
  }
  return Finish(stats);
}

absl::Status RocksDbGraphStore::CommitTxn(rocksdb_internal::WriteTxn& txn,
                                          WriteStats* stats) {
  // Synced writes are grouped: appended unsynced here, synced by
  // AwaitDurable outside the writer lock (see the header).
  RETURN_IF_ERROR(txn.Commit(/*sync=*/false, stats));
  if (options_.sync_writes) stats->sync_ticket = syncer_.Written();
  return absl::OkStatus();
}

// The records' files and the others' are written on two threads (a load
// is CPU-bound and the table files are independent), then ingested
// together. Ingested table files are durable when IngestExternalFiles
// returns.
absl::Status RocksDbGraphStore::IngestAsTableFiles(
    const rocksdb_internal::AddBatch& batch) {
  const std::string scratch = options_.path + ".bulk";
  rocksdb_internal::TableFileSink records(cfs_, scratch);
  rocksdb_internal::TableFileSink rest(cfs_, scratch);
  absl::Status records_written;
  std::thread writer([&] { records_written = batch.EmitRecords(records); });
  const absl::Status rest_written = batch.EmitTermsAndFacts(rest);
  writer.join();
  RETURN_IF_ERROR(records_written);
  RETURN_IF_ERROR(rest_written);
  return rest.Ingest({&records});
}

// Synced writes are grouped as in CommitTxn.
absl::Status RocksDbGraphStore::CommitBatch(
    const rocksdb_internal::AddBatch& batch, WriteStats* stats) {
  rocksdb::WriteBatch rows;
  rocksdb_internal::WriteBatchSink sink(cfs_, &rows);
  RETURN_IF_ERROR(batch.Emit(sink));
  RETURN_IF_ERROR(rocksdb_util::FromRocksDb(
      db_->Write(rocksdb::WriteOptions(), &rows), "write", options_.path));
  if (options_.sync_writes) stats->sync_ticket = syncer_.Written();
  batch.PublishTerms();
  return absl::OkStatus();
}

absl::StatusOr<WriteStats> RocksDbGraphStore::Finish(WriteStats stats) {
  if (options_.defer_sync || stats.sync_ticket == 0) return stats;
  RETURN_IF_ERROR(syncer_.AwaitDurable(stats.sync_ticket));
  stats.sync_ticket = 0;
  return stats;
}

absl::Status RocksDbGraphStore::AwaitDurable(uint64_t ticket) {
  return syncer_.AwaitDurable(ticket);
}

absl::Status RocksDbGraphStore::LoadTermCache() {
  ASSIGN_OR_RETURN(uint64_t terms,
                   rocksdb_util::GetCounter(cfs_, rocksdb::ReadOptions(),
                                            keys::kTermsCounter));
  if (terms > term_cache_.max_terms()) return absl::OkStatus();
  const uint64_t overflows_before = term_cache_.overflows();
  absl::Status malformed;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, rocksdb::ReadOptions(), cfs_.dictionary, keys::TermToIdKey(""),
      [&](absl::string_view key, absl::string_view value) {
        TermId id = kNoTerm;
        if (value.size() != keys::kIdBytes || !keys::ReadU64(value, &id)) {
          malformed = absl::DataLossError(
              absl::StrCat("malformed dictionary entry in ", options_.path));
          return false;
        }
        term_cache_.Insert(key.substr(1), id);
        return true;
      }));
  RETURN_IF_ERROR(malformed);
  // A dictionary larger than the byte bound overflowed while loading: what
  // is cached is then only its tail, and misses must be read.
  if (term_cache_.overflows() == overflows_before) term_cache_.MarkComplete();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<rocksdb_keys::DocumentRecord>>
RocksDbGraphStore::ReadDocument(absl::string_view document_id) const {
  ASSIGN_OR_RETURN(std::optional<std::string> stored,
                   rocksdb_util::Get(cfs_, rocksdb::ReadOptions(),
                                     cfs_.documents,
                                     keys::DocumentKey(document_id)));
  if (!stored.has_value()) return std::optional<keys::DocumentRecord>();
  ASSIGN_OR_RETURN(keys::DocumentRecord record,
                   keys::DecodeDocumentRecord(*stored));
  return std::optional<keys::DocumentRecord>(std::move(record));
}

absl::StatusOr<std::vector<std::string>>
RocksDbGraphStore::DocumentEvidenceKeys(absl::string_view document_id) const {
  const std::string prefix = keys::DocumentEvidencePrefix(document_id);
  std::vector<std::string> out;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, rocksdb::ReadOptions(), cfs_.documents, prefix,
      [&](absl::string_view key, absl::string_view) {
        out.emplace_back(key.substr(prefix.size()));
        return true;
      }));
  return out;
}

absl::StatusOr<TermId> RocksDbGraphStore::LookupTerm(
    const std::string& term_bytes) const {
  DisablePerfStats();
  if (std::optional<TermId> id = term_cache_.FindId(term_bytes)) return *id;
  ASSIGN_OR_RETURN(std::optional<std::string> stored,
                   rocksdb_util::Get(cfs_, rocksdb::ReadOptions(),
                                     cfs_.dictionary,
                                     keys::TermToIdKey(term_bytes)));
  if (!stored.has_value()) return kNoTerm;
  TermId id = kNoTerm;
  if (stored->size() != keys::kIdBytes || !keys::ReadU64(*stored, &id)) {
    return absl::DataLossError(
        absl::StrCat("malformed dictionary entry in ", options_.path));
  }
  term_cache_.Insert(term_bytes, id);  // Stored, so committed.
  return id;
}

absl::StatusOr<TermId> RocksDbGraphStore::LookupValue(
    const kg::v1::Value& value) const {
  ASSIGN_OR_RETURN(std::string bytes, EncodeValueTerm(value));
  return LookupTerm(bytes);
}

absl::StatusOr<TermId> RocksDbGraphStore::LookupPredicate(
    absl::string_view predicate) const {
  return LookupTerm(EncodePredicateTerm(predicate));
}

absl::StatusOr<std::string> RocksDbGraphStore::TermBytes(
    const rocksdb::ReadOptions& ro, TermId id) const {
  std::string cached;
  if (id != kNoTerm && term_cache_.FindTerm(id, &cached)) return cached;
  absl::StatusOr<std::optional<std::string>> stored = std::optional<std::string>();
  if (id != kNoTerm) {
    stored = rocksdb_util::Get(cfs_, ro, cfs_.dictionary, keys::IdToTermKey(id));
  }
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    return absl::NotFoundError(absl::StrCat("no term with id ", id));
  }
  term_cache_.Insert(**stored, id);  // Stored, so committed.
  return std::move(**stored);
}

absl::StatusOr<kg::v1::Value> RocksDbGraphStore::DecodeValue(TermId id) const {
  ASSIGN_OR_RETURN(std::string bytes, TermBytes(rocksdb::ReadOptions(), id));
  if (IsPredicateTerm(bytes)) {
    return absl::NotFoundError(
        absl::StrCat("term ", id, " is a predicate, not a value"));
  }
  absl::StatusOr<kg::v1::Value> value = DecodeValueTerm(bytes);
  if (!value.ok()) {
    return absl::DataLossError(absl::StrCat("term ", id, " in ", options_.path,
                                            ": ", value.status().message()));
  }
  return value;
}

absl::StatusOr<std::string> RocksDbGraphStore::DecodePredicate(
    TermId id) const {
  ASSIGN_OR_RETURN(std::string bytes, TermBytes(rocksdb::ReadOptions(), id));
  if (!IsPredicateTerm(bytes)) {
    return absl::NotFoundError(absl::StrCat("term ", id, " is not a predicate"));
  }
  return DecodePredicateTerm(bytes);
}

absl::Status RocksDbGraphStore::Scan(
    const IdPattern& pattern,
    const std::function<bool(const IdTriple&)>& visit) const {
  DisablePerfStats();
  return rocksdb_util::ScanFacts(cfs_, rocksdb_util::FreshIteratorScan{cfs_},
                                 pattern, visit);
}

absl::StatusOr<uint64_t> RocksDbGraphStore::CountPrefix(
    const IdPattern& pattern, uint64_t cap) const {
  DisablePerfStats();
  const keys::PrefixScan plan = keys::PlanScan(pattern);
  uint64_t n = 0;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, rocksdb::ReadOptions(), rocksdb_util::IndexFamily(cfs_, plan.index),
      plan.prefix,
      [&n, cap](absl::string_view, absl::string_view) { return ++n < cap; }));
  return n;
}

uint64_t RocksDbGraphStore::EstimateCount(const IdPattern& pattern) const {
  const rocksdb::ReadOptions ro;
  const bool only_predicate = pattern.subject == kNoTerm &&
                              pattern.value == kNoTerm;
  if (only_predicate) {
    const absl::StatusOr<uint64_t> n = rocksdb_util::GetCounter(
        cfs_, ro,
        pattern.predicate == kNoTerm ? std::string(keys::kFactsCounter)
                                     : keys::PredicateCounterKey(pattern.predicate));
    return n.ok() ? *n : 0;
  }
  const absl::StatusOr<uint64_t> n = CountPrefix(pattern, kEstimateScanCap);
  if (!n.ok()) return 0;
  if (*n < kEstimateScanCap || pattern.predicate == kNoTerm) return *n;
  const absl::StatusOr<uint64_t> upper = rocksdb_util::GetCounter(
      cfs_, ro, keys::PredicateCounterKey(pattern.predicate));
  return upper.ok() ? std::max(*n, *upper) : *n;
}

absl::StatusOr<std::vector<kg::v1::Evidence>> RocksDbGraphStore::GetEvidence(
    const IdTriple& fact) const {
  bool more = false;
  return rocksdb_util::ReadEvidence(cfs_, rocksdb_util::FreshIteratorScan{cfs_},
                                    fact, std::numeric_limits<size_t>::max(),
                                    &more);
}

std::unique_ptr<StoreReader> RocksDbGraphStore::OpenReader() const {
  DisablePerfStats();
  return std::make_unique<RocksDbStoreReader>(cfs_);
}

absl::StatusOr<std::vector<std::string>> RocksDbGraphStore::ListDocuments()
    const {
  std::vector<std::string> out;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, rocksdb::ReadOptions(), cfs_.documents, keys::kDocumentKeyPrefix,
      [&out](absl::string_view key, absl::string_view) {
        out.emplace_back(key.substr(keys::kDocumentKeyPrefix.size()));
        return true;
      }));
  return out;
}

absl::StatusOr<std::vector<DocumentInfo>> RocksDbGraphStore::ListDocumentInfo()
    const {
  std::vector<DocumentInfo> out;
  absl::Status decode_status;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, rocksdb::ReadOptions(), cfs_.documents, keys::kDocumentKeyPrefix,
      [&](absl::string_view key, absl::string_view value) {
        absl::StatusOr<keys::DocumentRecord> record =
            keys::DecodeDocumentRecord(value);
        if (!record.ok()) {
          decode_status = record.status();
          return false;
        }
        out.push_back({std::string(key.substr(keys::kDocumentKeyPrefix.size())),
                       record->content_hash, record->evidence_count});
        return true;
      }));
  return decode_status.ok() ? absl::StatusOr<std::vector<DocumentInfo>>(out)
                            : decode_status;
}

absl::StatusOr<std::vector<kg::v1::Fact>> RocksDbGraphStore::GetDocumentFacts(
    absl::string_view document_id) const {
  rocksdb::ReadOptions ro;
  const rocksdb::Snapshot* snapshot = db_->GetSnapshot();
  ro.snapshot = snapshot;
  absl::StatusOr<std::vector<kg::v1::Fact>> facts =
      ReadDocumentFacts(ro, document_id);
  db_->ReleaseSnapshot(snapshot);
  return facts;
}

absl::StatusOr<std::vector<kg::v1::Fact>> RocksDbGraphStore::ReadDocumentFacts(
    const rocksdb::ReadOptions& ro, absl::string_view document_id) const {
  const std::string prefix = keys::DocumentEvidencePrefix(document_id);
  std::vector<std::string> evidence_keys;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, ro, cfs_.documents, prefix,
      [&](absl::string_view key, absl::string_view) {
        evidence_keys.emplace_back(key.substr(prefix.size()));
        return true;
      }));
  std::vector<kg::v1::Fact> out;
  std::string last_fact;
  for (const std::string& key : evidence_keys) {
    const std::string spo = key.substr(0, keys::kTripleBytes);
    if (out.empty() || spo != last_fact) {
      ASSIGN_OR_RETURN(IdTriple ids, keys::DecodeIndexKey(Index::kSpo, spo));
      ASSIGN_OR_RETURN(kg::v1::Fact fact, DecodeFact(ro, ids));
      out.push_back(std::move(fact));
      last_fact = spo;
    }
    ASSIGN_OR_RETURN(std::optional<std::string> stored,
                     rocksdb_util::Get(cfs_, ro, cfs_.evidence, key));
    if (!stored.has_value() || !out.back().add_evidence()->ParseFromString(*stored)) {
      return absl::DataLossError(
          absl::StrCat("document row without evidence in ", options_.path));
    }
  }
  return out;
}

absl::StatusOr<kg::v1::Fact> RocksDbGraphStore::DecodeFact(
    const rocksdb::ReadOptions& ro, const IdTriple& ids) const {
  kg::v1::Fact fact;
  ASSIGN_OR_RETURN(std::string subject, TermBytes(ro, ids.subject));
  ASSIGN_OR_RETURN(kg::v1::Value subject_value, DecodeValueTerm(subject));
  fact.set_subject(subject_value.entity());
  ASSIGN_OR_RETURN(std::string predicate, TermBytes(ro, ids.predicate));
  ASSIGN_OR_RETURN(*fact.mutable_predicate(), DecodePredicateTerm(predicate));
  ASSIGN_OR_RETURN(std::string value, TermBytes(ro, ids.value));
  ASSIGN_OR_RETURN(*fact.mutable_value(), DecodeValueTerm(value));
  return fact;
}

absl::StatusOr<StoreStats> RocksDbGraphStore::GetStats() const {
  rocksdb::ReadOptions ro;
  const rocksdb::Snapshot* snapshot = db_->GetSnapshot();
  ro.snapshot = snapshot;
  absl::StatusOr<StoreStats> stats = ReadStats(ro);
  db_->ReleaseSnapshot(snapshot);
  if (stats.ok()) stats->memory = ReadMemory();
  return stats;
}

StoreMemory RocksDbGraphStore::ReadMemory() const {
  StoreMemory memory;
  memory.budget_bytes = options_.memory_budget_bytes;
  memory.cache_bytes = cache_->GetUsage();
  db_->GetAggregatedIntProperty(rocksdb::DB::Properties::kCurSizeAllMemTables,
                                &memory.memtable_bytes);
  db_->GetAggregatedIntProperty(
      rocksdb::DB::Properties::kEstimateTableReadersMem,
      &memory.table_reader_bytes);
  memory.term_cache_bytes = term_cache_.bytes();
  memory.term_cache_budget_bytes = options_.term_cache_bytes;
  return memory;
}

absl::StatusOr<StoreStats> RocksDbGraphStore::ReadStats(
    const rocksdb::ReadOptions& ro) const {
  StoreStats stats;
  ASSIGN_OR_RETURN(stats.facts,
                   rocksdb_util::GetCounter(cfs_, ro, keys::kFactsCounter));
  ASSIGN_OR_RETURN(stats.evidence,
                   rocksdb_util::GetCounter(cfs_, ro, keys::kEvidenceCounter));
  ASSIGN_OR_RETURN(stats.documents,
                   rocksdb_util::GetCounter(cfs_, ro, keys::kDocumentsCounter));
  ASSIGN_OR_RETURN(stats.terms,
                   rocksdb_util::GetCounter(cfs_, ro, keys::kTermsCounter));
  ASSIGN_OR_RETURN(const HistoryInfo history, ReadHistoryCounters(ro));
  stats.history_records = history.records;
  stats.history_complete_from_micros = history.complete_from_micros;
  std::vector<std::pair<TermId, uint64_t>> counts;
  bool well_formed = true;
  RETURN_IF_ERROR(rocksdb_util::ScanPrefix(
      cfs_, ro, cfs_.metadata, keys::kPredicateCounterPrefix,
      [&](absl::string_view key, absl::string_view value) {
        TermId id = kNoTerm;
        uint64_t n = 0;
        well_formed = keys::ReadU64(key.substr(keys::kPredicateCounterPrefix.size()), &id) &&
                      keys::ReadU64(value, &n);
        counts.emplace_back(id, n);
        return well_formed;
      }));
  if (!well_formed) {
    return absl::DataLossError(
        absl::StrCat("malformed predicate counter in ", options_.path));
  }
  for (const auto& [id, n] : counts) {
    ASSIGN_OR_RETURN(std::string bytes, TermBytes(ro, id));
    ASSIGN_OR_RETURN(std::string name, DecodePredicateTerm(bytes));
    stats.facts_per_predicate.emplace_back(std::move(name), n);
  }
  std::sort(stats.facts_per_predicate.begin(), stats.facts_per_predicate.end());
  return stats;
}

absl::StatusOr<HistoryInfo> RocksDbGraphStore::ReadHistoryCounters(
    const rocksdb::ReadOptions& ro) const {
  HistoryInfo info;
  ASSIGN_OR_RETURN(info.records,
                   rocksdb_util::GetCounter(cfs_, ro, keys::kHistoryCounter));
  ASSIGN_OR_RETURN(uint64_t complete_from,
                   rocksdb_util::GetCounter(cfs_, ro,
                                            keys::kHistoryCompleteFromKey));
  info.complete_from_micros = static_cast<int64_t>(complete_from);
  return info;
}

absl::StatusOr<HistoryInfo> RocksDbGraphStore::GetHistoryInfo() const {
  DisablePerfStats();
  const rocksdb::Snapshot* snapshot = db_->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  absl::StatusOr<HistoryInfo> info = ReadHistoryCounters(ro);
  db_->ReleaseSnapshot(snapshot);
  if (info.ok()) info->last_write_micros = last_write_micros_.load();
  return info;
}

absl::Status RocksDbGraphStore::ScanHistory(
    int64_t after_micros,
    const std::function<bool(const RetractedEvidence&)>& visit) const {
  DisablePerfStats();
  const std::string start =
      keys::EncodeU64(static_cast<uint64_t>(std::max<int64_t>(after_micros, -1) + 1));
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), cfs_.history));
  RetractedEvidence record;
  for (it->Seek(rocksdb::Slice(start)); it->Valid(); it->Next()) {
    const absl::string_view key(it->key().data(), it->key().size());
    uint64_t retracted_at = 0;
    if (key.size() <= keys::kHistoryTimeBytes + keys::kTripleBytes ||
        !keys::ReadU64(key, &retracted_at) ||
        !record.evidence.ParseFromArray(it->value().data(),
                                        static_cast<int>(it->value().size()))) {
      return absl::DataLossError(
          absl::StrCat("malformed history record in ", options_.path));
    }
    ASSIGN_OR_RETURN(record.fact,
                     keys::DecodeIndexKey(
                         Index::kSpo, key.substr(keys::kHistoryTimeBytes,
                                                 keys::kTripleBytes)));
    record.evidence.set_retracted_at_micros(static_cast<int64_t>(retracted_at));
    if (!visit(record)) return absl::OkStatus();
  }
  return FromRocksDb(it->status(), "history scan", options_.path);
}

absl::StatusOr<uint64_t> RocksDbGraphStore::PurgeHistory(int64_t before_micros) {
  DisablePerfStats();
  if (before_micros <= 0) return uint64_t{0};
  const std::string end = keys::EncodeU64(static_cast<uint64_t>(before_micros));
  uint64_t purged = 0;
  uint64_t latest_purged = 0;  // retracted_at of the last record dropped
  {
    absl::MutexLock lock(&write_mu_);
    const rocksdb::ReadOptions ro;
    {
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_.history));
      for (it->SeekToFirst(); it->Valid() && it->key().compare(
                                                 rocksdb::Slice(end)) < 0;
           it->Next()) {
        ++purged;
        keys::ReadU64(absl::string_view(it->key().data(), it->key().size()),
                      &latest_purged);
      }
      RETURN_IF_ERROR(FromRocksDb(it->status(), "history scan", options_.path));
    }
    // Nothing older: no range tombstone, no synced write (the retention
    // thread asks every period).
    if (purged == 0) return purged;
    ASSIGN_OR_RETURN(const HistoryInfo history, ReadHistoryCounters(ro));
    const uint64_t records = history.records;
    const uint64_t complete_from =
        static_cast<uint64_t>(history.complete_from_micros);
    rocksdb::WriteBatch batch;
    rocksdb::Status s = batch.DeleteRange(cfs_.history, "", rocksdb::Slice(end));
    const uint64_t left = records > purged ? records - purged : 0;
    if (s.ok()) {
      s = left == 0 ? batch.Delete(cfs_.metadata, keys::kHistoryCounter.data())
                    : batch.Put(cfs_.metadata, keys::kHistoryCounter.data(),
                                keys::EncodeU64(left));
    }
    if (s.ok() && latest_purged > complete_from) {
      s = batch.Put(cfs_.metadata, keys::kHistoryCompleteFromKey.data(),
                    keys::EncodeU64(latest_purged));
    }
    rocksdb::WriteOptions wo;
    wo.sync = options_.sync_writes;
    if (s.ok()) s = db_->Write(wo, &batch);
    RETURN_IF_ERROR(FromRocksDb(s, "history purge", options_.path));
  }
  // Reclaims the space now rather than whenever compaction reaches it.
  const rocksdb::Slice end_slice = rocksdb::Slice(end);
  RETURN_IF_ERROR(FromRocksDb(
      db_->CompactRange(rocksdb::CompactRangeOptions(), cfs_.history, nullptr,
                        &end_slice),
      "history compaction", options_.path));
  return purged;
}

}  // namespace kg::graph
