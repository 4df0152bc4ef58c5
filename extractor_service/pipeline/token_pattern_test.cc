#include "extractor_service/pipeline/token_pattern.h"

#include <iterator>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

// A hand-built sentence: tokens plus mentions, no gazetteer needed.
class TokenPatternTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = "Insp Ann Lee , head of the Dog Unit , saw burglary , theft and fraud";
    doc_ = std::make_unique<AnalyzedDocument>(text_);
    AnalyzedSentence s;
    s.span = {0, static_cast<uint32_t>(text_.size())};
    s.tokens = Tokenize(doc_->text.text(), doc_->text.lower(), 0,
                        static_cast<uint32_t>(text_.size()));
    doc_->sentences.push_back(std::move(s));
    AddMention(EntityClass::kPerson, "Ann Lee", 0, 3);
    AddMention(EntityClass::kUnit, "Dog Unit", 7, 9);
    AddMention(EntityClass::kCrimeType, "burglary", 11, 12);
    AddMention(EntityClass::kCrimeType, "theft", 13, 14);
    AddMention(EntityClass::kCrimeType, "fraud", 15, 16);
  }
  void AddMention(EntityClass c, const std::string& name, int b, int e) {
    Mention m;
    m.cls = c;
    m.canonical = name;
    m.begin = b;
    m.end = e;
    doc_->mentions.push_back(m);
  }
  // "slot=a,b;slot=c" for every match.
  std::vector<std::string> Matches(const std::string& source) {
    auto pattern = TokenPattern::Parse(source);
    EXPECT_TRUE(pattern.ok()) << pattern.status();
    RuleContext ctx{*doc_, 0, {}, ""};
    for (const Mention& m : doc_->mentions) ctx.mentions.push_back(&m);
    for (const Mention& m : doc_->author_mentions) ctx.author_mentions.push_back(&m);
    std::vector<std::string> out;
    pattern->ForEachMatch(ctx, [&](const PatternBindings& b) {
      std::string row;
      for (const auto& [name, ms] : b) {
        row += name + "=";
        for (const Mention* m : ms) row += m->canonical + ",";
        row += ";";
      }
      out.push_back(row);
    });
    return out;
  }

  std::string text_;
  std::unique_ptr<AnalyzedDocument> doc_;
};

TEST_F(TokenPatternTest, SlotsWordsAndOptionals) {
  EXPECT_EQ(Matches("[Person:s] , the? head of the? [Unit:o]"),
            std::vector<std::string>{"s=Ann Lee,;o=Dog Unit,;"});
  EXPECT_TRUE(Matches("[Person:s] , leader of the? [Unit:o]").empty());
}

TEST_F(TokenPatternTest, ListSlotTakesCoordination) {
  EXPECT_EQ(Matches("saw [CrimeType+:c]"),
            std::vector<std::string>{"c=burglary,theft,fraud,;"});
}

TEST_F(TokenPatternTest, GapIsLazyAndBounded) {
  EXPECT_EQ(Matches("[Person:s] ...6 [Unit:o]").size(), 1u);
  EXPECT_TRUE(Matches("[Person:s] ...3 [Unit:o]").empty());
}

TEST_F(TokenPatternTest, NegationConsumesNothing) {
  EXPECT_EQ(Matches("[Unit:o] !'s").size(), 1u);
  EXPECT_TRUE(Matches("[Unit:o] !,").empty());
}

TEST_F(TokenPatternTest, AuthorAndRoleSlotsBindOnlyAuthorMentions) {
  Mention me;  // "Insp" read as a first-person pronoun, for the test
  me.cls = EntityClass::kPerson;
  me.canonical = "Author";
  me.begin = 0;
  me.end = 1;
  me.pronoun = me.first_person = true;
  Mention role;
  role.cls = EntityClass::kRole;
  role.canonical = "Head";
  role.begin = 4;
  role.end = 5;
  doc_->author_mentions = {me, role};
  doc_->mentions.erase(doc_->mentions.begin());  // drop "Ann Lee"
  EXPECT_EQ(Matches("[Author:a] ...3 , [Role:r] of"),
            std::vector<std::string>{"a=Author,;r=Head,;"});
  EXPECT_TRUE(Matches("[Person:s] ...3 , head").empty());
  EXPECT_TRUE(TokenPattern::Parse("[Author:a] [Role:r]")->NeedsAuthorMentions());
  EXPECT_FALSE(TokenPattern::Parse("[Person:a] [Unit:r]")->NeedsAuthorMentions());
}

TEST_F(TokenPatternTest, PartOfSpeechAtoms) {
  const char* kTags[] = {"PROPN", "PROPN", "PROPN", "PUNCT", "NOUN", "ADP",
                         "DET",   "PROPN", "PROPN", "PUNCT", "VERB", "NOUN",
                         "PUNCT", "NOUN",  "CCONJ", "NOUN"};
  std::vector<Token>& tokens = doc_->sentences[0].tokens;
  ASSERT_EQ(tokens.size(), std::size(kTags));
  for (size_t i = 0; i < tokens.size(); ++i) {
    ASSERT_TRUE(ParsePosTag(kTags[i], &tokens[i].pos));
  }
  EXPECT_EQ(Matches("[Person:s] , <DET>? <NOUN> <ADP> <DET>? [Unit:o]"),
            std::vector<std::string>{"s=Ann Lee,;o=Dog Unit,;"});
  EXPECT_EQ(Matches("[Unit:o] , <VERB> [CrimeType+:c]"),
            std::vector<std::string>{"o=Dog Unit,;c=burglary,theft,fraud,;"});
  EXPECT_TRUE(Matches("[Unit:o] , <NOUN|ADJ> [CrimeType:c]").empty());
  EXPECT_EQ(Matches("[Unit:o] , !<NOUN|ADJ> saw").size(), 1u);
  EXPECT_TRUE(Matches("[Unit:o] , !<VERB> saw").empty());
  // Untagged tokens (kX) match no atom but X.
  tokens[10].pos = PosTag::kX;
  EXPECT_TRUE(Matches("[Unit:o] , <VERB>").empty());
  EXPECT_EQ(Matches("[Unit:o] , <X>").size(), 1u);
}

TEST_F(TokenPatternTest, ParseErrors) {
  EXPECT_FALSE(TokenPattern::Parse("[Dragon:x]").ok());
  EXPECT_FALSE(TokenPattern::Parse("<VERB|Noun>").ok());
  EXPECT_FALSE(TokenPattern::Parse("the <NOUN|>").ok());
  EXPECT_FALSE(TokenPattern::Parse("...0").ok());
  EXPECT_FALSE(TokenPattern::Parse("").ok());
}

}  // namespace
}  // namespace kg::extractor
