#include "graph_service/store/memory/memory_graph_store.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kg::graph {
namespace {

// Dictionary key tags. Distinct tags keep the entity "London", the text
// "London" and the predicate "london" apart.
constexpr char kEntityTag = 'e';
constexpr char kTextTag = 't';
constexpr char kIntegerTag = 'i';
constexpr char kDecimalTag = 'd';
constexpr char kDateTag = 'D';
constexpr char kPredicateTag = 'p';

// What makes two evidence records the same: document, byte span and rule.
std::string EvidenceIdentity(const kg::v1::Evidence& e) {
  return absl::StrCat(e.document_id(), std::string(1, '\0'), e.byte_begin(),
                      ":", e.byte_end(), std::string(1, '\0'), e.rule());
}

// Validates every fact; the message names the offending fact's position.
absl::Status ValidateAll(const std::vector<kg::v1::Fact>& facts) {
  for (size_t i = 0; i < facts.size(); ++i) {
    const absl::Status status = ValidateFact(facts[i]);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("fact ", i, ": ", status.message()));
    }
    for (const kg::v1::Evidence& e : facts[i].evidence()) {
      if (e.document_id().empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "fact ", i, ": evidence.document_id must not be empty"));
      }
    }
  }
  return absl::OkStatus();
}

// ReplaceDocument's precondition: all evidence names `document_id`.
absl::Status CheckDocumentEvidence(absl::string_view document_id,
                                   const std::vector<kg::v1::Fact>& facts) {
  if (document_id.empty()) {
    return absl::InvalidArgumentError("document_id must not be empty");
  }
  for (size_t i = 0; i < facts.size(); ++i) {
    for (const kg::v1::Evidence& e : facts[i].evidence()) {
      if (e.document_id() != document_id) {
        return absl::InvalidArgumentError(absl::StrCat(
            "fact ", i, ": evidence names document \"", e.document_id(),
            "\", not \"", document_id, "\""));
      }
    }
  }
  return absl::OkStatus();
}

enum class Order { kSpo, kPos, kOsp };

// Converts a key of index `order` back to (subject, predicate, value).
IdTriple ToTriple(Order order, const std::array<TermId, 3>& key) {
  switch (order) {
    case Order::kSpo:
      return {key[0], key[1], key[2]};
    case Order::kPos:
      return {key[2], key[0], key[1]};
    case Order::kOsp:
      return {key[1], key[2], key[0]};
  }
  return {};
}

}  // namespace

absl::StatusOr<std::string> MemoryGraphStore::ValueKey(
    const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      return absl::StrCat(std::string(1, kEntityTag), value.entity());
    case kg::v1::Value::kText:
      return absl::StrCat(std::string(1, kTextTag), value.text());
    case kg::v1::Value::kInteger:
      return absl::StrCat(std::string(1, kIntegerTag), value.integer());
    case kg::v1::Value::kDecimal:
      return absl::StrCat(std::string(1, kDecimalTag), value.decimal());
    case kg::v1::Value::kDate:
      return absl::StrCat(std::string(1, kDateTag), value.date());
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("value has no kind set");
}

std::string MemoryGraphStore::PredicateKey(absl::string_view predicate) {
  return absl::StrCat(std::string(1, kPredicateTag), predicate);
}

TermId MemoryGraphStore::FindTerm(const std::string& key) const {
  auto it = term_ids_.find(key);
  return it == term_ids_.end() ? kNoTerm : it->second;
}

TermId MemoryGraphStore::InternTerm(const std::string& key) {
  auto [it, inserted] = term_ids_.try_emplace(key, terms_.size() + 1);
  if (inserted) terms_.push_back(key);
  return it->second;
}

