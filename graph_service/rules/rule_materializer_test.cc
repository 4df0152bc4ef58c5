#include "graph_service/rules/rule_materializer.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph_service/rules/explain.h"
#include "graph_service/rules/rule_parser.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph::rules {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kRules[] = R"(
lead_op: ?p leads ?op :- ?p leads ?c . ?c type CrimeType .
    ?op targets ?c . ?op type Operation . SAME_DOCUMENT
)";

kg::v1::Fact F(const std::string& s, const std::string& p,
               const std::string& o, const std::string& doc,
               float confidence = 1.0f) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  fact.mutable_value()->set_entity(o);
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat(s, " ", p, " ", o, "."));
  e->set_rule("test");
  e->set_confidence(confidence);
  e->set_byte_begin(static_cast<uint32_t>(s.size() + p.size()));
  e->set_byte_end(e->byte_begin() + 10);
  return fact;
}

std::vector<kg::v1::Fact> Lantern(const std::string& doc, bool with_quill) {
  std::vector<kg::v1::Fact> facts = {
      F("Ann Reed", "leads", "burglary", doc, 0.9f),
      F("burglary", "type", "CrimeType", doc, 0.8f),
      F("Operation Lantern", "targets", "burglary", doc),
      F("Operation Lantern", "type", "Operation", doc)};
  if (with_quill) {
    facts.push_back(F("Operation Quill", "targets", "burglary", doc));
    facts.push_back(F("Operation Quill", "type", "Operation", doc));
  }
  return facts;
}

// Every fact with every evidence record, as text, in index order.
std::vector<std::string> Dump(const GraphStore& store) {
  std::vector<IdTriple> ids;
  EXPECT_TRUE(store.Scan({}, [&](const IdTriple& t) {
    ids.push_back(t);
    return true;
  }).ok());
  std::vector<std::string> out;
  for (const IdTriple& t : ids) {
    const std::string fact = absl::StrCat(
        store.DecodeValue(t.subject)->entity(), " ",
        *store.DecodePredicate(t.predicate), " ",
        store.DecodeValue(t.value)->ShortDebugString());
    const absl::StatusOr<std::vector<kg::v1::Evidence>> evidence =
        store.GetEvidence(t);
    for (const kg::v1::Evidence& e : *evidence) {
      out.push_back(absl::StrCat(fact, " | ", e.ShortDebugString()));
    }
  }
  return out;
}

// "subject leads value" for every derived leads fact.
std::vector<std::string> DerivedLeads(const GraphStore& store) {
  std::vector<std::string> out;
  for (const std::string& line : Dump(store)) {
    if (line.find("rule: \"lead_op\"") != std::string::npos) {
      out.push_back(line.substr(0, line.find(" |")));
    }
  }
  return out;
}

class RuleMaterializerTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam()) {
      RocksDbGraphStoreOptions options;
      static int counter = 0;
      options.path =
          absl::StrCat(std::getenv("TEST_TMPDIR"), "/rules-", ++counter);
      options.sync_writes = false;
      store_ = *RocksDbGraphStore::Open(options);
    } else {
      store_ = std::make_unique<MemoryGraphStore>();
    }
    absl::StatusOr<std::vector<Rule>> rules = ParseRules(kRules);
    ASSERT_TRUE(rules.ok()) << rules.status();
    writer_ = std::make_unique<RuleMaterializer>(store_.get(),
                                                 RuleEngine(*std::move(rules)));
  }
  std::unique_ptr<GraphStore> store_;
  std::unique_ptr<RuleMaterializer> writer_;
};

TEST_P(RuleMaterializerTest, DerivesWithinDocumentOnly) {
  ASSERT_TRUE(writer_->ReplaceDocument("d1", "h1", Lantern("d1", true)).ok());
  // Another document's operation targeting burglary does not join.
  ASSERT_TRUE(writer_->ReplaceDocument(
      "d2", "", {F("Operation Moth", "targets", "burglary", "d2"),
                 F("Operation Moth", "type", "Operation", "d2")}).ok());
  EXPECT_THAT(DerivedLeads(*store_),
              ElementsAre("Ann Reed leads entity: \"Operation Lantern\"",
                          "Ann Reed leads entity: \"Operation Quill\""));
}

TEST_P(RuleMaterializerTest, DerivedEvidenceCarriesTheDocumentsReportedDate) {
  std::vector<kg::v1::Fact> facts = Lantern("d1", false);
  for (kg::v1::Fact& f : facts) {
    f.mutable_evidence(0)->set_reported_date("2021-07-01");
  }
  ASSERT_TRUE(writer_->ReplaceDocument("d1", "", facts).ok());
  int derived = 0;
  for (const std::string& line : Dump(*store_)) {
    if (line.find("premises") == std::string::npos) continue;
    ++derived;
    EXPECT_NE(line.find("reported_date: \"2021-07-01\""), std::string::npos)
        << line;
  }
  EXPECT_EQ(derived, 1);
}

