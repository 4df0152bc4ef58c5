#include "graph_service/temporal/as_of_view.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/iso_date.h"
#include "common/status_macros.h"

namespace kg::graph {
namespace {

// Bytes charged per held history record beyond its serialized size: map
// node, vector slot and the three orderings' keys.
constexpr uint64_t kRecordOverheadBytes = 160;

absl::Status ReadOnly() {
  return absl::FailedPreconditionError(
      "a graph read as of a past time cannot be written");
}

bool Matches(const IdPattern& pattern, TermId s, TermId p, TermId v) {
  return (pattern.subject == kNoTerm || pattern.subject == s) &&
         (pattern.predicate == kNoTerm || pattern.predicate == p) &&
         (pattern.value == kNoTerm || pattern.value == v);
}

}  // namespace

absl::StatusOr<std::unique_ptr<AsOfView>> AsOfView::Open(
    const GraphStore& store, int64_t as_of_micros, uint64_t max_bytes) {
  ASSIGN_OR_RETURN(const HistoryInfo info, store.GetHistoryInfo());
  if (as_of_micros < info.complete_from_micros) {
    return absl::FailedPreconditionError(absl::StrCat(
        "as_of ", FormatInstant(as_of_micros),
        " is before the graph's history is complete (",
        FormatInstant(info.complete_from_micros),
        "): older retractions were purged by --history_retention or predate "
        "the store's history; ask as of a later time"));
  }
  std::unique_ptr<AsOfView> view(new AsOfView(
      store, as_of_micros, as_of_micros >= info.last_write_micros));
  uint64_t bytes = 0;
  absl::Status over_budget;
  RETURN_IF_ERROR(store.ScanHistory(
      as_of_micros, [&](const RetractedEvidence& record) {
        if (record.evidence.ingested_at_micros() > as_of_micros) return true;
        bytes += record.evidence.ByteSizeLong() + kRecordOverheadBytes;
        if (max_bytes > 0 && bytes > max_bytes) {
          over_budget = absl::ResourceExhaustedError(absl::StrCat(
              "as_of ", FormatInstant(as_of_micros), " needs more than ",
              max_bytes >> 20,
              " MiB of history records (the query memory budget); ask as of "
              "a later time"));
          return false;
        }
        view->history_[{record.fact.subject, record.fact.predicate,
                        record.fact.value}]
            .push_back(record.evidence);
        ++view->history_records_;
        return true;
      }));
  RETURN_IF_ERROR(over_budget);
  for (const auto& [key, records] : view->history_) {
    view->history_pvs_.push_back({key[1], key[2], key[0]});
    view->history_vsp_.push_back({key[2], key[0], key[1]});
  }
  std::sort(view->history_pvs_.begin(), view->history_pvs_.end());
  std::sort(view->history_vsp_.begin(), view->history_vsp_.end());
  return view;
}

AsOfView::AsOfView(const GraphStore& store, int64_t as_of_micros,
                   bool all_current_present)
    : store_(store),
      as_of_micros_(as_of_micros),
      all_current_present_(all_current_present) {}

void AsOfView::ForEachHistoryMatch(
    const IdPattern& pattern,
    const std::function<bool(const Key&)>& visit) const {
  const TermId s = pattern.subject, p = pattern.predicate, v = pattern.value;
  if (s != kNoTerm) {
    for (auto it = history_.lower_bound({s, p, v});
         it != history_.end() && it->first[0] == s; ++it) {
      const Key& k = it->first;
      if (Matches(pattern, k[0], k[1], k[2]) && !visit(k)) return;
    }
    return;
  }
  // (a, b, c) in an ordering whose first position is bound -> (s, p, v).
  auto scan = [&](const std::vector<Key>& order, TermId first, TermId second,
                  auto to_spo) {
    for (auto it = std::lower_bound(order.begin(), order.end(),
                                    Key{first, second, kNoTerm});
         it != order.end() && (*it)[0] == first; ++it) {
      const Key k = to_spo(*it);
      if (Matches(pattern, k[0], k[1], k[2]) && !visit(k)) return;
    }
  };
  if (p != kNoTerm) {
    scan(history_pvs_, p, v, [](const Key& x) { return Key{x[2], x[0], x[1]}; });
  } else if (v != kNoTerm) {
    scan(history_vsp_, v, kNoTerm,
         [](const Key& x) { return Key{x[1], x[2], x[0]}; });
  } else {
    for (const auto& [k, records] : history_) {
      if (!visit(k)) return;
    }
  }
}

absl::StatusOr<std::vector<kg::v1::Evidence>> AsOfView::CurrentEvidence(
    const IdTriple& fact) const {
  ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> records,
                   store_.GetEvidence(fact));
  if (all_current_present_) return records;
  records.erase(std::remove_if(records.begin(), records.end(),
                               [&](const kg::v1::Evidence& e) {
                                 return e.ingested_at_micros() > as_of_micros_;
                               }),
                records.end());
  return records;
}

