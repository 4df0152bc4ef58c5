#include "extractor_service/pipeline/tokenizer.h"

#include "absl/strings/ascii.h"

namespace kg::extractor {
namespace {

bool IsAlnum(unsigned char c) { return c >= 0x80 || absl::ascii_isalnum(c); }
bool IsDigit(unsigned char c) { return absl::ascii_isdigit(c); }

// End of the word or number starting at `i`.
uint32_t ScanWord(std::string_view t, uint32_t i, uint32_t end) {
  const bool number = IsDigit(t[i]);
  uint32_t j = i + 1;
  while (j < end) {
    const unsigned char c = t[j];
    if (IsAlnum(c)) {
      ++j;
      continue;
    }
    const bool next_alnum = j + 1 < end && IsAlnum(t[j + 1]);
    if (c == '-' && next_alnum) {
      ++j;
      continue;
    }
    if (number && (c == '.' || c == ',') && j + 1 < end &&
        IsDigit(t[j + 1]) && IsDigit(t[j - 1])) {
      ++j;
      continue;
    }
    if (c == '\'' && next_alnum && !number) {
      // "'s" at the end of a word is a separate possessive token.
      const bool possessive = (t[j + 1] == 's' || t[j + 1] == 'S') &&
                              (j + 2 >= end || !IsAlnum(t[j + 2]));
      if (possessive) break;
      ++j;
      continue;
    }
    break;
  }
  return j;
}

Token MakeToken(std::string_view t, std::string_view lower, uint32_t b,
                uint32_t e, TokenKind kind) {
  Token tok;
  tok.begin = b;
  tok.end = e;
  tok.text = t.substr(b, e - b);
  tok.lower = lower.substr(b, e - b);
  tok.kind = kind;
  tok.capitalized = absl::ascii_isupper(static_cast<unsigned char>(t[b]));
  if (e - b >= 2) {
    int letters = 0;
    bool has_lower = false;
    for (unsigned char c : tok.text) {
      if (absl::ascii_islower(c)) {
        has_lower = true;
        break;
      }
      if (absl::ascii_isalpha(c)) ++letters;
    }
    tok.all_caps = letters >= 2 && !has_lower;
  }
  return tok;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, std::string_view lower,
                            uint32_t begin, uint32_t end) {
  std::vector<Token> out;
  out.reserve((end - begin) / 4 + 1);
  uint32_t i = begin;
  while (i < end) {
    const unsigned char c = text[i];
    if (absl::ascii_isspace(c)) {
      ++i;
      continue;
    }
    if (IsAlnum(c)) {
      const uint32_t j = ScanWord(text, i, end);
      out.push_back(MakeToken(text, lower, i, j,
                              IsDigit(c) ? TokenKind::kNumber
                                         : TokenKind::kWord));
      i = j;
      continue;
    }
    if (c == '\'' && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') &&
        (i + 2 >= end || !IsAlnum(text[i + 2])) && !out.empty() &&
        out.back().end == i) {
      out.push_back(MakeToken(text, lower, i, i + 2, TokenKind::kWord));
      i += 2;
      continue;
    }
    out.push_back(MakeToken(text, lower, i, i + 1, TokenKind::kPunct));
    ++i;
  }
  return out;
}

TokenizedString::TokenizedString(std::string_view text)
    : text_(text),
      lower_(absl::AsciiStrToLower(absl::string_view(text.data(), text.size()))),
      tokens_(Tokenize(text_, lower_, 0, static_cast<uint32_t>(text_.size()))) {}

}  // namespace kg::extractor
