// Tokenizer over normalised text. Tokens carry byte offsets into the
// normalised string (map them to the original with NormalizedText) and views
// of their text; they own no memory.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_TOKENIZER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor_service/pipeline/pos_tag.h"

namespace kg::extractor {

enum class TokenKind { kWord, kNumber, kPunct };

// Token::text_id / lower_id before Gazetteer::Annotate has run.
inline constexpr int32_t kUnannotatedWord = -2;
// Token::text_id / lower_id of a word no gazetteer uses.
inline constexpr int32_t kNoWord = -1;

struct Token {
  uint32_t begin = 0;  // byte offsets in the tokenized string
  uint32_t end = 0;
  std::string_view text;   // the token's bytes in the tokenized string
  std::string_view lower;  // the same bytes, ASCII-lowercased
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first byte is an ASCII capital
  bool all_caps = false;     // two or more letters, none lower case
  PosTag pos = PosTag::kX;   // part of speech (PosTagger::Tag), else kX
  // Gazetteer vocabulary ids of `text` and `lower` (Gazetteer::Annotate).
  int32_t text_id = kUnannotatedWord;
  int32_t lower_id = kUnannotatedWord;
};

// Splits text[begin, end) into tokens. Words keep inner hyphens between
// letters/digits ("anti-social", "Covid-19"), numbers keep inner '.' and ','
// between digits ("8.5", "3,810"); a possessive "'s" is its own token; any
// other non-alphanumeric ASCII byte is a one-byte punctuation token.
// Non-ASCII characters count as letters. Linear time.
//
// `lower` is `text` ASCII-lowercased (same size). The tokens view both
// strings, which must outlive them.
std::vector<Token> Tokenize(std::string_view text, std::string_view lower,
                            uint32_t begin, uint32_t end);

// The tokens of a string this object owns a copy of (gazetteer phrases,
// tests). Neither copyable nor movable: the tokens view its members.
class TokenizedString {
 public:
  explicit TokenizedString(std::string_view text);
  TokenizedString(const TokenizedString&) = delete;
  TokenizedString& operator=(const TokenizedString&) = delete;

  const std::vector<Token>& tokens() const { return tokens_; }
  std::vector<Token>& mutable_tokens() { return tokens_; }

 private:
  const std::string text_;
  const std::string lower_;
  std::vector<Token> tokens_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_TOKENIZER_H_
