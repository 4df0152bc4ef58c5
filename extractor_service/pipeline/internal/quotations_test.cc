#include "extractor_service/pipeline/internal/quotations.h"

#include <string>
#include <vector>

#include "extractor_service/pipeline/analyze_for_test.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::extractor::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Said {
  std::string speaker;  // "" when none was found
  std::string text;
  QuoteSource source;
  int evidence_begin, evidence_end;
};

bool operator==(const Said& a, const Said& b) {
  return a.speaker == b.speaker && a.text == b.text && a.source == b.source &&
         a.evidence_begin == b.evidence_begin &&
         a.evidence_end == b.evidence_end;
}

std::ostream& operator<<(std::ostream& os, const Said& s) {
  return os << "{" << s.speaker << " | " << s.text << " | "
            << static_cast<int>(s.source) << " | " << s.evidence_begin << "-"
            << s.evidence_end << "}";
}

class QuotationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = LoadShippedGazetteer();
    ASSERT_TRUE(g.ok()) << g.status();
    gaz_ = new Gazetteer(std::move(*g));
    reporting_ = new WordList();
    for (const char* w :
         {"said", "says", "added", "explained", "told", "spoke"}) {
      reporting_->insert(w);
    }
  }

  // Every quotation of `text`, with its speaker (or "").
  std::vector<Said> Quotations(const std::string& text) {
    text_ = text;
    AnalyzedDocument doc(text_);
    SplitAndRecognize(*gaz_, &doc);
    QuotationAnalysis analysis(doc, *reporting_);
    std::vector<Said> out;
    for (const Quotation& q : analysis.quotations()) {
      out.push_back({q.speaker == nullptr ? "" : q.speaker->canonical,
                     analysis.Text(q), q.source, q.evidence_begin,
                     q.evidence_end});
    }
    return out;
  }

  static Gazetteer* gaz_;
  static WordList* reporting_;
  std::string text_;
};

Gazetteer* QuotationsTest::gaz_ = nullptr;
WordList* QuotationsTest::reporting_ = nullptr;

constexpr QuoteSource kLeadIn = QuoteSource::kLeadIn;
constexpr QuoteSource kLeadInLine = QuoteSource::kLeadInLine;
constexpr QuoteSource kTrailing = QuoteSource::kTrailing;
constexpr QuoteSource kFollowing = QuoteSource::kFollowing;
constexpr QuoteSource kReported = QuoteSource::kReported;
constexpr QuoteSource kNone = QuoteSource::kNone;

TEST_F(QuotationsTest, QuotationContinuesIntoParagraphsOpeningWithAMark) {
  EXPECT_THAT(
      Quotations(
          "Insp Carol Baines said: \"We patrol the park. We will stay.\n\n"
          "\"Residents asked for this.\n\n"
          "\"It works,\" she added.\n\n"
          "The patrols end in May."),
      ElementsAre(Said{"Carol Baines",
                       "We patrol the park. We will stay. Residents asked for "
                       "this. It works",
                       kLeadIn, 0, 3}));
}

TEST_F(QuotationsTest, UnclosedQuotationEndsAtANarrativeParagraph) {
  EXPECT_THAT(
      Quotations("Insp Carol Baines said: \"We patrol the park.\n"
                 "Officers made two arrests."),
      ElementsAre(Said{"Carol Baines", "We patrol the park.", kLeadIn, 0, 0}));
}

TEST_F(QuotationsTest, LeadInOnTheLineBefore) {
  EXPECT_THAT(Quotations("Sgt Amy Rowe, who leads the team, said:\n"
                         "\"Thank you all.\"\n"
                         "Sgt Amy Rowe;\n"
                         "\"No.\""),
              ElementsAre(Said{"Amy Rowe", "Thank you all.", kLeadInLine, 0, 1},
                          Said{"", "No.", kNone, 3, 3}));
}

