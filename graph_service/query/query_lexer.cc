#include "graph_service/query/query_lexer.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kg::graph {
namespace {

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Bytes of non-ASCII UTF-8 sequences count as letters, so `Zoë` is a word.
bool IsWordStart(char c) {
  return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
}
bool IsWordChar(char c) {
  return IsWordStart(c) || IsDigit(c) || c == '_' || c == '-';
}
bool IsVariableChar(char c) {
  return IsAsciiLetter(c) || IsDigit(c) || c == '_';
}

}  // namespace

absl::Status ErrorAt(const SourcePosition& pos, absl::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat("line ", pos.line, ", column ", pos.column, ": ", message));
}

bool Token::IsKeyword(absl::string_view keyword) const {
  return kind == TokenKind::kWord && absl::EqualsIgnoreCase(text, keyword);
}

absl::StatusOr<Token> Lexer::Next() {
  absl::StatusOr<Token> token = Lex();
  if (token.ok()) TrackFilterContext(*token);
  return token;
}

void Lexer::TrackFilterContext(const Token& token) {
  const bool pending = filter_pending_;
  filter_pending_ = token.IsKeyword("FILTER") && filter_depth_ == 0;
  if (token.kind == TokenKind::kLParen && (pending || filter_depth_ > 0)) {
    ++filter_depth_;
  } else if (token.kind == TokenKind::kRParen && filter_depth_ > 0) {
    --filter_depth_;
  }
  previous_is_operand_ =
      token.kind == TokenKind::kVariable || token.kind == TokenKind::kString ||
      token.kind == TokenKind::kEntity || token.kind == TokenKind::kInteger ||
      token.kind == TokenKind::kDecimal || token.kind == TokenKind::kRParen;
}

void Lexer::Advance() {
  const char c = text_[offset_++];
  if (c == '\n') {
    ++pos_.line;
    pos_.column = 1;
  } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
    ++pos_.column;  // continuation bytes belong to the previous column
  }
}

std::string Lexer::TakeWhile(bool (*pred)(char)) {
  const size_t begin = offset_;
  while (!AtEnd() && pred(Peek())) Advance();
  return std::string(text_.substr(begin, offset_ - begin));
}

void Lexer::SkipSpaceAndComments() {
  while (!AtEnd()) {
    const char c = Peek();
    if (c == '#') {
      while (!AtEnd() && Peek() != '\n') Advance();
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      Advance();
    } else {
      return;
    }
  }
}

absl::StatusOr<Token> Lexer::Lex() {
  SkipSpaceAndComments();
  Token token;
  token.position = pos_;
  if (AtEnd()) return token;
  const char c = Peek();
  if (c == '?') return LexVariable(std::move(token));
  if (c == '"') return LexString(std::move(token));
  if (c == '<' && !(filter_depth_ > 0 && previous_is_operand_)) {
    return LexEntity(std::move(token));
  }
  if (IsDigit(c) || (c == '-' && IsDigit(Peek(1)))) {
    return LexNumber(std::move(token));
  }
  if (IsWordStart(c)) {
    token.kind = TokenKind::kWord;
    token.text = TakeWhile(IsWordChar);
    return token;
  }
  return LexPunctuation(std::move(token));
}

absl::StatusOr<Token> Lexer::LexPunctuation(Token token) {
  static constexpr struct {
    const char* text;
    TokenKind kind;
  } kPunctuation[] = {
      {"<=", TokenKind::kOperator}, {">=", TokenKind::kOperator},
      {"!=", TokenKind::kOperator}, {"&&", TokenKind::kOperator},
      {"||", TokenKind::kOperator}, {"<", TokenKind::kOperator},
      {">", TokenKind::kOperator},  {"=", TokenKind::kOperator},
      {"!", TokenKind::kOperator},  {".", TokenKind::kDot},
      {"{", TokenKind::kLBrace},    {"}", TokenKind::kRBrace},
      {"(", TokenKind::kLParen},    {")", TokenKind::kRParen},
      {",", TokenKind::kComma},     {":", TokenKind::kColon},
      {"*", TokenKind::kStar},
  };
  const absl::string_view rest = text_.substr(offset_);
  for (const auto& p : kPunctuation) {
    if (!absl::StartsWith(rest, p.text)) continue;
    token.kind = p.kind;
    token.text = p.text;
    for (size_t i = 0; i < token.text.size(); ++i) Advance();
    return token;
  }
  return ErrorAt(pos_, absl::StrCat("unexpected character '",
                                    text_.substr(offset_, 1), "'"));
}

absl::StatusOr<Token> Lexer::LexVariable(Token token) {
  Advance();  // '?'
  token.kind = TokenKind::kVariable;
  token.text = TakeWhile(IsVariableChar);
  if (token.text.empty()) {
    return ErrorAt(token.position, "expected a variable name after '?'");
  }
  return token;
}

absl::StatusOr<Token> Lexer::LexString(Token token) {
  Advance();  // opening quote
  token.kind = TokenKind::kString;
  while (true) {
    if (AtEnd()) return ErrorAt(token.position, "unterminated string");
    const char c = Peek();
    if (c == '"') break;
    if (c == '\\') {
      const SourcePosition escape = pos_;
      Advance();
      if (Peek() != '"' && Peek() != '\\') {
        return ErrorAt(escape, "unknown escape; only \\\" and \\\\ exist");
      }
    }
    token.text.push_back(Peek());
    Advance();
  }
  Advance();  // closing quote
  if (Peek() == '^' && Peek(1) == '^') {
    Advance();
    Advance();
    token.type_position = pos_;
    token.type = TakeWhile(IsWordChar);
    if (token.type.empty()) {
      return ErrorAt(token.type_position, "expected a type name after '^^'");
    }
  }
  return token;
}

absl::StatusOr<Token> Lexer::LexEntity(Token token) {
  Advance();  // '<'
  token.kind = TokenKind::kEntity;
  while (!AtEnd() && Peek() != '>' && Peek() != '\n') {
    token.text.push_back(Peek());
    Advance();
  }
  if (Peek() != '>') return ErrorAt(token.position, "unterminated '<' name");
  Advance();
  if (token.text.empty()) return ErrorAt(token.position, "empty entity name");
  return token;
}

absl::StatusOr<Token> Lexer::LexNumber(Token token) {
  const size_t begin = offset_;
  if (Peek() == '-') Advance();
  while (IsDigit(Peek())) Advance();
  token.kind = TokenKind::kInteger;
  if (Peek() == '.' && IsDigit(Peek(1))) {
    Advance();
    while (IsDigit(Peek())) Advance();
    token.kind = TokenKind::kDecimal;
  }
  token.text = std::string(text_.substr(begin, offset_ - begin));
  if (IsWordChar(Peek()) || (Peek() == '.' && IsDigit(Peek(1)))) {
    return ErrorAt(token.position, "invalid number");
  }
  return token;
}

}  // namespace kg::graph
