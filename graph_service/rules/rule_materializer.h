// RuleMaterializer: the write path of a store with rules. Every write goes
// through it; it adds the facts the rules derive from each affected
// document to the same atomic store write, as that document's evidence.
//
// Maintenance. Rules are SAME_DOCUMENT (docs/rules.md), so a document's
// derivations depend on that document's facts only:
//  - ReplaceDocument derives from the new fact set and writes facts plus
//    derivations as the document's complete set: derivations that no
//    longer hold disappear with the rest of the old set.
//  - AddFacts / ImportFacts / BulkAddFacts (facts naming their own
//    documents) derive, per document, from the document's stored facts
//    plus the new ones and add the new derivations (rules are monotone).
//  - DeleteDocument removes the document's derivations with its evidence.
// Rules loaded later do not apply to documents already stored until they
// are written again (e.g. re-ingested without a content hash).
//
// Durability. Writes are serialised (a document's derivations are computed
// from the state they are written on) but the WAL sync of a write happens
// after that lock is released (GraphStore::AwaitDurable), so concurrent
// writers share syncs (group commit). Methods return once the write is
// durable, unless called with Ack::kApplied: then the returned
// WriteStats::sync_ticket must be passed to AwaitDurable before the write
// is acknowledged to anyone.
//
// Thread safety: safe for concurrent use.
#ifndef KG_GRAPH_SERVICE_RULES_RULE_MATERIALIZER_H_
#define KG_GRAPH_SERVICE_RULES_RULE_MATERIALIZER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "graph_service/rules/rule_engine.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph::rules {

class RuleMaterializer {
 public:
  // When a write method returns: once durable, or once applied (visible,
  // atomic) with a sync ticket still to await.
  enum class Ack { kDurable, kApplied };

  // `store` is not owned and must outlive this object.
  RuleMaterializer(GraphStore* store, RuleEngine engine);

  // As GraphStore's methods of the same names, plus derivations.
  // WriteStats::facts_received counts the caller's facts only; the other
  // counts include derived facts and evidence. Rule errors
  // (ResourceExhausted) fail the write before anything is written.
  absl::StatusOr<WriteStats> ReplaceDocument(
      absl::string_view document_id, absl::string_view content_hash,
      const std::vector<kg::v1::Fact>& facts, Ack ack = Ack::kDurable);
  absl::StatusOr<WriteStats> AddFacts(const std::vector<kg::v1::Fact>& facts,
                                      Ack ack = Ack::kDurable);
  // Blocks until the write that returned `ticket` (and all earlier ones) is
  // durable; see GraphStore::AwaitDurable.
  absl::Status AwaitDurable(uint64_t ticket) {
    return store_->AwaitDurable(ticket);
  }
  absl::StatusOr<WriteStats> ImportFacts(const std::vector<kg::v1::Fact>& facts);
  // Takes the facts by value: a caller done with them moves them in and
  // saves a copy of the whole load.
  absl::StatusOr<WriteStats> BulkAddFacts(std::vector<kg::v1::Fact> facts);
  absl::StatusOr<WriteStats> BulkImportFacts(std::vector<kg::v1::Fact> facts);
  absl::StatusOr<WriteStats> DeleteDocument(absl::string_view document_id);

  const RuleEngine& engine() const { return engine_; }

 private:
  enum class Mode { kAdd, kImport, kBulk, kBulkImport };
  // Writes `facts` with their derivations appended.
  absl::StatusOr<WriteStats> Add(std::vector<kg::v1::Fact> facts, Mode mode);
  absl::StatusOr<WriteStats> Replace(absl::string_view document_id,
                                     absl::string_view content_hash,
                                     const std::vector<kg::v1::Fact>& facts);
  // Waits for `stats`' sync ticket when `ack` is kDurable.
  absl::StatusOr<WriteStats> Settle(absl::StatusOr<WriteStats> stats, Ack ack);
  // What the rules derive, for each document that `facts` give a fact the
  // rules read, from its stored facts plus the new ones.
  absl::StatusOr<std::vector<kg::v1::Fact>> Derivations(
      const std::vector<kg::v1::Fact>& facts) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  GraphStore* const store_;
  const RuleEngine engine_;
  absl::Mutex mu_;
};

}  // namespace kg::graph::rules

#endif  // KG_GRAPH_SERVICE_RULES_RULE_MATERIALIZER_H_
