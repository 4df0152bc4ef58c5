#include "graph_service/store/memory/memory_graph_store.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

kg::v1::Value Entity(const std::string& name) {
  kg::v1::Value v;
  v.set_entity(name);
  return v;
}

kg::v1::Value Text(const std::string& text) {
  kg::v1::Value v;
  v.set_text(text);
  return v;
}

kg::v1::Fact MakeFact(const std::string& subject, const std::string& predicate,
                      const kg::v1::Value& value, const std::string& document,
                      uint32_t byte_begin = 0, const std::string& rule = "r1") {
  kg::v1::Fact fact;
  fact.set_subject(subject);
  fact.set_predicate(predicate);
  *fact.mutable_value() = value;
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(document);
  e->set_sentence("a sentence");
  e->set_byte_begin(byte_begin);
  e->set_byte_end(byte_begin + 10);
  e->set_rule(rule);
  e->set_confidence(0.9f);
  return fact;
}

class MemoryGraphStoreTest : public ::testing::Test {
 protected:
  TermId Id(const kg::v1::Value& value) { return *store_.LookupValue(value); }
  TermId Pred(const std::string& name) { return *store_.LookupPredicate(name); }
  IdTriple Triple(const std::string& s, const std::string& p,
                  const kg::v1::Value& o) {
    return {Id(Entity(s)), Pred(p), Id(o)};
  }
  std::vector<IdTriple> ScanAll(const IdPattern& pattern) {
    std::vector<IdTriple> out;
    EXPECT_TRUE(store_.Scan(pattern, [&](const IdTriple& t) {
                  out.push_back(t);
                  return true;
                }).ok());
    return out;
  }

  MemoryGraphStore store_;
};

TEST_F(MemoryGraphStoreTest, DictionaryKeepsTypesApart) {
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("Vera Holt", "lives_in", Entity("Oslo"),
                                      "d1"),
                             MakeFact("Vera Holt", "alias", Text("Oslo"), "d1",
                                      20)})
                  .ok());
  const TermId entity = Id(Entity("Oslo"));
  const TermId text = Id(Text("Oslo"));
  EXPECT_NE(entity, kNoTerm);
  EXPECT_NE(text, kNoTerm);
  EXPECT_NE(entity, text);
  EXPECT_EQ(Id(Entity("Nowhere")), kNoTerm);
  EXPECT_EQ(Pred("oslo"), kNoTerm);
  EXPECT_EQ(store_.DecodeValue(text)->text(), "Oslo");
  EXPECT_EQ(*store_.DecodePredicate(Pred("alias")), "alias");
  EXPECT_EQ(store_.DecodeValue(Pred("alias")).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_.DecodePredicate(entity).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_.DecodeValue(9999).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_.DecodeValue(kNoTerm).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(MemoryGraphStoreTest, RoundTripsEveryValueKind) {
  std::vector<kg::v1::Value> values(5);
  values[0].set_entity("A rather long entity name beyond SSO");
  values[1].set_text("A rather long text value beyond the SSO limit");
  values[2].set_integer(-9000000000);
  values[3].set_decimal("-0.250");
  values[4].set_date("2020-02-29");
  std::vector<kg::v1::Fact> facts;
  for (size_t i = 0; i < values.size(); ++i) {
    facts.push_back(MakeFact("Subject", "has_value", values[i], "d1", i * 10));
  }
  ASSERT_TRUE(store_.AddFacts(facts).ok());
  for (const kg::v1::Value& value : values) {
    const TermId id = Id(value);
    ASSERT_NE(id, kNoTerm) << value.DebugString();
    absl::StatusOr<kg::v1::Value> decoded = store_.DecodeValue(id);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->SerializeAsString(), value.SerializeAsString());
  }
  kg::v1::Value unset;
  EXPECT_EQ(store_.LookupValue(unset).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(MemoryGraphStoreTest, ScansEveryPatternShape) {
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("A", "knows", Entity("B"), "d1"),
                             MakeFact("A", "knows", Entity("C"), "d1", 10),
                             MakeFact("B", "knows", Entity("C"), "d1", 20),
                             MakeFact("A", "likes", Entity("C"), "d1", 30)})
                  .ok());
  const TermId a = Id(Entity("A")), c = Id(Entity("C"));
  const TermId knows = Pred("knows");
  EXPECT_EQ(ScanAll({}).size(), 4u);
  EXPECT_EQ(ScanAll({a, kNoTerm, kNoTerm}).size(), 3u);
  EXPECT_EQ(ScanAll({a, knows, kNoTerm}).size(), 2u);
  EXPECT_EQ(ScanAll({a, knows, c}).size(), 1u);
  EXPECT_EQ(ScanAll({a, kNoTerm, c}).size(), 2u);
  EXPECT_EQ(ScanAll({kNoTerm, knows, kNoTerm}).size(), 3u);
  EXPECT_EQ(ScanAll({kNoTerm, knows, c}).size(), 2u);
  EXPECT_EQ(ScanAll({kNoTerm, kNoTerm, c}).size(), 3u);
  for (const IdTriple& t : ScanAll({kNoTerm, kNoTerm, c})) {
    EXPECT_EQ(t.value, c);
  }
  EXPECT_EQ(store_.EstimateCount({kNoTerm, knows, c}), 2u);
  EXPECT_EQ(store_.EstimateCount({a, kNoTerm, kNoTerm}), 3u);
  EXPECT_EQ(store_.EstimateCount({c, kNoTerm, kNoTerm}), 0u);
}