TEST_F(QuotationsTest, SpeakerIsTheSubjectOfTheReportingVerb) {
  EXPECT_THAT(
      Quotations(
          "The Mayor, Ann Lee, joined Commander Tom Vale who said: \"Good.\"\n"
          "Det Supt Ravi Bains, who worked with Ann Lee, said: \"Fine.\"\n"
          "DCI Jo Marsh of Northshire Police said: \"Done.\"\n"
          "He was heard asking Ravi Bains: \"Why?\""),
      ElementsAre(Said{"Tom Vale", "Good.", kLeadIn, 0, 0},
                  Said{"Ravi Bains", "Fine.", kLeadIn, 1, 1},
                  Said{"Jo Marsh", "Done.", kLeadIn, 2, 2},
                  Said{"", "Why?", kNone, 3, 3}));
}

TEST_F(QuotationsTest, SpeakerOfACoordinatedVerb) {
  EXPECT_THAT(
      Quotations("Insp Ann Lee said the raid had \"no equal\" and added: "
                 "\"We are proud.\"\n"
                 "Insp Ann Lee thanked officers and said: \"Well done.\"\n"
                 "Insp Ann Lee met Sgt Tom Vale and said: \"Hello.\""),
      ElementsAre(Said{"", "no equal", kNone, 0, 0},
                  Said{"Ann Lee", "We are proud.", kLeadIn, 0, 0},
                  Said{"Ann Lee", "Well done.", kLeadIn, 1, 1},
                  Said{"", "Hello.", kNone, 2, 2}));
}

TEST_F(QuotationsTest, SpeakerNamedByATitleGivenEarlier) {
  EXPECT_THAT(
      Quotations(
          "Commissioner Ann Lee visited the station.\n"
          "After the visit the Commissioner said: \"We are proud.\"\n"
          "The Mayor said: \"Yes.\"\n"
          "Commissioner Tom Vale arrived. The Commissioner said: \"No.\""),
      ElementsAre(Said{"Ann Lee", "We are proud.", kLeadIn, 1, 1},
                  Said{"", "Yes.", kNone, 2, 2}, Said{"", "No.", kNone, 4, 4}));
}

TEST_F(QuotationsTest, SpeakerBeforeAnApposition) {
  EXPECT_THAT(
      Quotations(
          "Assistant chief constable Ann Lee, gold commander for the "
          "match, said: \"Calm.\"\n"
          "Speaking with Sgt Tom Vale, Insp Ravi Bains, of the Dog Unit, "
          "said: \"Busy.\"\n"
          "Kevin Marsh, Chief Executive, Marsh Foods said: \"Good.\""),
      ElementsAre(Said{"Ann Lee", "Calm.", kLeadIn, 0, 0},
                  Said{"Ravi Bains", "Busy.", kLeadIn, 1, 1},
                  Said{"Kevin Marsh", "Good.", kLeadIn, 2, 2}));
}

TEST_F(QuotationsTest, AttributionAfterTheQuotation) {
  EXPECT_THAT(
      Quotations("Insp Carol Baines spoke to reporters.\n"
                 "\"We will stay,\" she said.\n"
                 "\"We are ready,\" said Det Insp Tom Vale.\n"
                 "\"It is over\", Sgt Amy Rowe, of Northshire Police, said.\n"
                 "\"It went well,\" Detective Inspector for Serious Crime, "
                 "Kevin Marsh said after the raids.\n"
                 "\"It is done,\" the force said.\n"
                 "\"We will be back.\""),
      ElementsAre(Said{"Carol Baines", "We will stay", kTrailing, 1, 1},
                  Said{"Tom Vale", "We are ready", kTrailing, 2, 2},
                  Said{"Amy Rowe", "It is over", kTrailing, 3, 3},
                  Said{"Kevin Marsh", "It went well", kTrailing, 4, 4},
                  Said{"", "It is done", kNone, 5, 5},
                  Said{"", "We will be back.", kNone, 6, 6}));
}

TEST_F(QuotationsTest, QuotationInterruptedOrResumedAfterItsAttributionIsOne) {
  EXPECT_THAT(
      Quotations("\"Residents feel safer,\" Insp Carol Baines said, \"and that "
                 "matters.\" \"Thanks.\"\n"
                 "Insp Carol Baines told a meeting of the Northtown Police and "
                 "Crime Panel: \"Thank you.\""),
      ElementsAre(
          Said{"Carol Baines",
               "Residents feel safer, and that matters. Thanks.", kTrailing, 0,
               1},
          Said{"Carol Baines", "and that matters.", QuoteSource::kJoined, 0, 0},
          Said{"Carol Baines", "Thanks.", QuoteSource::kJoined, 1, 1},
          Said{"Carol Baines", "Thank you.", kLeadIn, 2, 2}));
}

