#include "extractor_service/pipeline/tokenizer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

std::vector<std::string> Texts(const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const Token& t : toks) out.push_back(std::string(t.text));
  return out;
}

TEST(TokenizerTest, SplitsWordsNumbersAndPunctuation) {
  EXPECT_EQ(Texts(TokenizedString("DCI Amy Shaw said: \"3,810 arrests, £8.5m.\"").tokens()),
            (std::vector<std::string>{"DCI", "Amy", "Shaw", "said", ":", "\"",
                                      "3,810", "arrests", ",", "£8", ".",
                                      "5m", ".", "\""}));
}

TEST(TokenizerTest, KeepsHyphenatedWordsAndSplitsPossessive) {
  EXPECT_EQ(Texts(TokenizedString("the force's anti-social Covid-19 didn't").tokens()),
            (std::vector<std::string>{"the", "force", "'s", "anti-social",
                                      "Covid-19", "didn't"}));
}

TEST(TokenizerTest, RecordsOffsetsAndCase) {
  const TokenizedString tokenized("  GMP Unit");
  const std::vector<Token>& toks = tokenized.tokens();
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].begin, 2u);
  EXPECT_EQ(toks[0].end, 5u);
  EXPECT_TRUE(toks[0].capitalized);
  EXPECT_TRUE(toks[0].all_caps);
  EXPECT_TRUE(toks[1].capitalized);
  EXPECT_FALSE(toks[1].all_caps);
  EXPECT_EQ(toks[1].text, "Unit");
  EXPECT_EQ(toks[1].lower, "unit");
  EXPECT_EQ(toks[1].text_id, kUnannotatedWord);
}

TEST(TokenizerTest, TokenizesSubrange) {
  const std::string text = "abc DEF ghi", lower = "abc def ghi";
  std::vector<Token> toks = Tokenize(text, lower, 4, 7);
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].text, "DEF");
  EXPECT_EQ(toks[0].lower, "def");
}

}  // namespace
}  // namespace kg::extractor
