// The checker on synthetic snapshots: it must see every kind of damage a
// crash can do, or the crash test proves nothing.
#include "tests/crash/durability_checker.h"

#include "gtest/gtest.h"
#include "tests/crash/document_generator.h"

namespace kg::crash {
namespace {

class DurabilityCheckerTest : public ::testing::Test {
 protected:
  DurabilityCheckerTest() : generator_(42) {}

  // A snapshot holding `batch`'s first `count` facts (-1: all of them).
  static void Store(const kg::v1::IngestRequest& batch, int count,
                    StoreSnapshot& snapshot) {
    if (count < 0) count = batch.facts_size();
    for (int i = 0; i < count; ++i) snapshot.AddFact(batch.facts(i));
  }

  // Sets the GetStats counters to what was stored, as a sound store would.
  static void MatchStats(StoreSnapshot& snapshot) {
    snapshot.stats_facts = snapshot.facts_read;
    snapshot.stats_evidence = snapshot.evidence_read;
    snapshot.stats_documents = snapshot.by_document.size();
  }

  DocumentGenerator generator_;
};

TEST_F(DurabilityCheckerTest, GeneratorIsDeterministicAndWellFormed) {
  const kg::v1::IngestRequest batch = generator_.Generate(7);
  EXPECT_EQ(batch.SerializeAsString(),
            generator_.Generate(7).SerializeAsString());
  EXPECT_EQ(batch.document_id(), "doc-7");
  EXPECT_FALSE(batch.content_hash().empty());
  EXPECT_GE(batch.facts_size(), DocumentGenerator::kMinFacts);
  EXPECT_LE(batch.facts_size(), DocumentGenerator::kMaxFacts);
  for (const kg::v1::Fact& fact : batch.facts()) {
    ASSERT_EQ(fact.evidence_size(), 1);
    EXPECT_EQ(fact.evidence(0).document_id(), "doc-7");
  }
  EXPECT_NE(batch.content_hash(), generator_.Generate(8).content_hash());
}

TEST_F(DurabilityCheckerTest, CompleteStoreIsClean) {
  StoreSnapshot snapshot;
  const auto a = generator_.Generate(0), b = generator_.Generate(1);
  Store(a, -1, snapshot);
  Store(b, -1, snapshot);
  MatchStats(snapshot);
  DurabilityChecker checker(std::move(snapshot));
  EXPECT_EQ(checker.CheckDocument(a, true), Presence::kComplete);
  EXPECT_EQ(checker.CheckDocument(b, false), Presence::kComplete);
  EXPECT_EQ(checker.CheckDocument(generator_.Generate(2), false),
            Presence::kAbsent);
  const CheckReport report = checker.Finish();
  EXPECT_TRUE(report.ok()) << report.problems.front();
  EXPECT_EQ(report.facts_checked,
            a.facts_size() + b.facts_size() +
                generator_.Generate(2).facts_size());
}

TEST_F(DurabilityCheckerTest, LostFactOfAcknowledgedDocument) {
  StoreSnapshot snapshot;
  const auto a = generator_.Generate(0);
  Store(a, a.facts_size() - 1, snapshot);
  MatchStats(snapshot);
  DurabilityChecker checker(std::move(snapshot));
  EXPECT_EQ(checker.CheckDocument(a, true), Presence::kPartial);
  const CheckReport report = checker.Finish();
  EXPECT_EQ(report.lost, 1u);
  EXPECT_FALSE(report.ok());
}

TEST_F(DurabilityCheckerTest, LostAcknowledgedDocument) {
  StoreSnapshot snapshot;
  const auto a = generator_.Generate(0);
  DurabilityChecker checker(std::move(snapshot));
  EXPECT_EQ(checker.CheckDocument(a, true), Presence::kAbsent);
  EXPECT_EQ(checker.Finish().lost, static_cast<uint64_t>(a.facts_size()));
}

TEST_F(DurabilityCheckerTest, HalfAppliedUnacknowledgedDocument) {
  StoreSnapshot snapshot;
  const auto a = generator_.Generate(3);
  Store(a, 5, snapshot);
  MatchStats(snapshot);
  DurabilityChecker checker(std::move(snapshot));
  EXPECT_EQ(checker.CheckDocument(a, false), Presence::kPartial);
  const CheckReport report = checker.Finish();
  EXPECT_EQ(report.half_applied, 1u);
  EXPECT_EQ(report.lost, 0u);
}

TEST_F(DurabilityCheckerTest, DuplicatedEvidence) {
  StoreSnapshot snapshot;
  const auto a = generator_.Generate(0);
  Store(a, -1, snapshot);
  snapshot.AddFact(a.facts(0));  // The same fact read twice (two ids).
  MatchStats(snapshot);
  DurabilityChecker checker(std::move(snapshot));
  EXPECT_EQ(checker.CheckDocument(a, true), Presence::kComplete);
  EXPECT_EQ(checker.Finish().duplicated, 1u);
}

TEST_F(DurabilityCheckerTest, EvidenceOfUnknownDocumentOrChangedRecord) {
  StoreSnapshot snapshot;
  const auto a = generator_.Generate(0), never_sent = generator_.Generate(9);
  Store(never_sent, -1, snapshot);
  kg::v1::Fact changed = a.facts(0);
  changed.mutable_evidence(0)->set_sentence("something else");
  snapshot.AddFact(changed);
  for (int i = 1; i < a.facts_size(); ++i) snapshot.AddFact(a.facts(i));
  MatchStats(snapshot);
  DurabilityChecker checker(std::move(snapshot));
  EXPECT_EQ(checker.CheckDocument(a, true), Presence::kComplete);
  const CheckReport report = checker.Finish();
  EXPECT_EQ(report.unexpected,
            static_cast<uint64_t>(never_sent.facts_size()) + 1);
  EXPECT_FALSE(report.ok());
}

TEST_F(DurabilityCheckerTest, CountersThatDisagreeWithTheFacts) {
  StoreSnapshot snapshot;
  Store(generator_.Generate(0), -1, snapshot);
  MatchStats(snapshot);
  snapshot.stats_evidence += 1;
  DurabilityChecker checker(std::move(snapshot));
  checker.CheckDocument(generator_.Generate(0), true);
  EXPECT_EQ(checker.Finish().counter_mismatches, 1u);
}

}  // namespace
}  // namespace kg::crash