TEST_F(QuotationsTest, QuotationWithoutAttributionFollowsTheOneSpeaker) {
  EXPECT_THAT(
      Quotations("Insp Carol Baines, who led the operation, said the results "
                 "were good.\n\n"
                 "\"We made six arrests.\"\n\n"
                 "\"We will be back.\"\n\n"
                 "Officers thanked residents.\n\n"
                 "\"Lock your doors.\""),
      ElementsAre(
          Said{"Carol Baines", "We made six arrests.", kFollowing, 1, 1},
          Said{"Carol Baines", "We will be back.", kFollowing, 2, 2},
          Said{"", "Lock your doors.", kNone, 4, 4}));
}

TEST_F(QuotationsTest, NoFollowingWhenTwoPeopleSpokeOrANonPersonDid) {
  EXPECT_THAT(
      Quotations("\"Yes,\" said Insp Carol Baines. \"No,\" said Sgt Tom Vale.\n"
                 "\"Maybe.\"\n"
                 "Insp Carol Baines said the park was safe. The leaflet says: "
                 "\"Lock it.\"\n"
                 "\"Or lose it.\""),
      ElementsAre(Said{"Carol Baines", "Yes", kTrailing, 0, 0},
                  Said{"Tom Vale", "No", kTrailing, 1, 1},
                  Said{"", "Maybe.", kNone, 2, 2},
                  Said{"", "Lock it.", kNone, 4, 4},
                  Said{"", "Or lose it.", kNone, 5, 5}));
}

TEST_F(QuotationsTest, SingleQuotesAndApostrophes) {
  EXPECT_THAT(
      Quotations("Insp Carol Baines said: 'We don't accept the officers' cars "
                 "being damaged in the Met's car parks.\n"
                 "'It stops now.'\n"
                 "The 'Safe Nights' campaign began in the '90s, Sgt Tom Vale "
                 "said: \"It worked.\""),
      ElementsAre(
          Said{"Carol Baines",
               "We don't accept the officers' cars being damaged in the "
               "Met's car parks. It stops now.",
               kLeadIn, 0, 1},
          Said{"", "Safe Nights", kNone, 2, 2},
          Said{"Tom Vale", "It worked.", kLeadIn, 2, 2}));
}

TEST_F(QuotationsTest, PartialQuotationInReportedSpeech) {
  EXPECT_THAT(
      Quotations(
          "Insp Carol Baines said the raid was \"the largest to date\".\n"
          "Insp Carol Baines said the \"Safe Nights\" scheme works."),
      ElementsAre(Said{"Carol Baines", "the largest to date", kReported, 0, 0},
                  Said{"", "Safe Nights", kNone, 1, 1}));
}

TEST_F(QuotationsTest, HeadlineQuotationHasNoSpeaker) {
  EXPECT_THAT(Quotations("\"We will find you\": police warn burglars\n"
                         "Officers made arrests."),
              ElementsAre(Said{"", "We will find you", kNone, 0, 0}));
}

TEST_F(QuotationsTest, OddMarksNeitherCrashNorAttribute) {
  for (const char* text :
       {"\"", "'", "''''", "\" \" \"", "'a", "a'", "\"\n\"\n\"", "'\n'x\n'",
        "Insp Ann Lee said: \"", "Insp Ann Lee said:\n\"", "\"A,\" said",
        "\"A,\" said Insp", "said: 'a\n'b\n'c", "x 'y' said: z'",
        "The '90s\n'80s 'x\n\"y\" said"}) {
    for (const Said& q : Quotations(text)) {
      EXPECT_TRUE(q.speaker.empty() || q.speaker == "Ann Lee") << text;
    }
  }
}

TEST_F(QuotationsTest, NoQuotations) {
  EXPECT_THAT(Quotations("Insp Carol Baines said the park was safe."),
              IsEmpty());
}

}  // namespace
}  // namespace kg::extractor::internal
