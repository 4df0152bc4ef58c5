#include "graph_service/store/rocksdb_graph_store.h"

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;

kg::v1::Value Entity(const std::string& s) {
  kg::v1::Value v;
  v.set_entity(s);
  return v;
}
kg::v1::Value Text(const std::string& s) {
  kg::v1::Value v;
  v.set_text(s);
  return v;
}
kg::v1::Value Integer(int64_t i) {
  kg::v1::Value v;
  v.set_integer(i);
  return v;
}
kg::v1::Value Decimal(const std::string& s) {
  kg::v1::Value v;
  v.set_decimal(s);
  return v;
}
kg::v1::Value Date(const std::string& s) {
  kg::v1::Value v;
  v.set_date(s);
  return v;
}

kg::v1::Fact MakeFact(const std::string& s, const std::string& p,
                      const kg::v1::Value& v, const std::string& doc,
                      uint32_t at = 0, const std::string& rule = "rule.v1") {
  kg::v1::Fact f;
  f.set_subject(s);
  f.set_predicate(p);
  *f.mutable_value() = v;
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat(s, " ", p, " ", v.ShortDebugString()));
  e->set_begin(at);
  e->set_end(at + 10);
  e->set_byte_begin(at);
  e->set_byte_end(at + 10);
  e->set_rule(rule);
  e->set_confidence(0.75f);
  return f;
}

class RocksDbGraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    path_ = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/store_",
                         ::testing::UnitTest::GetInstance()
                             ->current_test_info()
                             ->name());
    Reopen();
  }

  void Reopen() {
    store_.reset();
    RocksDbGraphStoreOptions options;
    options.path = path_;
    absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> store =
        RocksDbGraphStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  TermId Value(const kg::v1::Value& v) {
    absl::StatusOr<TermId> id = store_->LookupValue(v);
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ok() ? *id : kNoTerm;
  }
  TermId Pred(const std::string& p) {
    absl::StatusOr<TermId> id = store_->LookupPredicate(p);
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ok() ? *id : kNoTerm;
  }

  std::vector<IdTriple> ScanAll(const IdPattern& p) {
    std::vector<IdTriple> out;
    const absl::Status s = store_->Scan(p, [&out](const IdTriple& t) {
      out.push_back(t);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s;
    return out;
  }

  // Everything a client can observe except dictionary ids and term count:
  // facts (decoded), their evidence, documents and stats.
  std::string Dump() {
    std::string out;
    for (const IdTriple& t : ScanAll(IdPattern{})) {
      absl::StatusOr<kg::v1::Value> s = store_->DecodeValue(t.subject);
      absl::StatusOr<std::string> p = store_->DecodePredicate(t.predicate);
      absl::StatusOr<kg::v1::Value> v = store_->DecodeValue(t.value);
      EXPECT_TRUE(s.ok() && p.ok() && v.ok());
      if (!s.ok() || !p.ok() || !v.ok()) return "decode error";
      absl::StrAppend(&out, "fact ", s->ShortDebugString(), " ", *p, " ",
                      v->ShortDebugString(), "\n");
      absl::StatusOr<std::vector<kg::v1::Evidence>> ev = store_->GetEvidence(t);
      EXPECT_TRUE(ev.ok());
      for (const kg::v1::Evidence& e : *ev) {
        absl::StrAppend(&out, "  evidence ", e.ShortDebugString(), "\n");
      }
    }
    absl::StatusOr<std::vector<std::string>> docs = store_->ListDocuments();
    EXPECT_TRUE(docs.ok());
    for (const std::string& d : *docs) absl::StrAppend(&out, "doc ", d, "\n");
    absl::StatusOr<StoreStats> stats = store_->GetStats();
    EXPECT_TRUE(stats.ok());
    absl::StrAppend(&out, "stats facts=", stats->facts,
                    " evidence=", stats->evidence,
                    " documents=", stats->documents, "\n");
    for (const auto& [p, n] : stats->facts_per_predicate) {
      absl::StrAppend(&out, "  ", p, "=", n, "\n");
    }
    return out;
  }

  WriteStats Replace(const std::string& doc,
                     const std::vector<kg::v1::Fact>& facts,
                     const std::string& hash = "") {
    absl::StatusOr<WriteStats> stats = store_->ReplaceDocument(doc, hash, facts);
    EXPECT_TRUE(stats.ok()) << stats.status();
    return stats.ok() ? *stats : WriteStats{};
  }

  std::string path_;
  std::unique_ptr<RocksDbGraphStore> store_;
};

TEST_F(RocksDbGraphStoreTest, TypedValuesRoundTripExactly) {
  const std::vector<kg::v1::Value> values = {
      Entity("London"), Text("London"), Integer(0), Integer(-7),
      Integer(std::numeric_limits<int64_t>::min()),
      Integer(std::numeric_limits<int64_t>::max()), Decimal("8.50"),
      Decimal("8.5"), Date("2024-02-29")};
  std::vector<kg::v1::Fact> facts;
  for (size_t i = 0; i < values.size(); ++i) {
    facts.push_back(MakeFact("Jane", "has_value", values[i], "d1", i * 20));
  }
  EXPECT_EQ(Replace("d1", facts).facts_new, values.size());
  std::set<TermId> ids;
  for (const kg::v1::Value& v : values) {
    const TermId id = Value(v);
    ASSERT_NE(id, kNoTerm) << v.ShortDebugString();
    ids.insert(id);
    absl::StatusOr<kg::v1::Value> back = store_->DecodeValue(id);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(back->SerializeAsString(), v.SerializeAsString())
        << back->ShortDebugString() << " != " << v.ShortDebugString();
  }
  EXPECT_EQ(ids.size(), values.size());  // Entity vs text London differ.
  EXPECT_EQ(Value(Text("Jane")), kNoTerm);
  EXPECT_NE(Value(Entity("Jane")), kNoTerm);
  EXPECT_EQ(Pred("no_such_predicate"), kNoTerm);
  const TermId pred = Pred("has_value");
  ASSERT_NE(pred, kNoTerm);
  EXPECT_EQ(*store_->DecodePredicate(pred), "has_value");
  EXPECT_EQ(store_->DecodeValue(pred).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->DecodePredicate(Value(Entity("London"))).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->DecodeValue(kNoTerm).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->DecodeValue(999999).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->LookupValue(kg::v1::Value()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RocksDbGraphStoreTest, EveryPatternShapeIsScannedCorrectly) {
  const std::vector<std::string> names = {"A", "B", "C"};
  std::vector<kg::v1::Fact> facts;
  uint32_t at = 0;
  for (const std::string& s : names) {
    for (const char* p : {"knows", "likes"}) {
      for (const std::string& o : names) {
        if (s != o && (std::string(p) == "knows" || o == "C")) {
          facts.push_back(MakeFact(s, p, Entity(o), "d", at += 20));
        }
      }
    }
  }
  facts.push_back(MakeFact("A", "age", Integer(40), "d", at += 20));
  Replace("d", facts);
  const std::vector<IdTriple> all = ScanAll(IdPattern{});
  ASSERT_EQ(all.size(), facts.size());

  std::vector<TermId> candidates = {kNoTerm, 987654};  // Unbound, unknown.
  for (const std::string& n : names) candidates.push_back(Value(Entity(n)));
  for (const char* p : {"knows", "likes", "age"}) {
    candidates.push_back(Pred(p));
  }
  candidates.push_back(Value(Integer(40)));
  int shapes_with_matches = 0;
  for (TermId s : candidates) {
    for (TermId p : candidates) {
      for (TermId o : candidates) {
        const IdPattern pattern{s, p, o};
        std::vector<IdTriple> expected;
        for (const IdTriple& t : all) {
          if ((s == kNoTerm || t.subject == s) &&
              (p == kNoTerm || t.predicate == p) &&
              (o == kNoTerm || t.value == o)) {
            expected.push_back(t);
          }
        }
        const std::vector<IdTriple> got = ScanAll(pattern);
        ASSERT_THAT(got, UnorderedElementsAreArray(expected))
            << "pattern " << s << " " << p << " " << o;
        EXPECT_EQ(store_->EstimateCount(pattern), expected.size());
        shapes_with_matches += !expected.empty();
      }
    }
  }
  EXPECT_GT(shapes_with_matches, 20);
  int visits = 0;
  ASSERT_TRUE(store_->Scan(IdPattern{}, [&visits](const IdTriple&) {
                    return ++visits < 2;
                  }).ok());
  EXPECT_EQ(visits, 2);
}

TEST_F(RocksDbGraphStoreTest, FactFromTwoDocumentsIsStoredOnce) {
  const kg::v1::Fact f = MakeFact("Jane", "works_for", Entity("Acme"), "d1");
  const WriteStats first = Replace("d1", {f});
  EXPECT_EQ(first.facts_new, 1u);
  EXPECT_EQ(first.evidence_new, 1u);
  const WriteStats second =
      Replace("d2", {MakeFact("Jane", "works_for", Entity("Acme"), "d2", 5)});
  EXPECT_EQ(second.facts_new, 0u);
  EXPECT_EQ(second.evidence_new, 1u);
  const std::vector<IdTriple> all = ScanAll(IdPattern{});
  ASSERT_EQ(all.size(), 1u);
  absl::StatusOr<std::vector<kg::v1::Evidence>> ev = store_->GetEvidence(all[0]);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 2u);
  EXPECT_EQ((*ev)[0].document_id(), "d1");
  EXPECT_EQ((*ev)[1].document_id(), "d2");
  EXPECT_GT((*ev)[0].ingested_at_micros(), 0);
  absl::StatusOr<StoreStats> stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 1u);
  EXPECT_EQ(stats->evidence, 2u);
  EXPECT_EQ(stats->documents, 2u);
  EXPECT_THAT(*store_->ListDocuments(), ElementsAre("d1", "d2"));
}

TEST_F(RocksDbGraphStoreTest, ReaderReusesOneViewAcrossScans) {
  Replace("d1", {MakeFact("Jane", "works_for", Entity("Acme"), "d1"),
                 MakeFact("Jane", "knows", Entity("Raj"), "d1")});
  Replace("d2", {MakeFact("Jane", "works_for", Entity("Acme"), "d2", 5)});
  std::unique_ptr<StoreReader> reader = store_->OpenReader();
  // Written after the reader opened: not seen by it.
  Replace("d3", {MakeFact("Jane", "knows", Entity("Kim"), "d3")});

  const IdPattern jane{Value(Entity("Jane")), kNoTerm, kNoTerm};
  std::vector<IdTriple> seen;
  for (int pass = 0; pass < 2; ++pass) {  // Same answer from a reused iterator.
    seen.clear();
    ASSERT_TRUE(reader->Scan(jane, [&](const IdTriple& t) {
      seen.push_back(t);
      return true;
    }).ok());
    EXPECT_EQ(seen.size(), 2u);
  }
  EXPECT_EQ(ScanAll(jane).size(), 3u);  // The store itself sees d3.

  const IdTriple works_for{Value(Entity("Jane")), Pred("works_for"),
                           Value(Entity("Acme"))};
  bool more = true;
  absl::StatusOr<std::vector<kg::v1::Evidence>> all =
      reader->GetEvidence(works_for, 10, &more);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_FALSE(more);
  absl::StatusOr<std::vector<kg::v1::Evidence>> first =
      reader->GetEvidence(works_for, 1, &more);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].document_id(), "d1");
  EXPECT_TRUE(more);
  ASSERT_TRUE(reader->GetEvidence(works_for, 2, &more).ok());
  EXPECT_FALSE(more);
}

