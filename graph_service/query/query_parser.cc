#include "graph_service/query/query_parser.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace kg::graph {
namespace {

enum class TokenKind {
  kVariable,  // ?name
  kString,    // "..." with optional ^^type
  kEntity,    // <...>
  kWord,      // bare word
  kInteger,
  kDecimal,
  kDot,
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // unescaped content, name or digits
  std::string type;  // ^^type of a string, empty if none
  SourcePosition position;
  SourcePosition type_position;
};

absl::Status ErrorAt(const SourcePosition& pos, absl::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat("line ", pos.line, ", column ", pos.column, ": ", message));
}

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

// Splits the query into tokens, tracking line and column.
class Lexer {
 public:
  explicit Lexer(absl::string_view text) : text_(text) {}

  absl::StatusOr<Token> Next() {
    SkipSpaceAndComments();
    Token token;
    token.position = pos_;
    if (AtEnd()) return token;
    const char c = Peek();
    if (c == '.') {
      Advance();
      token.kind = TokenKind::kDot;
      return token;
    }
    if (c == '?') return LexVariable(std::move(token));
    if (c == '"') return LexString(std::move(token));
    if (c == '<') return LexEntity(std::move(token));
    if (IsDigit(c) || (c == '-' && IsDigit(Peek(1)))) {
      return LexNumber(std::move(token));
    }
    if (IsWordStart(c)) {
      token.kind = TokenKind::kWord;
      token.text = TakeWhile(IsWordChar);
      return token;
    }
    return ErrorAt(pos_, absl::StrCat("unexpected character '",
                                      text_.substr(offset_, 1), "'"));
  }

