// Tokenizer over normalised text. Tokens carry byte offsets into the
// normalised string (map them to the original with NormalizedText).
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_TOKENIZER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extractor {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;  // byte offsets in the tokenized string
  uint32_t end = 0;
  std::string text;
  std::string lower;  // ASCII-lowercased text
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first byte is an ASCII capital
  bool all_caps = false;     // two or more letters, none lower case
};

// Splits text[begin, end) into tokens. Words keep inner hyphens between
// letters/digits ("anti-social", "Covid-19"), numbers keep inner '.' and ','
// between digits ("8.5", "3,810"); a possessive "'s" is its own token; any
// other non-alphanumeric ASCII byte is a one-byte punctuation token.
// Non-ASCII characters count as letters. Linear time.
std::vector<Token> Tokenize(std::string_view text, uint32_t begin,
                            uint32_t end);

// Convenience: tokenizes the whole string.
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, 0, static_cast<uint32_t>(text.size()));
}

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_TOKENIZER_H_