TEST_P(RuleMaterializerTest, ReplaceRetractsStaleDerivationsAndDeleteRestores) {
  ASSERT_TRUE(writer_->ReplaceDocument(
      "other", "", {F("Ann Reed", "member_of", "City Police", "other")}).ok());
  const std::vector<std::string> before = Dump(*store_);
  absl::StatusOr<WriteStats> first =
      writer_->ReplaceDocument("d1", "", Lantern("d1", true));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->facts_received, 6u);
  EXPECT_EQ(first->facts_new, 8u);  // 6 stated + 2 derived
  const std::vector<std::string> full = Dump(*store_);
  // Re-ingesting the same content twice changes nothing.
  ASSERT_TRUE(writer_->ReplaceDocument("d1", "", Lantern("d1", true)).ok());
  ASSERT_TRUE(writer_->ReplaceDocument("d1", "", Lantern("d1", true)).ok());
  EXPECT_EQ(Dump(*store_), full);
  // Dropping Quill's targets retracts the derivation that rested on it.
  absl::StatusOr<WriteStats> smaller =
      writer_->ReplaceDocument("d1", "", Lantern("d1", false));
  ASSERT_TRUE(smaller.ok());
  EXPECT_EQ(smaller->facts_retracted, 3u);
  EXPECT_THAT(DerivedLeads(*store_),
              ElementsAre("Ann Reed leads entity: \"Operation Lantern\""));
  ASSERT_TRUE(writer_->DeleteDocument("d1").ok());
  EXPECT_EQ(Dump(*store_), before);
}

TEST_P(RuleMaterializerTest, AddFactsDerivesFromStoredAndNewFacts) {
  std::vector<kg::v1::Fact> facts = Lantern("d3", false);
  ASSERT_TRUE(writer_->AddFacts({facts[0], facts[1]}).ok());
  EXPECT_THAT(DerivedLeads(*store_), IsEmpty());
  ASSERT_TRUE(writer_->AddFacts({facts[2], facts[3]}).ok());
  EXPECT_THAT(DerivedLeads(*store_),
              ElementsAre("Ann Reed leads entity: \"Operation Lantern\""));
  ASSERT_TRUE(writer_->BulkAddFacts(Lantern("d4", true)).ok());
  EXPECT_EQ(DerivedLeads(*store_).size(), 3u);
  ASSERT_TRUE(writer_->DeleteDocument("d3").ok());
  ASSERT_TRUE(writer_->DeleteDocument("d4").ok());
  EXPECT_THAT(Dump(*store_), IsEmpty());
}

TEST_P(RuleMaterializerTest, ExplainGoesDownToSentences) {
  ASSERT_TRUE(writer_->ReplaceDocument("d1", "", Lantern("d1", false)).ok());
  kg::v1::Triple question;
  question.set_subject("Ann Reed");
  question.set_predicate("leads");
  question.mutable_value()->set_entity("Operation Lantern");
  absl::StatusOr<kg::v1::Derivation> tree = Explain(*store_, question);
  ASSERT_TRUE(tree.ok()) << tree.status();
  ASSERT_EQ(tree->fact().evidence_size(), 1);
  const kg::v1::Evidence& derived = tree->fact().evidence(0);
  EXPECT_EQ(derived.rule(), "lead_op");
  EXPECT_EQ(derived.document_id(), "d1");
  EXPECT_FLOAT_EQ(derived.confidence(), 0.9f * 0.8f);
  ASSERT_EQ(tree->premises_size(), 4);
  EXPECT_EQ(tree->premises(0).fact().evidence(0).sentence(),
            "Ann Reed leads burglary.");
  EXPECT_EQ(tree->premises(3).fact().evidence(0).sentence(),
            "Operation Lantern type Operation.");
  for (const kg::v1::Derivation& p : tree->premises()) {
    EXPECT_EQ(p.premises_size(), 0);
  }
  // A stated fact is a leaf with its evidence.
  kg::v1::Triple stated = question;
  stated.mutable_value()->set_entity("burglary");
  tree = Explain(*store_, stated);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(tree->premises_size(), 0);
  EXPECT_EQ(tree->fact().evidence(0).sentence(), "Ann Reed leads burglary.");
  stated.mutable_value()->set_entity("nothing");
  EXPECT_EQ(Explain(*store_, stated).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(RuleEngineTest, RecursiveRulesReachFixpointAndLimitsHold) {
  absl::StatusOr<std::vector<Rule>> rules = ParseRules(
      "trans: ?a part_of ?c :- ?a part_of ?b . ?b part_of ?c . SAME_DOCUMENT");
  ASSERT_TRUE(rules.ok());
  RuleEngine engine(*rules);
  std::vector<kg::v1::Fact> chain = {F("A", "part_of", "B", "d"),
                                     F("B", "part_of", "C", "d"),
                                     F("C", "part_of", "D", "d")};
  absl::StatusOr<std::vector<kg::v1::Fact>> derived = engine.Derive("d", chain);
  ASSERT_TRUE(derived.ok());
  EXPECT_EQ(derived->size(), 3u);  // A-C, B-D, A-D
  RuleEngineLimits tight;
  tight.max_matches = 2;
  EXPECT_EQ(RuleEngine(*rules, tight).Derive("d", chain).status().code(),
            absl::StatusCode::kResourceExhausted);
}

INSTANTIATE_TEST_SUITE_P(Stores, RuleMaterializerTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "RocksDb" : "Memory";
                         });

}  // namespace
}  // namespace kg::graph::rules