 private:
  bool AtEnd() const { return offset_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return offset_ + ahead < text_.size() ? text_[offset_ + ahead] : '\0';
  }
  void Advance() {
    const char c = text_[offset_++];
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++pos_.column;  // continuation bytes belong to the previous column
    }
  }
  std::string TakeWhile(bool (*pred)(char)) {
    const size_t begin = offset_;
    while (!AtEnd() && pred(Peek())) Advance();
    return std::string(text_.substr(begin, offset_ - begin));
  }
  void SkipSpaceAndComments() {
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

  absl::StatusOr<Token> LexVariable(Token token) {
    Advance();  // '?'
    token.kind = TokenKind::kVariable;
    token.text = TakeWhile(IsVariableChar);
    if (token.text.empty()) {
      return ErrorAt(token.position, "expected a variable name after '?'");
    }
    return token;
  }

  absl::StatusOr<Token> LexString(Token token) {
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

  absl::StatusOr<Token> LexEntity(Token token) {
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

  absl::StatusOr<Token> LexNumber(Token token) {
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

  absl::string_view text_;
  size_t offset_ = 0;
  SourcePosition pos_;
};

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// True for YYYY-MM-DD naming a real calendar day.
bool IsValidDate(absl::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  int year = 0, month = 0, day = 0;
  if (!absl::SimpleAtoi(s.substr(0, 4), &year) ||
      !absl::SimpleAtoi(s.substr(5, 2), &month) ||
      !absl::SimpleAtoi(s.substr(8, 2), &day)) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int days = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  return day <= days;
}

// Optional '-', digits, and for decimals an optional '.' and digits.
bool IsPlainNumber(absl::string_view s, bool allow_fraction) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0) return false;
  if (i == s.size()) return true;
  if (!allow_fraction || s[i] != '.' || i + 1 == s.size()) return false;
  for (++i; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

absl::Status SetInteger(const Token& token, const SourcePosition& pos,
                        kg::v1::Value* value) {
  int64_t n = 0;
  if (!IsPlainNumber(token.text, /*allow_fraction=*/false) ||
      !absl::SimpleAtoi(token.text, &n)) {
    return ErrorAt(pos, absl::StrCat("invalid integer \"", token.text, "\""));
  }
  value->set_integer(n);
  return absl::OkStatus();
}

// The value of a string token, honouring its ^^type.
absl::Status TypedStringValue(const Token& token, kg::v1::Value* value) {
  const std::string& type = token.type;
  if (type.empty() || type == "text") {
    value->set_text(token.text);
  } else if (type == "entity") {
    if (token.text.empty()) return ErrorAt(token.position, "empty entity name");
    value->set_entity(token.text);
  } else if (type == "integer") {
    return SetInteger(token, token.position, value);
  } else if (type == "decimal") {
    if (!IsPlainNumber(token.text, /*allow_fraction=*/true)) {
      return ErrorAt(token.position,
                     absl::StrCat("invalid decimal \"", token.text, "\""));
    }
    value->set_decimal(token.text);
  } else if (type == "date") {
    if (!IsValidDate(token.text)) {
      return ErrorAt(token.position,
                     absl::StrCat("invalid date \"", token.text,
                                  "\"; expected YYYY-MM-DD"));
    }
    value->set_date(token.text);
  } else {
    return ErrorAt(token.type_position,
                   absl::StrCat("unknown type ^^", type,
                                "; expected entity, text, integer, decimal "
                                "or date"));
  }
  return absl::OkStatus();
}

// Converts a token in subject or value position to a term.
absl::StatusOr<QueryTerm> ValueTerm(const Token& token, bool is_subject) {
  QueryTerm term;
  term.position = token.position;
  switch (token.kind) {
    case TokenKind::kVariable:
      term.kind = QueryTerm::Kind::kVariable;
      term.variable = token.text;
      return term;
    case TokenKind::kWord:
    case TokenKind::kEntity:
      term.kind = QueryTerm::Kind::kValue;
      term.value.set_entity(token.text);
      return term;
    case TokenKind::kString:
      term.kind = QueryTerm::Kind::kValue;
      RETURN_IF_ERROR(TypedStringValue(token, &term.value));
      break;
    case TokenKind::kInteger:
      term.kind = QueryTerm::Kind::kValue;
      RETURN_IF_ERROR(SetInteger(token, token.position, &term.value));
      break;
    case TokenKind::kDecimal:
      term.kind = QueryTerm::Kind::kValue;
      term.value.set_decimal(token.text);
      break;
    case TokenKind::kDot:
    case TokenKind::kEnd:
      return ErrorAt(token.position, "expected a term");
  }
  if (is_subject && !term.value.has_entity()) {
    return ErrorAt(token.position,
                   "a literal cannot be the subject; subjects are entities "
                   "or variables");
  }
  return term;
}

absl::StatusOr<QueryTerm> PredicateTerm(const Token& token) {
  QueryTerm term;
  term.position = token.position;
  if (token.kind == TokenKind::kVariable) {
    term.kind = QueryTerm::Kind::kVariable;
    term.variable = token.text;
  } else if (token.kind == TokenKind::kWord) {
    term.kind = QueryTerm::Kind::kPredicate;
    term.predicate = token.text;
  } else {
    return ErrorAt(token.position,
                   "a predicate must be a bare word or a variable");
  }
  return term;
}

absl::StatusOr<TriplePattern> BuildPattern(const std::vector<Token>& terms) {
  TriplePattern pattern;
  ASSIGN_OR_RETURN(pattern.subject, ValueTerm(terms[0], /*is_subject=*/true));
  ASSIGN_OR_RETURN(pattern.predicate, PredicateTerm(terms[1]));
  ASSIGN_OR_RETURN(pattern.value, ValueTerm(terms[2], /*is_subject=*/false));
  return pattern;
}

void CollectVariables(const TriplePattern& pattern,
                      absl::flat_hash_set<std::string>* seen,
                      std::vector<std::string>* variables) {
  for (const QueryTerm* term :
       {&pattern.subject, &pattern.predicate, &pattern.value}) {
    if (term->is_variable() && seen->insert(term->variable).second) {
      variables->push_back(term->variable);
    }
  }
}

}  // namespace

absl::StatusOr<ParsedQuery> ParseQuery(absl::string_view query) {
  Lexer lexer(query);
  ParsedQuery parsed;
  absl::flat_hash_set<std::string> seen;
  ASSIGN_OR_RETURN(Token token, lexer.Next());
  while (token.kind != TokenKind::kEnd) {
    if (token.kind == TokenKind::kDot) {
      return ErrorAt(token.position, "empty pattern before '.'");
    }
    std::vector<Token> terms;
    while (token.kind != TokenKind::kDot && token.kind != TokenKind::kEnd) {
      if (terms.size() == 3) {
        return ErrorAt(token.position,
                       "a pattern has exactly three terms (subject predicate "
                       "value); missing '.'?");
      }
      terms.push_back(std::move(token));
      ASSIGN_OR_RETURN(token, lexer.Next());
    }
    if (terms.size() < 3) {
      // Report where the missing term should have been.
      return ErrorAt(token.position, terms.size() == 1
                                         ? "expected a predicate after the "
                                           "subject"
                                         : "expected a value after the "
                                           "predicate");
    }
    ASSIGN_OR_RETURN(TriplePattern pattern, BuildPattern(terms));
    CollectVariables(pattern, &seen, &parsed.variables);
    parsed.patterns.push_back(std::move(pattern));
    if (token.kind == TokenKind::kDot) {
      ASSIGN_OR_RETURN(token, lexer.Next());
    }
  }
  if (parsed.patterns.empty()) return ErrorAt(SourcePosition(), "empty query");
  return parsed;
}

std::string FormatValue(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      return absl::StrCat("<", value.entity(), ">");
    case kg::v1::Value::kText: {
      std::string out = "\"";
      for (char c : value.text()) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
      }
      return absl::StrCat(out, "\"");
    }
    case kg::v1::Value::kInteger:
      return absl::StrCat(value.integer());
    case kg::v1::Value::kDecimal:
      return value.decimal();
    case kg::v1::Value::kDate:
      return absl::StrCat("\"", value.date(), "\"^^date");
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return "(unset)";
}

}  // namespace kg::graph