TEST_F(MemoryGraphStoreTest, ScanStopsWhenVisitorSaysSoAndAllowsNesting) {
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("A", "knows", Entity("B"), "d1"),
                             MakeFact("B", "knows", Entity("C"), "d1", 10)})
                  .ok());
  int visits = 0;
  ASSERT_TRUE(store_.Scan({}, [&](const IdTriple& t) {
                      // Nested scan from inside a visitor must not deadlock.
                      EXPECT_EQ(store_.EstimateCount({t.subject, 0, 0}), 1u);
                      ++visits;
                      return false;
                    })
                  .ok());
  EXPECT_EQ(visits, 1);
}

TEST_F(MemoryGraphStoreTest, AddFactsDeduplicatesEvidence) {
  const kg::v1::Fact fact = MakeFact("A", "knows", Entity("B"), "d1");
  absl::StatusOr<WriteStats> first = store_.AddFacts({fact, fact});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->facts_received, 1u);
  EXPECT_EQ(first->facts_new, 1u);
  EXPECT_EQ(first->evidence_new, 1u);
  absl::StatusOr<WriteStats> again = store_.AddFacts(
      {fact, MakeFact("A", "knows", Entity("B"), "d1", 0, "other_rule")});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->facts_new, 0u);
  EXPECT_EQ(again->evidence_new, 1u);
  auto evidence = store_.GetEvidence(Triple("A", "knows", Entity("B")));
  ASSERT_TRUE(evidence.ok());
  ASSERT_EQ(evidence->size(), 2u);
  EXPECT_GT((*evidence)[0].ingested_at_micros(), 0);
  EXPECT_EQ(store_.GetStats()->evidence, 2u);
}

TEST_F(MemoryGraphStoreTest, InvalidFactWritesNothing) {
  kg::v1::Fact bad = MakeFact("A", "Not Snake", Entity("B"), "d1");
  absl::StatusOr<WriteStats> stats =
      store_.AddFacts({MakeFact("C", "knows", Entity("D"), "d1"), bad});
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(stats.status().message()), testing::HasSubstr("fact 1"));
  EXPECT_EQ(Id(Entity("C")), kNoTerm);
  EXPECT_EQ(store_.GetStats()->terms, 0u);
}

