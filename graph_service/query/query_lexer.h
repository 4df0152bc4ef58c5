// Tokenizer of the query language (docs/query-language.md). Internal to the
// parser; kept apart so the grammar code stays readable.
//
// The lexer is context-free except for one thing: inside the parentheses of
// a FILTER, a '<' that follows an operand (a variable, literal, entity or
// ')') is the less-than operator; everywhere else '<' opens an entity name
// such as `<Jane Connors>`.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_LEXER_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_LEXER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::graph {

// A position in the query text, both 1-based; columns count code points.
struct SourcePosition {
  int line = 1;
  int column = 1;
};

// InvalidArgument "line L, column C: message".
absl::Status ErrorAt(const SourcePosition& pos, absl::string_view message);

enum class TokenKind {
  kVariable,  // ?name; text is the name
  kString,    // "..." with optional ^^type; text is unescaped
  kEntity,    // <...>; text is the name
  kWord,      // bare word
  kInteger,
  kDecimal,
  kDot,
  kLBrace,
  kRBrace,
  kLParen,
  kRParen,
  kComma,
  kColon,
  kStar,
  kOperator,  // = != < <= > >= ! && ||; text is the operator
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  std::string type;  // ^^type of a string, empty if none
  SourcePosition position;
  SourcePosition type_position;

  // True for a bare word equal to `keyword` ignoring ASCII case.
  bool IsKeyword(absl::string_view keyword) const;
};

class Lexer {
 public:
  explicit Lexer(absl::string_view text) : text_(text) {}

  // The next token; kEnd (repeatedly) at the end of the text.
  // InvalidArgument with line/column for malformed input.
  absl::StatusOr<Token> Next();

 private:
  bool AtEnd() const { return offset_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return offset_ + ahead < text_.size() ? text_[offset_ + ahead] : '\0';
  }
  void Advance();
  std::string TakeWhile(bool (*pred)(char));
  void SkipSpaceAndComments();
  absl::StatusOr<Token> Lex();
  absl::StatusOr<Token> LexPunctuation(Token token);
  absl::StatusOr<Token> LexVariable(Token token);
  absl::StatusOr<Token> LexString(Token token);
  absl::StatusOr<Token> LexEntity(Token token);
  absl::StatusOr<Token> LexNumber(Token token);
  void TrackFilterContext(const Token& token);

  absl::string_view text_;
  size_t offset_ = 0;
  SourcePosition pos_;
  // FILTER context: the word FILTER was just read, and the parenthesis
  // depth inside its expression (0: not in a filter).
  bool filter_pending_ = false;
  int filter_depth_ = 0;
  bool previous_is_operand_ = false;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_LEXER_H_