absl::StatusOr<std::vector<MemoryGraphStore::PendingEvidence>>
MemoryGraphStore::Prepare(const std::vector<kg::v1::Fact>& facts) {
  // Compute every key before interning anything, so a failure interns none.
  std::vector<std::array<std::string, 3>> keys;
  for (const kg::v1::Fact& fact : facts) {
    kg::v1::Value subject;
    subject.set_entity(fact.subject());
    absl::StatusOr<std::string> s = ValueKey(subject);
    absl::StatusOr<std::string> o = ValueKey(fact.value());
    if (!s.ok()) return s.status();
    if (!o.ok()) return o.status();
    keys.push_back({*std::move(s), PredicateKey(fact.predicate()),
                    *std::move(o)});
  }
  std::vector<PendingEvidence> pending;
  for (size_t i = 0; i < facts.size(); ++i) {
    const Key fact = {InternTerm(keys[i][0]), InternTerm(keys[i][1]),
                      InternTerm(keys[i][2])};
    for (const kg::v1::Evidence& e : facts[i].evidence()) {
      pending.push_back({fact, e});
    }
  }
  return pending;
}

void MemoryGraphStore::InsertFact(const Key& spo) {
  spo_.insert(spo);
  pos_.insert({spo[1], spo[2], spo[0]});
  osp_.insert({spo[2], spo[0], spo[1]});
  ++facts_per_predicate_[spo[1]];
}

void MemoryGraphStore::EraseFact(const Key& spo) {
  spo_.erase(spo);
  pos_.erase({spo[1], spo[2], spo[0]});
  osp_.erase({spo[2], spo[0], spo[1]});
  auto it = facts_per_predicate_.find(spo[1]);
  if (it != facts_per_predicate_.end() && --it->second == 0) {
    facts_per_predicate_.erase(it);
  }
}

void MemoryGraphStore::AddEvidence(const PendingEvidence& pending,
                                   int64_t now_micros, bool keep_time,
                                   WriteStats* stats) {
  auto [it, inserted] = evidence_.try_emplace(pending.fact);
  if (inserted) {
    InsertFact(pending.fact);
    ++stats->facts_new;
  }
  std::vector<kg::v1::Evidence>& records = it->second;
  const std::string identity = EvidenceIdentity(pending.evidence);
  for (const kg::v1::Evidence& e : records) {
    if (EvidenceIdentity(e) == identity) return;
  }
  records.push_back(pending.evidence);
  records.back().clear_retracted_at_micros();
  if (!keep_time || pending.evidence.ingested_at_micros() == 0) {
    records.back().set_ingested_at_micros(now_micros);
  }
  ++evidence_count_;
  ++stats->evidence_new;
  documents_[pending.evidence.document_id()].facts.insert(pending.fact);
}

void MemoryGraphStore::RemoveEvidence(const Key& fact,
                                      absl::string_view document_id,
                                      const std::set<std::string>* keep,
                                      int64_t now_micros,
                                      WriteStats* stats) {
  auto it = evidence_.find(fact);
  if (it == evidence_.end()) return;
  std::vector<kg::v1::Evidence>& records = it->second;
  bool document_still_supports = false;
  auto stale = [&](const kg::v1::Evidence& e) {
    if (e.document_id() != document_id) return false;
    if (keep != nullptr && keep->count(EvidenceIdentity(e)) > 0) {
      document_still_supports = true;
      return false;
    }
    return true;
  };
  const auto removed_begin =
      std::stable_partition(records.begin(), records.end(),
                            [&](const kg::v1::Evidence& e) { return !stale(e); });
  for (auto r = removed_begin; r != records.end(); ++r) {
    RetractedEvidence& kept = history_.emplace_back();
    kept.fact = {fact[0], fact[1], fact[2]};
    kept.evidence = *r;
    kept.evidence.set_retracted_at_micros(now_micros);
  }
  const auto removed = static_cast<uint32_t>(records.end() - removed_begin);
  records.erase(removed_begin, records.end());
  stats->evidence_removed += removed;
  evidence_count_ -= removed;
  if (!document_still_supports) {
    auto doc = documents_.find(std::string(document_id));
    if (doc != documents_.end()) doc->second.facts.erase(fact);
  }
  if (records.empty()) {
    evidence_.erase(it);
    EraseFact(fact);
    ++stats->facts_retracted;
  }
}

