#include "extractor_service/pipeline/tokenizer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

std::vector<std::string> Texts(const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const Token& t : toks) out.push_back(t.text);
  return out;
}

TEST(TokenizerTest, SplitsWordsNumbersAndPunctuation) {
  EXPECT_EQ(Texts(Tokenize("DCI Amy Shaw said: \"3,810 arrests, £8.5m.\"")),
            (std::vector<std::string>{"DCI", "Amy", "Shaw", "said", ":", "\"",
                                      "3,810", "arrests", ",", "£8", ".",
                                      "5m", ".", "\""}));
}

TEST(TokenizerTest, KeepsHyphenatedWordsAndSplitsPossessive) {
  EXPECT_EQ(Texts(Tokenize("the force's anti-social Covid-19 didn't")),
            (std::vector<std::string>{"the", "force", "'s", "anti-social",
                                      "Covid-19", "didn't"}));
}

TEST(TokenizerTest, RecordsOffsetsAndCase) {
  std::vector<Token> toks = Tokenize("  GMP unit");
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].begin, 2u);
  EXPECT_EQ(toks[0].end, 5u);
  EXPECT_TRUE(toks[0].capitalized);
  EXPECT_TRUE(toks[0].all_caps);
  EXPECT_FALSE(toks[1].capitalized);
  EXPECT_EQ(toks[1].lower, "unit");
}

TEST(TokenizerTest, TokenizesSubrange) {
  std::vector<Token> toks = Tokenize("abc def ghi", 4, 7);
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].text, "def");
}

}  // namespace
}  // namespace kg::extractor
