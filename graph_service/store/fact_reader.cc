#include "graph_service/store/fact_reader.h"

#include <utility>
#include <vector>

#include "common/status_macros.h"

namespace kg::graph {

namespace {

absl::StatusOr<kg::v1::Fact> ReadTerms(const GraphStore& store,
                                       const IdTriple& ids) {
  kg::v1::Fact fact;
  ASSIGN_OR_RETURN(kg::v1::Value subject, store.DecodeValue(ids.subject));
  fact.set_subject(subject.entity());
  ASSIGN_OR_RETURN(std::string predicate, store.DecodePredicate(ids.predicate));
  fact.set_predicate(std::move(predicate));
  ASSIGN_OR_RETURN(kg::v1::Value value, store.DecodeValue(ids.value));
  *fact.mutable_value() = std::move(value);
  return fact;
}

}  // namespace

absl::StatusOr<kg::v1::Fact> ReadFact(const GraphStore& store,
                                      StoreReader& reader, const IdTriple& ids,
                                      size_t max_evidence) {
  ASSIGN_OR_RETURN(kg::v1::Fact fact, ReadTerms(store, ids));
  bool more = false;
  ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> evidence,
                   reader.GetEvidence(ids, max_evidence, &more));
  fact.set_evidence_truncated(more);
  for (kg::v1::Evidence& e : evidence) *fact.add_evidence() = std::move(e);
  return fact;
}

absl::StatusOr<kg::v1::Fact> ReadFact(const GraphStore& store,
                                      const IdTriple& ids, bool with_evidence) {
  ASSIGN_OR_RETURN(kg::v1::Fact fact, ReadTerms(store, ids));
  if (with_evidence) {
    ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> evidence,
                     store.GetEvidence(ids));
    for (kg::v1::Evidence& e : evidence) *fact.add_evidence() = std::move(e);
  }
  return fact;
}

absl::StatusOr<std::optional<IdTriple>> FindFact(const GraphStore& store,
                                                 const kg::v1::Triple& triple) {
  if (triple.value().kind_case() == kg::v1::Value::KIND_NOT_SET) {
    return absl::InvalidArgumentError("the fact's value is not set");
  }
  IdTriple ids;
  ASSIGN_OR_RETURN(ids.subject, LookupEntity(store, triple.subject()));
  ASSIGN_OR_RETURN(ids.predicate, store.LookupPredicate(triple.predicate()));
  ASSIGN_OR_RETURN(ids.value, store.LookupValue(triple.value()));
  if (ids.subject == kNoTerm || ids.predicate == kNoTerm ||
      ids.value == kNoTerm) {
    return std::optional<IdTriple>();
  }
  bool found = false;
  RETURN_IF_ERROR(store.Scan(ids, [&found](const IdTriple&) {
    found = true;
    return false;
  }));
  return found ? std::optional<IdTriple>(ids) : std::optional<IdTriple>();
}

kg::v1::Triple ToTriple(const kg::v1::Fact& fact) {
  kg::v1::Triple triple;
  triple.set_subject(fact.subject());
  triple.set_predicate(fact.predicate());
  *triple.mutable_value() = fact.value();
  return triple;
}

absl::StatusOr<TermId> LookupEntity(const GraphStore& store,
                                    absl::string_view name) {
  kg::v1::Value entity;
  entity.set_entity(std::string(name));
  return store.LookupValue(entity);
}

}  // namespace kg::graph
