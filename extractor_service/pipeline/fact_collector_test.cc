#include "extractor_service/pipeline/fact_collector.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "extractor_service/pipeline/sentence_splitter.h"
#include "google/protobuf/arena.h"
#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

// "é" (two bytes) makes code-point and byte offsets differ.
constexpr char kText[] =
    "Insp Zoë Hartley leads the Larchwood Unit. "
    "The unit covers Fernhill. Zoë Hartley said so.";

class FactCollectorTest : public ::testing::Test {
 protected:
  FactCollectorTest() : analyzed_(kText) {
    document_.set_id("doc-7");
    document_.set_text(kText);
    for (const SentenceSpan& span : SentenceSplitter().Split(analyzed_.text.text())) {
      AnalyzedSentence s;
      s.span = span;
      analyzed_.sentences.push_back(std::move(s));
    }
  }

  kg::v1::Document document_;
  AnalyzedDocument analyzed_;
  google::protobuf::RepeatedPtrField<kg::v1::Fact> out_;
};

TEST_F(FactCollectorTest, EveryEvidenceRecordCarriesTheReportedDate) {
  FactCollector facts(document_, analyzed_, "2021-06-30", &out_);
  facts.Add("Zoë Hartley", "leads", "Larchwood Unit", true, 0, -1, "r.one", 0.9f);
  facts.Add("Larchwood Unit", "type", "Organisation", true, 0, -1, "r.two", 0.8f);
  ASSERT_EQ(out_.size(), 2);
  for (const kg::v1::Fact& fact : out_) {
    ASSERT_EQ(fact.evidence_size(), 1);
    EXPECT_EQ(fact.evidence(0).reported_date(), "2021-06-30");
  }
}

TEST_F(FactCollectorTest, OneFactPerTripleOneEvidencePerSentence) {
  ASSERT_EQ(analyzed_.sentences.size(), 3u);
  FactCollector facts(document_, analyzed_, "", &out_);
  facts.Add("Zoë Hartley", "leads", "Larchwood Unit", true, 0, -1, "r.one", 0.9f);
  facts.Add("Zoë Hartley", "leads", "Larchwood Unit", true, 0, -1, "r.two", 0.8f);
  facts.Add("Zoë Hartley", "leads", "Larchwood Unit", true, 2, -1, "r.one", 0.9f);
  const google::protobuf::RepeatedPtrField<kg::v1::Fact>& out = out_;
  ASSERT_EQ(out.size(), 1);
  EXPECT_EQ(out[0].subject(), "Zoë Hartley");
  EXPECT_EQ(out[0].predicate(), "leads");
  EXPECT_EQ(out[0].value().entity(), "Larchwood Unit");
  ASSERT_EQ(out[0].evidence_size(), 2);
  const kg::v1::Evidence& first = out[0].evidence(0);
  EXPECT_EQ(first.document_id(), "doc-7");
  EXPECT_EQ(first.sentence(), "Insp Zoë Hartley leads the Larchwood Unit.");
  EXPECT_EQ(first.rule(), "r.one");
  EXPECT_FLOAT_EQ(first.confidence(), 0.9f);
  const kg::v1::Evidence& last = out[0].evidence(1);
  EXPECT_EQ(last.sentence(), "Zoë Hartley said so.");
  const std::string text = kText;
  EXPECT_EQ(last.byte_begin(), text.find("Zoë Hartley said"));
  EXPECT_EQ(last.byte_end(), text.size());
  // One 'ë' (two bytes) before the sentence, one more inside it.
  EXPECT_EQ(last.begin(), last.byte_begin() - 1);
  EXPECT_EQ(last.end(), last.byte_end() - 2);
}