absl::Status AsOfView::Scan(
    const IdPattern& pattern,
    const std::function<bool(const IdTriple&)>& visit) const {
  absl::flat_hash_set<Key> visited;  // history facts the store also has
  absl::Status status;
  bool stopped = false;
  RETURN_IF_ERROR(store_.Scan(pattern, [&](const IdTriple& t) {
    const Key key = {t.subject, t.predicate, t.value};
    if (history_.count(key) > 0) {
      visited.insert(key);
    } else if (!all_current_present_) {
      absl::StatusOr<std::vector<kg::v1::Evidence>> present =
          CurrentEvidence(t);
      if (!present.ok()) {
        status = present.status();
        return false;
      }
      if (present->empty()) return true;
    }
    if (!visit(t)) stopped = true;
    return !stopped;
  }));
  RETURN_IF_ERROR(status);
  if (stopped) return absl::OkStatus();
  ForEachHistoryMatch(pattern, [&](const Key& k) {
    if (visited.contains(k)) return true;
    return visit({k[0], k[1], k[2]});
  });
  return absl::OkStatus();
}

absl::StatusOr<std::vector<kg::v1::Evidence>> AsOfView::GetEvidence(
    const IdTriple& fact) const {
  ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> records, CurrentEvidence(fact));
  auto it = history_.find({fact.subject, fact.predicate, fact.value});
  if (it != history_.end()) {
    records.insert(records.end(), it->second.begin(), it->second.end());
  }
  return records;
}

uint64_t AsOfView::EstimateCount(const IdPattern& pattern) const {
  return store_.EstimateCount(pattern);
}

absl::StatusOr<WriteStats> AsOfView::ReplaceDocument(
    absl::string_view, absl::string_view, const std::vector<kg::v1::Fact>&) {
  return ReadOnly();
}
absl::StatusOr<WriteStats> AsOfView::AddFacts(const std::vector<kg::v1::Fact>&) {
  return ReadOnly();
}
absl::StatusOr<WriteStats> AsOfView::ImportFacts(
    const std::vector<kg::v1::Fact>&) {
  return ReadOnly();
}
absl::StatusOr<WriteStats> AsOfView::DeleteDocument(absl::string_view) {
  return ReadOnly();
}

absl::StatusOr<TermId> AsOfView::LookupValue(const kg::v1::Value& value) const {
  return store_.LookupValue(value);
}
absl::StatusOr<TermId> AsOfView::LookupPredicate(
    absl::string_view predicate) const {
  return store_.LookupPredicate(predicate);
}
absl::StatusOr<kg::v1::Value> AsOfView::DecodeValue(TermId id) const {
  return store_.DecodeValue(id);
}
absl::StatusOr<std::string> AsOfView::DecodePredicate(TermId id) const {
  return store_.DecodePredicate(id);
}
absl::StatusOr<std::vector<std::string>> AsOfView::ListDocuments() const {
  return store_.ListDocuments();
}
absl::StatusOr<std::vector<DocumentInfo>> AsOfView::ListDocumentInfo() const {
  return store_.ListDocumentInfo();
}
absl::StatusOr<std::vector<kg::v1::Fact>> AsOfView::GetDocumentFacts(
    absl::string_view document_id) const {
  return store_.GetDocumentFacts(document_id);
}
absl::StatusOr<StoreStats> AsOfView::GetStats() const {
  return store_.GetStats();
}

}  // namespace kg::graph