absl::StatusOr<WriteStats> MemoryGraphStore::ReplaceDocument(
    absl::string_view document_id, absl::string_view content_hash,
    const std::vector<kg::v1::Fact>& facts) {
  if (absl::Status status = CheckDocumentEvidence(document_id, facts);
      !status.ok()) {
    return status;
  }
  if (absl::Status status = ValidateAll(facts); !status.ok()) return status;

  absl::MutexLock lock(&mu_);
  WriteStats stats;
  auto doc = documents_.find(std::string(document_id));
  if (!content_hash.empty() && doc != documents_.end() &&
      doc->second.content_hash == content_hash) {
    stats.unchanged = true;
    return stats;
  }
  absl::StatusOr<std::vector<PendingEvidence>> pending = Prepare(facts);
  if (!pending.ok()) return pending.status();

  std::map<Key, std::set<std::string>> keep;
  const int64_t now = NextWriteMicros();
  for (const PendingEvidence& p : *pending) {
    keep[p.fact].insert(EvidenceIdentity(p.evidence));
    AddEvidence(p, now, /*keep_time=*/false, &stats);
  }
  stats.facts_received = static_cast<uint32_t>(keep.size());
  DocumentRecord& record = documents_[std::string(document_id)];
  const std::set<Key> supported = record.facts;  // copy: modified below
  const std::set<std::string> keep_nothing;
  for (const Key& fact : supported) {
    auto k = keep.find(fact);
    RemoveEvidence(fact, document_id,
                   k == keep.end() ? &keep_nothing : &k->second, now, &stats);
  }
  record.content_hash = std::string(content_hash);
  return stats;
}

absl::StatusOr<WriteStats> MemoryGraphStore::AddFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Add(facts, /*keep_time=*/false);
}

absl::StatusOr<WriteStats> MemoryGraphStore::ImportFacts(
    const std::vector<kg::v1::Fact>& facts) {
  return Add(facts, /*keep_time=*/true);
}

absl::StatusOr<WriteStats> MemoryGraphStore::Add(
    const std::vector<kg::v1::Fact>& facts, bool keep_time) {
  if (absl::Status status = ValidateAll(facts); !status.ok()) return status;
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::vector<PendingEvidence>> pending = Prepare(facts);
  if (!pending.ok()) return pending.status();
  WriteStats stats;
  std::set<Key> distinct;
  const int64_t now = NextWriteMicros();
  for (const PendingEvidence& p : *pending) {
    distinct.insert(p.fact);
    AddEvidence(p, now, keep_time, &stats);
  }
  stats.facts_received = static_cast<uint32_t>(distinct.size());
  return stats;
}

absl::StatusOr<WriteStats> MemoryGraphStore::DeleteDocument(
    absl::string_view document_id) {
  absl::MutexLock lock(&mu_);
  auto doc = documents_.find(std::string(document_id));
  if (doc == documents_.end()) {
    return absl::NotFoundError(
        absl::StrCat("no document named \"", document_id, "\""));
  }
  WriteStats stats;
  const int64_t now = NextWriteMicros();
  const std::set<Key> supported = doc->second.facts;
  for (const Key& fact : supported) {
    RemoveEvidence(fact, document_id, /*keep=*/nullptr, now, &stats);
  }
  documents_.erase(std::string(document_id));
  return stats;
}

absl::StatusOr<TermId> MemoryGraphStore::LookupValue(
    const kg::v1::Value& value) const {
  absl::StatusOr<std::string> key = ValueKey(value);
  if (!key.ok()) return key.status();
  absl::ReaderMutexLock lock(&mu_);
  return FindTerm(*key);
}

absl::StatusOr<TermId> MemoryGraphStore::LookupPredicate(
    absl::string_view predicate) const {
  absl::ReaderMutexLock lock(&mu_);
  return FindTerm(PredicateKey(predicate));
}

absl::StatusOr<kg::v1::Value> MemoryGraphStore::ValueFromKey(
    const std::string& key) {
  kg::v1::Value value;
  const absl::string_view text =
      key.empty() ? absl::string_view() : absl::string_view(key).substr(1);
  switch (key.empty() ? '\0' : key[0]) {
    case kEntityTag:
      value.set_entity(std::string(text));
      return value;
    case kTextTag:
      value.set_text(std::string(text));
      return value;
    case kIntegerTag: {
      int64_t n = 0;
      if (!absl::SimpleAtoi(text, &n)) break;
      value.set_integer(n);
      return value;
    }
    case kDecimalTag:
      value.set_decimal(std::string(text));
      return value;
    case kDateTag:
      value.set_date(std::string(text));
      return value;
  }
  return absl::NotFoundError("not a value term");
}