TEST_F(RocksDbGraphStoreTest, ReplaceRemovesStaleFacts) {
  Replace("d", {MakeFact("A", "p", Entity("B"), "d", 0),
                MakeFact("A", "p", Entity("C"), "d", 20)});
  const WriteStats stats = Replace(
      "d", {MakeFact("A", "p", Entity("C"), "d", 20),
            MakeFact("A", "q", Integer(3), "d", 40)});
  EXPECT_EQ(stats.facts_received, 2u);
  EXPECT_EQ(stats.facts_new, 1u);
  EXPECT_EQ(stats.evidence_new, 1u);
  EXPECT_EQ(stats.facts_retracted, 1u);
  EXPECT_EQ(stats.evidence_removed, 1u);
  EXPECT_EQ(ScanAll({kNoTerm, kNoTerm, Value(Entity("B"))}).size(), 0u);
  EXPECT_EQ(ScanAll(IdPattern{}).size(), 2u);
  EXPECT_EQ(store_->EstimateCount({kNoTerm, Pred("p"), kNoTerm}), 1u);
  EXPECT_EQ(store_->EstimateCount({kNoTerm, Pred("q"), kNoTerm}), 1u);
}

TEST_F(RocksDbGraphStoreTest, ReingestIsIdempotent) {
  const std::vector<kg::v1::Fact> facts = {
      MakeFact("A", "p", Entity("B"), "d", 0),
      MakeFact("A", "p", Entity("B"), "d", 0),  // Duplicate statement.
      MakeFact("A", "q", Decimal("8.50"), "d", 20)};
  const WriteStats first = Replace("d", facts);
  EXPECT_EQ(first.facts_received, 2u);
  EXPECT_EQ(first.facts_new, 2u);
  EXPECT_EQ(first.evidence_new, 2u);
  const std::string before = Dump();
  const WriteStats second = Replace("d", facts);
  EXPECT_FALSE(second.unchanged);
  EXPECT_EQ(second.facts_received, 2u);
  EXPECT_EQ(second.facts_new, 0u);
  EXPECT_EQ(second.evidence_new, 0u);
  EXPECT_EQ(second.facts_retracted, 0u);
  EXPECT_EQ(second.evidence_removed, 0u);
  EXPECT_EQ(Dump(), before);  // Includes ingested_at_micros.
}