TEST_F(MemoryGraphStoreTest, ReplaceDocumentRemovesStaleEvidence) {
  ASSERT_TRUE(store_
                  .ReplaceDocument(
                      "d1", "h1",
                      {MakeFact("A", "knows", Entity("B"), "d1"),
                       MakeFact("A", "knows", Entity("C"), "d1", 10)})
                  .ok());
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("A", "knows", Entity("C"), "d2")})
                  .ok());
  absl::StatusOr<WriteStats> stats = store_.ReplaceDocument(
      "d1", "h2",
      {MakeFact("A", "knows", Entity("B"), "d1"),
       MakeFact("A", "knows", Entity("D"), "d1", 40)});
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->facts_received, 2u);
  EXPECT_EQ(stats->facts_new, 1u);         // A knows D
  EXPECT_EQ(stats->evidence_new, 1u);      // A knows B was kept as is
  EXPECT_EQ(stats->evidence_removed, 1u);  // d1's A knows C
  EXPECT_EQ(stats->facts_retracted, 0u);   // d2 still supports A knows C
  EXPECT_EQ(store_.GetStats()->facts, 3u);
  EXPECT_EQ(store_.GetEvidence(Triple("A", "knows", Entity("C")))->size(), 1u);

  stats = store_.ReplaceDocument("d1", "h3",
                                 {MakeFact("A", "knows", Entity("B"), "d1")});
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts_retracted, 1u);  // A knows D
  EXPECT_EQ(store_.EstimateCount({}), 2u);
}

TEST_F(MemoryGraphStoreTest, ReplaceDocumentWithSameHashIsANoOp) {
  const std::vector<kg::v1::Fact> facts = {
      MakeFact("A", "knows", Entity("B"), "d1")};
  ASSERT_TRUE(store_.ReplaceDocument("d1", "h1", facts).ok());
  absl::StatusOr<WriteStats> stats = store_.ReplaceDocument("d1", "h1", {});
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(stats->unchanged);
  EXPECT_EQ(store_.GetStats()->facts, 1u);
  stats = store_.ReplaceDocument("d1", "", facts);  // no hash: always writes
  ASSERT_TRUE(stats.ok());
  EXPECT_FALSE(stats->unchanged);
  EXPECT_EQ(stats->evidence_new, 0u);
}

TEST_F(MemoryGraphStoreTest, ReplaceDocumentRejectsForeignEvidence) {
  absl::StatusOr<WriteStats> stats = store_.ReplaceDocument(
      "d1", "", {MakeFact("A", "knows", Entity("B"), "d2")});
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_.GetStats()->facts, 0u);
}

TEST_F(MemoryGraphStoreTest, DeleteDocumentCountsReferences) {
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("A", "knows", Entity("B"), "d1"),
                             MakeFact("A", "knows", Entity("B"), "d2"),
                             MakeFact("A", "knows", Entity("C"), "d1", 10)})
                  .ok());
  EXPECT_THAT(*store_.ListDocuments(), ElementsAre("d1", "d2"));
  absl::StatusOr<WriteStats> stats = store_.DeleteDocument("d1");
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->evidence_removed, 2u);
  EXPECT_EQ(stats->facts_retracted, 1u);
  EXPECT_EQ(store_.EstimateCount({}), 1u);
  EXPECT_THAT(*store_.ListDocuments(), ElementsAre("d2"));
  EXPECT_EQ(store_.DeleteDocument("d1").status().code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE(store_.DeleteDocument("d2").ok());
  EXPECT_THAT(*store_.ListDocuments(), IsEmpty());
  EXPECT_THAT(*store_.GetEvidence(Triple("A", "knows", Entity("B"))),
              IsEmpty());
}

TEST_F(MemoryGraphStoreTest, StatsCountFactsPerPredicate) {
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("A", "knows", Entity("B"), "d1"),
                             MakeFact("A", "knows", Entity("C"), "d2"),
                             MakeFact("A", "alias", Text("Ay"), "d2", 10)})
                  .ok());
  absl::StatusOr<StoreStats> stats = store_.GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 3u);
  EXPECT_EQ(stats->evidence, 3u);
  EXPECT_EQ(stats->documents, 2u);
  EXPECT_EQ(stats->terms, 6u);  // A B C Ay knows alias
  EXPECT_THAT(stats->facts_per_predicate,
              UnorderedElementsAre(Pair("alias", 1u), Pair("knows", 2u)));
}

}  // namespace
}  // namespace kg::graph