absl::StatusOr<kg::v1::Value> MemoryGraphStore::DecodeValue(TermId id) const {
  std::string key;
  {
    absl::ReaderMutexLock lock(&mu_);
    if (id != kNoTerm && id <= terms_.size()) key = terms_[id - 1];
  }
  absl::StatusOr<kg::v1::Value> value = ValueFromKey(key);
  if (!value.ok()) {
    return absl::NotFoundError(absl::StrCat("no value term with id ", id));
  }
  return value;
}

absl::StatusOr<std::string> MemoryGraphStore::DecodePredicate(
    TermId id) const {
  absl::ReaderMutexLock lock(&mu_);
  if (id == kNoTerm || id > terms_.size() ||
      terms_[id - 1][0] != kPredicateTag) {
    return absl::NotFoundError(absl::StrCat("no predicate with id ", id));
  }
  return terms_[id - 1].substr(1);
}

void MemoryGraphStore::ForEachMatch(
    const IdPattern& pattern,
    const std::function<bool(const IdTriple&)>& fn) const {
  const bool s = pattern.subject != kNoTerm;
  const bool p = pattern.predicate != kNoTerm;
  const bool o = pattern.value != kNoTerm;
  // Pick the ordering whose leading positions are exactly the bound ones.
  Order order = Order::kSpo;
  std::vector<TermId> prefix;
  if (s && !p && o) {
    order = Order::kOsp;
    prefix = {pattern.value, pattern.subject};
  } else if (s) {
    prefix = {pattern.subject};
    if (p) prefix.push_back(pattern.predicate);
    if (p && o) prefix.push_back(pattern.value);
  } else if (p) {
    order = Order::kPos;
    prefix = {pattern.predicate};
    if (o) prefix.push_back(pattern.value);
  } else if (o) {
    order = Order::kOsp;
    prefix = {pattern.value};
  }
  const Index& index = order == Order::kSpo   ? spo_
                       : order == Order::kPos ? pos_
                                              : osp_;
  Key start = {kNoTerm, kNoTerm, kNoTerm};
  std::copy(prefix.begin(), prefix.end(), start.begin());
  for (auto it = index.lower_bound(start); it != index.end(); ++it) {
    if (!std::equal(prefix.begin(), prefix.end(), it->begin())) break;
    if (!fn(ToTriple(order, *it))) break;
  }
}

absl::Status MemoryGraphStore::Scan(
    const IdPattern& pattern,
    const std::function<bool(const IdTriple&)>& visit) const {
  std::vector<IdTriple> matches;
  {
    absl::ReaderMutexLock lock(&mu_);
    ForEachMatch(pattern, [&](const IdTriple& triple) {
      matches.push_back(triple);
      return true;
    });
  }
  for (const IdTriple& triple : matches) {
    if (!visit(triple)) break;
  }
  return absl::OkStatus();
}

uint64_t MemoryGraphStore::EstimateCount(const IdPattern& pattern) const {
  absl::ReaderMutexLock lock(&mu_);
  uint64_t count = 0;
  ForEachMatch(pattern, [&](const IdTriple&) {
    ++count;
    return true;
  });
  return count;
}

absl::StatusOr<std::vector<kg::v1::Evidence>> MemoryGraphStore::GetEvidence(
    const IdTriple& fact) const {
  absl::ReaderMutexLock lock(&mu_);
  auto it = evidence_.find({fact.subject, fact.predicate, fact.value});
  if (it == evidence_.end()) return std::vector<kg::v1::Evidence>();
  return it->second;
}

absl::StatusOr<std::vector<std::string>> MemoryGraphStore::ListDocuments()
    const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<std::string> ids;
  for (const auto& [id, record] : documents_) {
    if (!record.facts.empty()) ids.push_back(id);
  }
  return ids;  // std::map keeps them sorted
}