TEST_F(RocksDbGraphStoreTest, DeleteRestoresThePriorStateExactly) {
  Replace("a", {MakeFact("A", "p", Entity("B"), "a", 0),
                MakeFact("A", "age", Integer(30), "a", 20)});
  const std::string before = Dump();
  Replace("b", {MakeFact("A", "p", Entity("B"), "b", 0),     // Shared.
                MakeFact("X", "p", Entity("Y"), "b", 20),    // New.
                MakeFact("X", "new_pred", Date("2020-01-01"), "b", 40)});
  ASSERT_NE(Dump(), before);
  absl::StatusOr<WriteStats> deleted = store_->DeleteDocument("b");
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_EQ(deleted->facts_retracted, 2u);
  EXPECT_EQ(deleted->evidence_removed, 3u);
  EXPECT_EQ(Dump(), before);
  EXPECT_THAT(*store_->ListDocuments(), ElementsAre("a"));
  EXPECT_EQ(store_->DeleteDocument("b").status().code(),
            absl::StatusCode::kNotFound);
  // Deleting the last document empties the store.
  ASSERT_TRUE(store_->DeleteDocument("a").ok());
  EXPECT_TRUE(ScanAll(IdPattern{}).empty());
  absl::StatusOr<StoreStats> stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts + stats->evidence + stats->documents, 0u);
  EXPECT_TRUE(stats->facts_per_predicate.empty());
}

TEST_F(RocksDbGraphStoreTest, UnchangedContentHashWritesNothing) {
  Replace("d", {MakeFact("A", "p", Entity("B"), "d")}, "hash-1");
  const std::string before = Dump();
  const WriteStats same =
      Replace("d", {MakeFact("A", "p", Entity("C"), "d")}, "hash-1");
  EXPECT_TRUE(same.unchanged);
  EXPECT_EQ(same.facts_new + same.evidence_new + same.facts_retracted, 0u);
  EXPECT_EQ(Dump(), before);
  const WriteStats changed =
      Replace("d", {MakeFact("A", "p", Entity("C"), "d")}, "hash-2");
  EXPECT_FALSE(changed.unchanged);
  EXPECT_EQ(changed.facts_new, 1u);
  EXPECT_EQ(changed.facts_retracted, 1u);
  // An empty hash never short-circuits.
  EXPECT_FALSE(Replace("d", {MakeFact("A", "p", Entity("C"), "d")}).unchanged);
  EXPECT_FALSE(
      Replace("d", {MakeFact("A", "p", Entity("C"), "d")}, "hash-2").unchanged);
}

TEST_F(RocksDbGraphStoreTest, EvidenceIsDedupedByDocumentOffsetsAndRule) {
  kg::v1::Fact f = MakeFact("A", "p", Entity("B"), "imports", 0, "import.v1");
  f.mutable_evidence(0)->set_ingested_at_micros(5);  // Ignored on ingest.
  absl::StatusOr<WriteStats> first = store_->AddFacts({f, f});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->facts_new, 1u);
  EXPECT_EQ(first->evidence_new, 1u);
  absl::StatusOr<WriteStats> again = store_->AddFacts({f});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->evidence_new, 0u);
  kg::v1::Fact other_rule = f;
  other_rule.mutable_evidence(0)->set_rule("import.v2");
  kg::v1::Fact other_offsets = MakeFact("A", "p", Entity("B"), "imports", 7);
  absl::StatusOr<WriteStats> more =
      store_->AddFacts({other_rule, other_offsets});
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->facts_new, 0u);
  EXPECT_EQ(more->evidence_new, 2u);
  const IdTriple fact{Value(Entity("A")), Pred("p"), Value(Entity("B"))};
  absl::StatusOr<std::vector<kg::v1::Evidence>> ev = store_->GetEvidence(fact);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 3u);
  for (const kg::v1::Evidence& e : *ev) EXPECT_GT(e.ingested_at_micros(), 5);
  EXPECT_TRUE(store_->GetEvidence({fact.subject, fact.predicate, 424242})
                  ->empty());
}

