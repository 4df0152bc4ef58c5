// AsOfView: the graph as it stood at one instant of transaction time, as a
// read-only GraphStore, so that the query engine runs on it unchanged
// (`{as_of: T}` on a pattern, docs/time.md).
//
// An evidence record was present at T when ingested_at <= T < retracted_at
// (graph_store.h, "Transaction time"); a fact, when one of its records was.
// The view holds in memory the history records that were present at T and
// retracted since (their number grows with the writes after T, not with
// the store), and reads current evidence through the store underneath.
//
// Limits, by design:
//  - An evidence record whose content a ReplaceDocument changed counts from
//    its newest version's ingested_at; the older versions are history.
//  - Records brought in by ImportFacts keep the exported ingested_at, so an
//    import reads as of its export's past, minus what that store retracted.
//  - Scan visits the store's current facts first, in its index order, then
//    the facts present only in the history, in spo order; callers that
//    need one order must sort.
//  - Dictionary lookups, EstimateCount, document listings and statistics
//    are those of the current store.
//
// Thread safety: as the store underneath; the view itself is immutable.
#ifndef KG_GRAPH_SERVICE_TEMPORAL_AS_OF_VIEW_H_
#define KG_GRAPH_SERVICE_TEMPORAL_AS_OF_VIEW_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

class AsOfView final : public GraphStore {
 public:
  // The view of `store` (which must outlive it) at `as_of_micros`.
  // FailedPrecondition, naming the earliest instant that can be read, when
  // the store's history is not complete back to `as_of_micros` (purged by
  // the retention policy, or older than a migration); Unimplemented for a
  // store without history; ResourceExhausted when the history records to
  // hold would take more than `max_bytes` (0: no bound).
  static absl::StatusOr<std::unique_ptr<AsOfView>> Open(const GraphStore& store,
                                                        int64_t as_of_micros,
                                                        uint64_t max_bytes);

  int64_t as_of_micros() const { return as_of_micros_; }
  // History records held (present at T, retracted since).
  size_t history_records() const { return history_records_; }

  // Writes are refused (FailedPrecondition): the past is read-only.
  absl::StatusOr<WriteStats> ReplaceDocument(
      absl::string_view document_id, absl::string_view content_hash,
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> AddFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> ImportFacts(
      const std::vector<kg::v1::Fact>& facts) override;
  absl::StatusOr<WriteStats> DeleteDocument(
      absl::string_view document_id) override;

  absl::StatusOr<TermId> LookupValue(const kg::v1::Value& value) const override;
  absl::StatusOr<TermId> LookupPredicate(
      absl::string_view predicate) const override;
  absl::StatusOr<kg::v1::Value> DecodeValue(TermId id) const override;
  absl::StatusOr<std::string> DecodePredicate(TermId id) const override;

  // The facts present at T (see the order note above).
  absl::Status Scan(
      const IdPattern& pattern,
      const std::function<bool(const IdTriple&)>& visit) const override;
  uint64_t EstimateCount(const IdPattern& pattern) const override;
  // The records present at T: current ones first, then history records
  // (retracted_at_micros set). Empty for a fact absent at T.
  absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact) const override;

  absl::StatusOr<std::vector<std::string>> ListDocuments() const override;
  absl::StatusOr<std::vector<DocumentInfo>> ListDocumentInfo() const override;
  absl::StatusOr<std::vector<kg::v1::Fact>> GetDocumentFacts(
      absl::string_view document_id) const override;
  absl::StatusOr<StoreStats> GetStats() const override;

 private:
  using Key = std::array<TermId, 3>;  // (s, p, v)

  AsOfView(const GraphStore& store, int64_t as_of_micros,
           bool all_current_present);

  // Calls `visit` for the history facts matching `pattern` until it
  // returns false (one range of the ordering that serves the pattern).
  void ForEachHistoryMatch(const IdPattern& pattern,
                           const std::function<bool(const Key&)>& visit) const;

  // The current records of `fact` present at T.
  absl::StatusOr<std::vector<kg::v1::Evidence>> CurrentEvidence(
      const IdTriple& fact) const;

  const GraphStore& store_;
  const int64_t as_of_micros_;
  // T is at or after the store's latest write: every current record is
  // present at T and needs no check.
  const bool all_current_present_;
  // History records present at T, per fact (spo order), and the same facts
  // as (p, v, s) and (v, s, p), sorted.
  std::map<Key, std::vector<kg::v1::Evidence>> history_;
  std::vector<Key> history_pvs_;
  std::vector<Key> history_vsp_;
  size_t history_records_ = 0;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_TEMPORAL_AS_OF_VIEW_H_
