#include "extractor_service/pipeline/entity_recognizer.h"

#include <string>

#include "extractor_service/pipeline/analyze_for_test.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

class EntityRecognizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = LoadShippedGazetteer();
    ASSERT_TRUE(g.ok()) << g.status();
    gaz_ = new Gazetteer(std::move(*g));
  }

  // Splits `doc` into tokenized sentences and recognizes its mentions.
  void SplitAndRecognize(AnalyzedDocument* doc) {
    kg::extractor::SplitAndRecognize(*gaz_, doc);
  }

  // Recognizes `text` split into lines as sentences; returns
  // "Class:canonical[/alias]" per mention.
  std::vector<std::string> Recognize(const std::string& text) {
    text_ = text;
    AnalyzedDocument doc(text_);
    SplitAndRecognize(&doc);
    std::vector<std::string> out;
    for (const Mention& m : doc.mentions) {
      if (m.inside_name) continue;
      std::string s = std::string(ClassName(m.cls)) + ":" + m.canonical;
      if (!m.alias.empty()) s += "/" + m.alias;
      if (!m.role.empty()) s += "#" + m.role;
      out.push_back(s);
    }
    return out;
  }

  // The author and "Class:canonical@token" per author mention.
  std::vector<std::string> AuthorMentions(const std::string& text,
                                          std::string* author) {
    text_ = text;
    AnalyzedDocument doc(text_);
    SplitAndRecognize(&doc);
    *author = doc.author;
    std::vector<std::string> out;
    for (const Mention& m : doc.author_mentions) {
      out.push_back(std::string(ClassName(m.cls)) + ":" + m.canonical + "@" +
                    std::to_string(m.sentence) + "." + std::to_string(m.begin));
    }
    return out;
  }

  static Gazetteer* gaz_;
  std::string text_;
};

Gazetteer* EntityRecognizerTest::gaz_ = nullptr;

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_F(EntityRecognizerTest, PersonWithForceRankAndShortForm) {
  auto m = Recognize(
      "GMP Det Supt Priya Nandakumar led the raid. Later Ms Nandakumar left.");
  EXPECT_THAT(m, Contains("Organization:Greater Manchester Police"));
  EXPECT_THAT(m, Contains("Person:Priya Nandakumar/GMP Det Supt Priya "
                          "Nandakumar#Detective Superintendent"));
  EXPECT_THAT(m, Contains("Person:Priya Nandakumar/Ms Nandakumar"));
}

TEST_F(EntityRecognizerTest, TitleInApposition) {
  auto m = Recognize("The Mayor of Greater Manchester, Owen Hartley, said: \"Good.\"");
  EXPECT_THAT(m, Contains("Person:Owen Hartley#Mayor of Greater Manchester"));
}

TEST_F(EntityRecognizerTest, OperationList) {
  auto m = Recognize("Under Operations Kestrel, Tern and Lark Rise, 40 were held.");
  EXPECT_THAT(m, ElementsAre("Operation:Operation Kestrel",
                             "Operation:Operation Tern",
                             "Operation:Operation Lark Rise"));
}

TEST_F(EntityRecognizerTest, OperationSlashAndShortForm) {
  auto m = Recognize("Op Harrier/Merlin began.");
  EXPECT_THAT(m, ElementsAre("Operation:Operation Harrier/Op Harrier",
                             "Operation:Operation Merlin"));
}

TEST_F(EntityRecognizerTest, UnitsByHeadWordAndAcronym) {
  auto m = Recognize(
      "The Rail Knife Crime Squad and Serious Violence Task Units (SVTUs) met "
      "the Economic Crime unit.");
  EXPECT_THAT(m, Contains("Unit:Rail Knife Crime Squad"));
  EXPECT_THAT(m, Contains("Unit:Serious Violence Task Units/SVTUs"));
  EXPECT_THAT(m, Contains("Unit:Economic Crime Unit/Economic Crime unit"));
}