TEST_F(RocksDbGraphStoreTest, CountersStayExactAcrossMixedOperations) {
  for (int round = 0; round < 3; ++round) {
    for (int d = 0; d < 4; ++d) {
      const std::string doc = absl::StrCat("doc", d);
      std::vector<kg::v1::Fact> facts;
      for (int i = 0; i < 6; ++i) {
        const int k = (i * (d + 1) + round) % 7;
        facts.push_back(MakeFact(absl::StrCat("E", k % 3),
                                 k % 2 == 0 ? "p_even" : "p_odd",
                                 Integer(k), doc, i * 10));
      }
      Replace(doc, facts);
    }
    ASSERT_TRUE(store_->AddFacts({MakeFact("E0", "derived", Text("x"),
                                           "rules", round)})
                    .ok());
    ASSERT_TRUE(store_->DeleteDocument(absl::StrCat("doc", round)).ok());
  }
  // Recount everything from the data itself.
  std::map<TermId, uint64_t> per_predicate;
  uint64_t evidence = 0;
  std::set<std::string> docs;
  const std::vector<IdTriple> all = ScanAll(IdPattern{});
  for (const IdTriple& t : all) {
    ++per_predicate[t.predicate];
    absl::StatusOr<std::vector<kg::v1::Evidence>> ev = store_->GetEvidence(t);
    ASSERT_TRUE(ev.ok());
    ASSERT_FALSE(ev->empty());
    evidence += ev->size();
    for (const kg::v1::Evidence& e : *ev) docs.insert(e.document_id());
  }
  absl::StatusOr<StoreStats> stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, all.size());
  EXPECT_EQ(stats->evidence, evidence);
  EXPECT_EQ(stats->documents, docs.size());
  // Each round re-ingests doc0..3, then deletes doc<round>.
  absl::StatusOr<std::vector<std::string>> listed = store_->ListDocuments();
  ASSERT_TRUE(listed.ok());
  EXPECT_THAT(*listed, ElementsAre("doc0", "doc1", "doc3", "rules"));
  EXPECT_EQ(std::set<std::string>(listed->begin(), listed->end()), docs);
  ASSERT_EQ(stats->facts_per_predicate.size(), per_predicate.size());
  for (const auto& [name, n] : stats->facts_per_predicate) {
    EXPECT_EQ(per_predicate[Pred(name)], n) << name;
    EXPECT_EQ(store_->EstimateCount({kNoTerm, Pred(name), kNoTerm}), n);
  }
  EXPECT_EQ(store_->EstimateCount(IdPattern{}), all.size());
}

TEST_F(RocksDbGraphStoreTest, ReopeningKeepsEverything) {
  Replace("d", {MakeFact("A", "p", Entity("B"), "d"),
                MakeFact("A", "n", Integer(-3), "d", 20)},
          "h");
  const std::string before = Dump();
  const TermId a = Value(Entity("A"));
  const uint64_t terms = store_->GetStats()->terms;
  Reopen();
  EXPECT_EQ(Dump(), before);
  EXPECT_EQ(Value(Entity("A")), a);
  EXPECT_TRUE(
      Replace("d", {MakeFact("A", "p", Entity("C"), "d")}, "h").unchanged);
  Replace("e", {MakeFact("New", "p", Entity("B"), "e")});
  EXPECT_GT(Value(Entity("New")), terms);  // Ids continue, never reused.
  EXPECT_EQ(store_->GetStats()->terms, terms + 1);
}

