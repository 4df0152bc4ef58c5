#include "extractor_service/pipeline/chunker.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extractor_service/pipeline/pos_tagger.h"
#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

// Sentences tagged by the shipped lexicon and tagger.
class ChunkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Load(std::string(std::getenv("TEST_SRCDIR")) +
                             "/kg/extractor_service/data");
    ASSERT_TRUE(g.ok()) << g.status();
    gaz_ = new Gazetteer(*std::move(g));
    tagger_ = new PosTagger(gaz_);
  }

  const std::vector<Token>& Tag(const std::string& sentence) {
    sentence_ = std::make_unique<TokenizedString>(sentence);
    tagger_->Tag(&sentence_->mutable_tokens());
    return sentence_->tokens();
  }

  // The spans' text, "|"-separated.
  std::string Text(const std::vector<TokenSpan>& spans) const {
    std::string out;
    for (const TokenSpan& s : spans) {
      if (!out.empty()) out += "|";
      out += Text(s);
    }
    return out;
  }
  std::string Text(const TokenSpan& s) const {
    const std::vector<Token>& t = sentence_->tokens();
    std::string out;
    for (int i = s.begin; i < s.end; ++i) {
      if (i > s.begin) out += " ";
      out += std::string(t[i].text);
    }
    return out;
  }

  static Gazetteer* gaz_;
  static PosTagger* tagger_;
  std::unique_ptr<TokenizedString> sentence_;
};

Gazetteer* ChunkerTest::gaz_ = nullptr;
PosTagger* ChunkerTest::tagger_ = nullptr;

TEST_F(ChunkerTest, NounChunks) {
  EXPECT_EQ(Text(NounChunks(Tag("Officers arrested a 34-year-old man in the "
                                "Met's new knife crime area on Tuesday."))),
            "Officers|a 34-year-old man|the Met 's new knife crime area|Tuesday");
  EXPECT_EQ(Text(NounChunks(Tag("She said the injured were taken to hospital"))),
            "She|the injured|hospital");
}

TEST_F(ChunkerTest, ClauseIds) {
  // A relative clause between commas; the main clause resumes after it.
  EXPECT_EQ(ClauseIds(Tag("Ann Lee, who leads the team, said it was over")),
            (std::vector<int>{0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0}));
  // Quotation, then the reporting clause goes on as clause 0.
  EXPECT_EQ(ClauseIds(Tag("\"We will find them,\" Ann Lee said.")),
            (std::vector<int>{1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}));
  // A new subject after "and" opens a clause; a verb alone does not.
  EXPECT_EQ(ClauseIds(Tag("Officers searched the house and found a knife")),
            (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(ClauseIds(Tag("The attack was targeted and there is no risk")),
            (std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1, 1}));
  // ";" and a subordinate clause closing at its comma.
  EXPECT_EQ(ClauseIds(Tag("While enquiries continue, the road is shut; use "
                          "the bypass")),
            (std::vector<int>{1, 1, 1, 1, 0, 0, 0, 0, 0, 2, 2, 2}));
}

TEST_F(ChunkerTest, Apposition) {
  const std::vector<Token>& t =
      Tag("Insp Ann Lee, head of the Dog Unit, said the roads were safer");
  ASSERT_TRUE(AppositionAfter(t, 3).has_value());
  EXPECT_EQ(Text(*AppositionAfter(t, 3)), "head of the Dog Unit");
  EXPECT_FALSE(AppositionAfter(t, 2).has_value());
  const std::vector<Token>& age = Tag("Jo Bell, 34, of Leeds, was charged");
  ASSERT_TRUE(AppositionAfter(age, 2).has_value());
  EXPECT_EQ(Text(*AppositionAfter(age, 2)), "34");
  // Lists and relative clauses are not apposition.
  EXPECT_FALSE(AppositionAfter(Tag("Ann Lee, Jo Bell, and Sam Roy spoke"), 2));
  EXPECT_FALSE(AppositionAfter(Tag("Ann Lee, who leads the team, spoke"), 2));
}

TEST_F(ChunkerTest, Conjuncts) {
  const std::vector<Token>& t =
      Tag("Officers seized cash, phones and a knife from the flat");
  const std::vector<TokenSpan> chunks = NounChunks(t);
  EXPECT_EQ(Text(Conjuncts(t, chunks, 1)), "cash|phones|a knife");
  EXPECT_EQ(Text(Conjuncts(t, chunks, 0)), "Officers");
  const std::vector<Token>& u = Tag("Ann Lee, head of CID, said");
  EXPECT_EQ(Text(Conjuncts(u, NounChunks(u), 0)), "Ann Lee");  // no "and"
}

}  // namespace
}  // namespace kg::extractor