TEST_F(FactCollectorTest, EntityAndTextValuesAreDifferentFacts) {
  FactCollector facts(document_, analyzed_, "", &out_);
  facts.Add("Larchwood Unit", "alias", "Fernhill", false, 1, -1, "r", 1);
  facts.Add("Larchwood Unit", "operates_in", "Fernhill", true, 1, -1, "r", 1);
  facts.Add("Larchwood Unit", "alias", "Fernhill", true, 1, -1, "r", 1);
  const google::protobuf::RepeatedPtrField<kg::v1::Fact>& out = out_;
  ASSERT_EQ(out.size(), 3);
  EXPECT_EQ(out[0].value().text(), "Fernhill");
  EXPECT_EQ(out[1].value().entity(), "Fernhill");
  EXPECT_EQ(out[2].value().entity(), "Fernhill");
}

TEST_F(FactCollectorTest, EntityNamesGetStraightQuotesTextValuesKeepTheirs) {
  FactCollector facts(document_, analyzed_, "", &out_);
  facts.Add("St Anne\xE2\x80\x99s ward", "type", "Place", true, 1, -1, "r", 1);
  facts.Add("St Anne's ward", "type", "Place", true, 2, -1, "r", 1);
  facts.Add("St Anne's ward", "alias", "St Anne\xE2\x80\x99s", false, 2, -1, "r", 1);
  const google::protobuf::RepeatedPtrField<kg::v1::Fact>& out = out_;
  ASSERT_EQ(out.size(), 2);
  EXPECT_EQ(out[0].subject(), "St Anne's ward");
  EXPECT_EQ(out[0].evidence_size(), 2);
  EXPECT_EQ(out[1].value().text(), "St Anne\xE2\x80\x99s");
}

TEST_F(FactCollectorTest, EvidenceRunsOnToLastSentence) {
  FactCollector facts(document_, analyzed_, "", &out_);
  facts.Add("Zoë Hartley", "said", "The unit covers Fernhill.", false, 1, 2, "q", 1);
  const google::protobuf::RepeatedPtrField<kg::v1::Fact>& out = out_;
  ASSERT_EQ(out.size(), 1);
  EXPECT_EQ(out[0].evidence(0).sentence(),
            "The unit covers Fernhill. Zoë Hartley said so.");
}

TEST_F(FactCollectorTest, EmptySideIsIgnored) {
  FactCollector facts(document_, analyzed_, "", &out_);
  facts.Add("", "leads", "Larchwood Unit", true, 0, -1, "r", 1);
  facts.Add("Zoë Hartley", "leads", "", true, 0, -1, "r", 1);
  EXPECT_TRUE(out_.empty());
}

TEST_F(FactCollectorTest, ManyFactsKeepFirstSeenOrderAcrossRehashes) {
  FactCollector facts(document_, analyzed_, "", &out_);
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 2000; ++i) {
      facts.Add(absl::StrCat("Person ", i), "member_of", "Larchwood Unit", true,
                round, -1, "r", 1);
    }
  }
  const google::protobuf::RepeatedPtrField<kg::v1::Fact>& out = out_;
  ASSERT_EQ(out.size(), 2000);
  for (int i = 0; i < 2000; ++i) {
    ASSERT_EQ(out[i].subject(), absl::StrCat("Person ", i));
    ASSERT_EQ(out[i].evidence_size(), 2);
  }
}

TEST_F(FactCollectorTest, AppendsAfterFactsAlreadyThereOnAnArena) {
  google::protobuf::Arena arena;
  auto* response = google::protobuf::Arena::CreateMessage<kg::v1::ExtractResponse>(&arena);
  response->add_facts()->set_subject("earlier");
  FactCollector facts(document_, analyzed_, "", response->mutable_facts());
  facts.Add("Zoë Hartley", "leads", "Larchwood Unit", true, 0, -1, "r", 1);
  facts.Add("Zoë Hartley", "leads", "Larchwood Unit", true, 2, -1, "r", 1);
  ASSERT_EQ(response->facts_size(), 2);
  EXPECT_EQ(response->facts(0).subject(), "earlier");
  EXPECT_EQ(response->facts(0).evidence_size(), 0);
  EXPECT_EQ(response->facts(1).evidence_size(), 2);
}

}  // namespace
}  // namespace kg::extractor