TEST_F(RocksDbGraphStoreTest, MemoryBudgetIsCheckedAndReported) {
  store_.reset();
  RocksDbGraphStoreOptions options;
  options.path = path_;
  options.memory_budget_bytes = size_t{1} << 20;  // Below the minimum.
  EXPECT_EQ(RocksDbGraphStore::Open(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.memory_budget_bytes = size_t{32} << 20;
  options.term_cache_bytes = size_t{1} << 20;
  absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> store =
      RocksDbGraphStore::Open(options);
  ASSERT_TRUE(store.ok()) << store.status();
  store_ = std::move(*store);
  Replace("d", {MakeFact("A", "p", Entity("B"), "d")});
  const StoreMemory memory = store_->GetStats()->memory;
  EXPECT_EQ(memory.budget_bytes, size_t{32} << 20);
  EXPECT_EQ(memory.term_cache_budget_bytes, size_t{1} << 20);
  EXPECT_GT(memory.memtable_bytes, 0u);
  EXPECT_GT(memory.term_cache_bytes, 0u);
  EXPECT_LE(memory.term_cache_bytes, memory.term_cache_budget_bytes);
}

TEST_F(RocksDbGraphStoreTest, InvalidFactsWriteNothing) {
  Replace("d", {MakeFact("A", "p", Entity("B"), "d")});
  const std::string before = Dump();
  const uint64_t terms = store_->GetStats()->terms;
  kg::v1::Fact bad = MakeFact("Z", "Bad-Predicate", Entity("B"), "d");
  EXPECT_EQ(store_->ReplaceDocument(
                      "d", "", {MakeFact("Q", "p", Entity("R"), "d"), bad})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->AddFacts({MakeFact("Q", "p", Entity("R"), "d"), bad})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  // Evidence must name the document being replaced.
  EXPECT_EQ(store_->ReplaceDocument("d", "",
                                    {MakeFact("Q", "p", Entity("R"), "other")})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->ReplaceDocument("", "", {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Dump(), before);
  EXPECT_EQ(store_->GetStats()->terms, terms);
  EXPECT_EQ(Value(Entity("Q")), kNoTerm);
}

TEST_F(RocksDbGraphStoreTest, ReplaceUpdatesChangedEvidenceInPlace) {
  kg::v1::Fact f = MakeFact("A", "p", Entity("B"), "d");
  Replace("d", {f});
  const IdTriple fact{Value(Entity("A")), Pred("p"), Value(Entity("B"))};
  const int64_t first_time = (*store_->GetEvidence(fact))[0].ingested_at_micros();
  f.mutable_evidence(0)->set_confidence(0.5f);
  f.mutable_evidence(0)->set_sentence("A p B, reworded.");
  const WriteStats stats = Replace("d", {f});
  EXPECT_EQ(stats.evidence_new + stats.evidence_removed + stats.facts_new, 0u);
  absl::StatusOr<std::vector<kg::v1::Evidence>> ev = store_->GetEvidence(fact);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 1u);
  EXPECT_EQ((*ev)[0].confidence(), 0.5f);
  EXPECT_EQ((*ev)[0].sentence(), "A p B, reworded.");
  EXPECT_GE((*ev)[0].ingested_at_micros(), first_time);
  EXPECT_EQ(store_->GetStats()->evidence, 1u);
}

TEST_F(RocksDbGraphStoreTest, ConcurrentWritersKeepCountersExact) {
  constexpr int kDocsPerThread = 15;
  auto writer = [this](int thread) {
    for (int i = 0; i < kDocsPerThread; ++i) {
      const std::string doc = absl::StrCat("t", thread, "-", i);
      EXPECT_TRUE(store_
                      ->ReplaceDocument(
                          doc, "",
                          {MakeFact("Shared", "p", Integer(i % 5), doc),
                           MakeFact(doc, "q", Entity("Shared"), doc, 20)})
                      .ok());
    }
  };
  std::thread a(writer, 0);
  std::thread b(writer, 1);
  std::thread reader([this] {
    for (int i = 0; i < 30; ++i) EXPECT_TRUE(store_->GetStats().ok());
  });
  a.join();
  b.join();
  reader.join();
  absl::StatusOr<StoreStats> stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 2u * kDocsPerThread);
  EXPECT_EQ(stats->evidence, 4u * kDocsPerThread);
  EXPECT_EQ(stats->facts, 5u + 2u * kDocsPerThread);
  EXPECT_EQ(ScanAll(IdPattern{}).size(), stats->facts);
}

TEST_F(RocksDbGraphStoreTest, OpenReportsErrors) {
  RocksDbGraphStoreOptions options;
  EXPECT_EQ(RocksDbGraphStore::Open(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.path = path_;  // Locked by store_.
  absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> second =
      RocksDbGraphStore::Open(options);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable)
      << second.status();
  EXPECT_THAT(std::string(second.status().message()),
              ::testing::HasSubstr(path_));
}

}  // namespace
}  // namespace kg::graph