absl::StatusOr<std::vector<DocumentInfo>> MemoryGraphStore::ListDocumentInfo()
    const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<DocumentInfo> out;
  for (const auto& [id, record] : documents_) {
    if (record.facts.empty()) continue;
    DocumentInfo& info = out.emplace_back();
    info.document_id = id;
    info.content_hash = record.content_hash;
    for (const Key& fact : record.facts) {
      for (const kg::v1::Evidence& e : evidence_.at(fact)) {
        info.evidence += e.document_id() == id ? 1 : 0;
      }
    }
  }
  return out;
}

absl::StatusOr<std::vector<kg::v1::Fact>> MemoryGraphStore::GetDocumentFacts(
    absl::string_view document_id) const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<kg::v1::Fact> out;
  auto doc = documents_.find(std::string(document_id));
  if (doc == documents_.end()) return out;
  for (const Key& key : doc->second.facts) {
    kg::v1::Fact& fact = out.emplace_back();
    fact.set_subject(terms_[key[0] - 1].substr(1));
    fact.set_predicate(terms_[key[1] - 1].substr(1));
    absl::StatusOr<kg::v1::Value> value = ValueFromKey(terms_[key[2] - 1]);
    if (!value.ok()) return absl::InternalError("fact value is not a value");
    *fact.mutable_value() = *std::move(value);
    for (const kg::v1::Evidence& e : evidence_.at(key)) {
      if (e.document_id() == document_id) *fact.add_evidence() = e;
    }
  }
  return out;
}

absl::StatusOr<StoreStats> MemoryGraphStore::GetStats() const {
  absl::ReaderMutexLock lock(&mu_);
  StoreStats stats;
  stats.facts = spo_.size();
  stats.evidence = evidence_count_;
  for (const auto& [id, record] : documents_) {
    if (!record.facts.empty()) ++stats.documents;
  }
  stats.terms = terms_.size();
  stats.history_records = history_.size();
  stats.history_complete_from_micros = history_complete_from_;
  for (const auto& [predicate, count] : facts_per_predicate_) {
    stats.facts_per_predicate.emplace_back(terms_[predicate - 1].substr(1),
                                           count);
  }
  std::sort(stats.facts_per_predicate.begin(), stats.facts_per_predicate.end());
  return stats;
}

int64_t MemoryGraphStore::NextWriteMicros() {
  last_write_micros_ =
      std::max(absl::ToUnixMicros(absl::Now()), last_write_micros_ + 1);
  return last_write_micros_;
}

absl::StatusOr<HistoryInfo> MemoryGraphStore::GetHistoryInfo() const {
  absl::ReaderMutexLock lock(&mu_);
  HistoryInfo info;
  info.records = history_.size();
  info.complete_from_micros = history_complete_from_;
  info.last_write_micros = last_write_micros_;
  return info;
}

absl::Status MemoryGraphStore::ScanHistory(
    int64_t after_micros,
    const std::function<bool(const RetractedEvidence&)>& visit) const {
  std::vector<RetractedEvidence> records;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto first = std::upper_bound(
        history_.begin(), history_.end(), after_micros,
        [](int64_t t, const RetractedEvidence& r) {
          return t < r.evidence.retracted_at_micros();
        });
    records.assign(first, history_.end());
  }
  for (const RetractedEvidence& r : records) {
    if (!visit(r)) break;
  }
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> MemoryGraphStore::PurgeHistory(int64_t before_micros) {
  absl::MutexLock lock(&mu_);
  auto end = std::lower_bound(
      history_.begin(), history_.end(), before_micros,
      [](const RetractedEvidence& r, int64_t t) {
        return r.evidence.retracted_at_micros() < t;
      });
  const uint64_t purged = static_cast<uint64_t>(end - history_.begin());
  if (purged > 0) {
    history_complete_from_ = std::max(
        history_complete_from_, std::prev(end)->evidence.retracted_at_micros());
  }
  history_.erase(history_.begin(), end);
  return purged;
}

}  // namespace kg::graph