TEST_F(EntityRecognizerTest, CampaignAndProgrammeStripHead) {
  auto m = Recognize("The Safe Summer campaign joins our REACH programme.");
  EXPECT_THAT(m, Contains("Campaign:Safe Summer"));
  EXPECT_THAT(m, Contains("Programme:REACH/REACH programme"));
}

TEST_F(EntityRecognizerTest, ForceAliasesKeepArticle) {
  auto m = Recognize("Officers from the Met and Met Police staff joined BTP.");
  EXPECT_THAT(m, Contains("Organization:Metropolitan Police Service/the Met"));
  EXPECT_THAT(m, Contains("Organization:Metropolitan Police Service/Met Police"));
  EXPECT_THAT(m, Contains("Organization:British Transport Police/BTP"));
}

TEST_F(EntityRecognizerTest, PlacesAndCrimeTypes) {
  auto m = Recognize("Shoplifting fell in Salford and antisocial behaviour in Digbeth.");
  EXPECT_THAT(m, ElementsAre("CrimeType:shoplifting", "Place:Salford",
                             "CrimeType:anti-social behaviour", "Place:Digbeth"));
}

TEST_F(EntityRecognizerTest, PronounResolvesToLastPerson) {
  std::string text = "Insp Carl Dobbs spoke.\nHe said: \"We will act.\"";
  auto m = Recognize(text);
  EXPECT_EQ(m.back(), "Person:Carl Dobbs");
}

TEST_F(EntityRecognizerTest, SentenceInitialGerundIsNoName) {
  auto m = Recognize("Expanding Tactical Response Team patrols.");
  EXPECT_THAT(m, ElementsAre("Unit:Tactical Response Team"));
}

TEST_F(EntityRecognizerTest, BylineNamesTheAuthorOfFirstPersonText) {
  std::string author;
  auto m = AuthorMentions(
      "As your Chief Constable, I want to explain my plans.\n"
      "\"I will not stop,\" Insp Carl Dobbs said.\n"
      "More articles by Dame Nadia Okafor",
      &author);
  EXPECT_EQ(author, "Nadia Okafor");
  // The quoted "I" is the inspector's, not the author's.
  EXPECT_THAT(m, ElementsAre("Role:Chief Constable@0.2", "Person:Nadia Okafor@0.5",
                             "Person:Nadia Okafor@0.9"));
}

TEST_F(EntityRecognizerTest, NoBylineNoAuthor) {
  std::string author;
  auto m = AuthorMentions("As your Chief Constable, I want to explain my plans.", &author);
  EXPECT_EQ(author, "");
  EXPECT_TRUE(m.empty());
  // "By" opening an ordinary sentence is no byline.
  m = AuthorMentions("By Christmas Day, officers had made arrests.\nI was there.", &author);
  EXPECT_EQ(author, "");
  EXPECT_TRUE(m.empty());
}

TEST_F(EntityRecognizerTest, BylinesNamingDifferentPeopleGiveNoAuthor) {
  std::string author;
  auto m = AuthorMentions("Posted by Nadia Okafor\nI agree.\nPosted by Carl Dobbs", &author);
  EXPECT_EQ(author, "");
  EXPECT_TRUE(m.empty());
}

TEST_F(EntityRecognizerTest, BylineWithUnknownNameAddsThePerson) {
  std::string author;
  AuthorMentions("Written by Zebedee Quartermain, Chief Constable\nI am proud.", &author);
  EXPECT_EQ(author, "Zebedee Quartermain");
  auto m = Recognize("Written by Zebedee Quartermain, Chief Constable\nI am proud.");
  EXPECT_THAT(m, Contains("Person:Zebedee Quartermain"));
}

TEST_F(EntityRecognizerTest, ProgrammesFromTheGazetteer) {
  auto m = Recognize("The action is part of the New Met for London plan.");
  EXPECT_THAT(m, Contains("Programme:A New Met for London/New Met for London plan"));
  m = Recognize("The Met published A New Met for London: Phase 2 today.");
  EXPECT_THAT(m, Contains("Programme:A New Met for London: Phase 2"));
  // "Prevent" is listed as needing a head-word.
  m = Recognize("Referrals to the Prevent programme rose.");
  EXPECT_THAT(m, Contains("Programme:Prevent/Prevent programme"));
  m = Recognize("Prevent harm by locking your car.");
  EXPECT_THAT(m, ElementsAre());
}

TEST_F(EntityRecognizerTest, RankBeforeOfIsNoPartOfTheBody) {
  auto m = Recognize("I am the Chief Constable of Northshire Police.");
  EXPECT_THAT(m, ElementsAre("Organization:Northshire Police"));
}

TEST_F(EntityRecognizerTest, UnknownPlacesListedWithKnownOnes) {
  EXPECT_THAT(Recognize("Warrants were executed across Ashbury, Kelton and Salford."),
              ElementsAre("Place:Ashbury", "Place:Kelton", "Place:Salford"));
  EXPECT_THAT(Recognize("Patrols ran in Salford, Kelton and Ashbury."),
              ElementsAre("Place:Salford", "Place:Kelton", "Place:Ashbury"));
  // No known place: a list of capitalised words is no list of places.
  EXPECT_THAT(Recognize("Officers met Kelton, Ashbury and Brill."), IsEmpty());
}

TEST_F(EntityRecognizerTest, PlacesFromTheirContext) {
  EXPECT_THAT(Recognize("A man was arrested in the Drumlee area."),
              ElementsAre("Place:Drumlee"));
  EXPECT_THAT(Recognize("Officers focused on Hollin, Kelton Vale and Brill areas."),
              ElementsAre("Place:Hollin", "Place:Kelton Vale", "Place:Brill"));
  EXPECT_THAT(Recognize("Cars were stopped on the M62."), ElementsAre("Place:M62"));
  EXPECT_THAT(Recognize("Arrests were made from Kelton to Salford."),
              ElementsAre("Place:Kelton", "Place:Salford"));
}

TEST_F(EntityRecognizerTest, CompassPointWidensAPlace) {
  EXPECT_THAT(Recognize("Police across north Wales made arrests."),
              ElementsAre("Place:North Wales"));
}

TEST_F(EntityRecognizerTest, AddressesArePlacesNotPeople) {
  // "Sidney" is a given name; "Street" makes the phrase an address.
  EXPECT_THAT(Recognize("A man was stopped in Sidney Street."),
              ElementsAre("Place:Sidney Street"));
}

TEST_F(EntityRecognizerTest, UnitsAndShortNames) {
  EXPECT_THAT(Recognize("Officers from the Lancashire Constabulary Dog Unit attended."),
              ElementsAre("Organization:Lancashire Constabulary", "Unit:Dog Unit"));
  EXPECT_THAT(Recognize("The raids were led by the regional crime unit Harrier."),
              ElementsAre("Unit:Harrier"));
  EXPECT_THAT(Recognize("Operation Tern began.\nTern will run all summer."),
              ElementsAre("Operation:Operation Tern", "Operation:Operation Tern/Tern"));
  EXPECT_THAT(Recognize("The raids were part of an operation codenamed Tern."),
              ElementsAre("Operation:Operation Tern/Tern"));
  // Generic words and a head-word name nothing.
  EXPECT_THAT(Recognize("It was a National and International Campaign."), IsEmpty());
}

TEST_F(EntityRecognizerTest, RolesInApposition) {
  auto m = Recognize("Insp Carol Baines, gold commander for Operation Tern, spoke.");
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0], "Person:Carol Baines/Insp Carol Baines#Inspector");
  EXPECT_THAT(Recognize("Inspectors Carol Baines and Owen Pritchard spoke."),
              ElementsAre("Person:Carol Baines#Inspector", "Person:Owen Pritchard#Inspector"));
}

}  // namespace
}  // namespace kg::extractor
