#include "graph_service/query/query_parser.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/iso_date.h"
#include "common/status_macros.h"
#include "graph_service/query/query_checker.h"
#include "graph_service/query/query_literals.h"

namespace kg::graph {
namespace {

// Words that end a pattern or start something other than a pattern.
bool IsClauseKeyword(const Token& token) {
  for (const char* keyword :
       {"FILTER", "OPTIONAL", "GROUP", "ORDER", "LIMIT", "OFFSET"}) {
    if (token.IsKeyword(keyword)) return true;
  }
  return false;
}
bool IsModifierKeyword(const Token& token) {
  return token.IsKeyword("GROUP") || token.IsKeyword("ORDER") ||
         token.IsKeyword("LIMIT") || token.IsKeyword("OFFSET");
}

// Converts a token in subject or value position (or a filter operand) to a
// term.
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
      RETURN_IF_ERROR(SetInteger(token, &term.value));
      break;
    case TokenKind::kDecimal:
      term.kind = QueryTerm::Kind::kValue;
      term.value.set_decimal(token.text);
      break;
    default:
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

// Recursive-descent parser with one token of lookahead.
class Parser {
 public:
  explicit Parser(absl::string_view text) : lexer_(text) {}

  absl::StatusOr<ParsedQuery> Parse() {
    RETURN_IF_ERROR(Advance());
    if (token_.kind == TokenKind::kEnd) {
      return ErrorAt(SourcePosition(), "empty query");
    }
    const bool has_select = token_.IsKeyword("SELECT");
    if (has_select) RETURN_IF_ERROR(ParseSelect());
    if (token_.IsKeyword("WHERE")) RETURN_IF_ERROR(Advance());
    if (token_.kind == TokenKind::kLBrace) {
      const SourcePosition open = token_.position;
      RETURN_IF_ERROR(Advance());
      RETURN_IF_ERROR(ParseGroup(/*block=*/0));
      RETURN_IF_ERROR(Expect(TokenKind::kRBrace, "'}'"));
      if (query_.patterns.empty()) return ErrorAt(open, "empty query");
    } else if (has_select) {
      return ErrorAt(token_.position, "expected '{' after SELECT");
    } else {
      RETURN_IF_ERROR(ParseGroup(/*block=*/0));
    }
    RETURN_IF_ERROR(ParseModifiers());
    if (token_.kind != TokenKind::kEnd) {
      return ErrorAt(token_.position, "unexpected input after the query");
    }
    if (query_.patterns.empty()) {
      return ErrorAt(SourcePosition(), "empty query");
    }
    if (query_.patterns[0].block != 0 &&
        std::none_of(query_.patterns.begin(), query_.patterns.end(),
                     [](const TriplePattern& p) { return p.block == 0; })) {
      return ErrorAt(SourcePosition(),
                     "a query needs at least one pattern outside OPTIONAL");
    }
    return std::move(query_);
  }

 private:
  absl::Status Advance() {
    ASSIGN_OR_RETURN(token_, lexer_.Next());
    return absl::OkStatus();
  }
  absl::Status Expect(TokenKind kind, absl::string_view what) {
    if (token_.kind != kind) {
      return ErrorAt(token_.position, absl::StrCat("expected ", what));
    }
    return Advance();
  }
  absl::Status ExpectKeyword(absl::string_view keyword) {
    if (!token_.IsKeyword(keyword)) {
      return ErrorAt(token_.position, absl::StrCat("expected ", keyword));
    }
    return Advance();
  }
  absl::StatusOr<std::string> ExpectVariable() {
    if (token_.kind != TokenKind::kVariable) {
      return ErrorAt(token_.position, "expected a variable");
    }
    std::string name = token_.text;
    RETURN_IF_ERROR(Advance());
    return name;
  }

  absl::Status ParseSelect();
  absl::Status ParseCount(SelectItem* item);
  absl::Status ParseGroup(int block);
  absl::Status ParsePattern(int block);
  absl::Status ParseProvenance(ProvenanceFilter* provenance);
  absl::Status ParseFilter(int block);
  absl::Status ParseOptional();
  absl::StatusOr<FilterExpr> ParseOr();
  absl::StatusOr<FilterExpr> ParseAnd();
  absl::StatusOr<FilterExpr> ParseUnary();
  absl::StatusOr<FilterExpr> ParseUnaryUnguarded();
  absl::StatusOr<FilterExpr> ParsePrimary();
  absl::StatusOr<FilterExpr> ParseFunction(FilterExpr::Op op);
  absl::StatusOr<QueryTerm> ParseOperand();
  absl::Status ParseModifiers();
  absl::StatusOr<uint64_t> ParseCountValue(absl::string_view what);

  Lexer lexer_;
  Token token_;
  ParsedQuery query_;
  // Nesting of the recursive FILTER expression parser, capped so that
  // hostile input gets InvalidArgument instead of overflowing the stack.
  int filter_depth_ = 0;
};

absl::Status Parser::ParseSelect() {
  RETURN_IF_ERROR(Advance());  // SELECT
  if (token_.IsKeyword("DISTINCT")) RETURN_IF_ERROR(Advance());
  if (token_.kind == TokenKind::kStar) return Advance();
  while (true) {
    SelectItem item;
    item.position = token_.position;
    if (token_.kind == TokenKind::kVariable) {
      item.name = token_.text;
      RETURN_IF_ERROR(Advance());
    } else if (token_.IsKeyword("COUNT")) {
      item.name = "count";
      RETURN_IF_ERROR(ParseCount(&item));
    } else if (token_.kind == TokenKind::kLParen) {
      RETURN_IF_ERROR(Advance());
      item.position = token_.position;
      if (!token_.IsKeyword("COUNT")) {
        return ErrorAt(token_.position, "expected COUNT");
      }
      RETURN_IF_ERROR(ParseCount(&item));
      RETURN_IF_ERROR(ExpectKeyword("AS"));
      ASSIGN_OR_RETURN(item.name, ExpectVariable());
      RETURN_IF_ERROR(Expect(TokenKind::kRParen, "')'"));
    } else {
      break;
    }
    query_.select.push_back(std::move(item));
  }
  if (query_.select.empty()) {
    return ErrorAt(token_.position,
                   "expected '*', variables or COUNT after SELECT");
  }
  return absl::OkStatus();
}

absl::Status Parser::ParseCount(SelectItem* item) {
  RETURN_IF_ERROR(Advance());  // COUNT
  item->is_count = true;
  RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'(' after COUNT"));
  if (token_.kind == TokenKind::kStar) {
    RETURN_IF_ERROR(Advance());
  } else {
    if (token_.IsKeyword("DISTINCT")) {
      item->count_distinct = true;
      RETURN_IF_ERROR(Advance());
    }
    if (token_.kind != TokenKind::kVariable) {
      return ErrorAt(token_.position, "expected '*' or a variable in COUNT");
    }
    item->count_variable = token_.text;
    item->position = token_.position;
    RETURN_IF_ERROR(Advance());
  }
  return Expect(TokenKind::kRParen, "')' after COUNT(...)");
}

absl::Status Parser::ParseGroup(int block) {
  while (true) {
    if (token_.kind == TokenKind::kEnd || token_.kind == TokenKind::kRBrace ||
        IsModifierKeyword(token_)) {
      return absl::OkStatus();
    }
    if (token_.kind == TokenKind::kDot) {
      return ErrorAt(token_.position, "empty pattern before '.'");
    }
    if (token_.IsKeyword("FILTER")) {
      RETURN_IF_ERROR(ParseFilter(block));
    } else if (token_.IsKeyword("OPTIONAL")) {
      if (block != 0) {
        return ErrorAt(token_.position, "OPTIONAL blocks cannot be nested");
      }
      RETURN_IF_ERROR(ParseOptional());
    } else {
      RETURN_IF_ERROR(ParsePattern(block));
    }
    if (token_.kind == TokenKind::kDot) RETURN_IF_ERROR(Advance());
  }
}

absl::Status Parser::ParsePattern(int block) {
  std::vector<Token> terms;
  while (token_.kind != TokenKind::kDot && token_.kind != TokenKind::kEnd &&
         token_.kind != TokenKind::kRBrace &&
         token_.kind != TokenKind::kLBrace) {
    if (terms.size() == 3) {
      if (IsClauseKeyword(token_)) break;
      return ErrorAt(token_.position,
                     "a pattern has exactly three terms (subject predicate "
                     "value); missing '.'?");
    }
    terms.push_back(token_);
    RETURN_IF_ERROR(Advance());
  }
  if (terms.size() < 3) {
    // Report where the missing term should have been.
    return ErrorAt(token_.position, terms.size() == 1
                                        ? "expected a predicate after the "
                                          "subject"
                                        : "expected a value after the "
                                          "predicate");
  }
  TriplePattern pattern;
  pattern.block = block;
  ASSIGN_OR_RETURN(pattern.subject, ValueTerm(terms[0], /*is_subject=*/true));
  ASSIGN_OR_RETURN(pattern.predicate, PredicateTerm(terms[1]));
  ASSIGN_OR_RETURN(pattern.value, ValueTerm(terms[2], /*is_subject=*/false));
  if (token_.kind == TokenKind::kLBrace) {
    RETURN_IF_ERROR(ParseProvenance(&pattern.provenance));
  }
  query_.patterns.push_back(std::move(pattern));
  return absl::OkStatus();
}

absl::Status Parser::ParseProvenance(ProvenanceFilter* provenance) {
  RETURN_IF_ERROR(Advance());  // '{'
  absl::flat_hash_set<std::string> seen;
  while (true) {
    const Token key = token_;
    if (key.kind != TokenKind::kWord) {
      return ErrorAt(key.position,
                     "expected source, rule, min_confidence, min_sources, "
                     "reported_from, reported_to, latest or as_of");
    }
    if (!seen.insert(key.text).second) {
      return ErrorAt(key.position, absl::StrCat(key.text, " given twice"));
    }
    RETURN_IF_ERROR(Advance());
    if (key.text == "latest") {  // A flag: no value.
      provenance->latest = true;
      if (token_.kind == TokenKind::kComma) {
        RETURN_IF_ERROR(Advance());
        continue;
      }
      return Expect(TokenKind::kRBrace, "',' or '}'");
    }
    RETURN_IF_ERROR(Expect(TokenKind::kColon, "':'"));
    const Token value = token_;
    RETURN_IF_ERROR(Advance());
    if (key.text == "source" || key.text == "rule") {
      if (value.kind != TokenKind::kString || !value.type.empty()) {
        return ErrorAt(value.position, "expected a \"quoted\" name");
      }
      (key.text == "source" ? provenance->source : provenance->rule) =
          value.text;
    } else if (key.text == "min_confidence") {
      double c = 0;
      if ((value.kind != TokenKind::kDecimal &&
           value.kind != TokenKind::kInteger) ||
          !absl::SimpleAtod(value.text, &c) || c < 0 || c > 1) {
        return ErrorAt(value.position,
                       "min_confidence must be a number in [0, 1]");
      }
      provenance->min_confidence = c;
    } else if (key.text == "reported_from" || key.text == "reported_to") {
      if (value.kind != TokenKind::kString ||
          !(value.type.empty() || value.type == "date") ||
          !IsIsoDate(value.text)) {
        return ErrorAt(value.position,
                       absl::StrCat(key.text,
                                    " must be a \"YYYY-MM-DD\" date"));
      }
      (key.text == "reported_from" ? provenance->reported_from
                                   : provenance->reported_to) = value.text;
    } else if (key.text == "as_of") {
      int64_t micros = 0;
      if (value.kind != TokenKind::kString || !value.type.empty() ||
          !ParseInstant(value.text, &micros)) {
        return ErrorAt(value.position,
                       "as_of must be a \"YYYY-MM-DD\" date or an RFC 3339 "
                       "time with a zone (\"2026-03-01T09:30:00Z\")");
      }
      provenance->as_of_micros = micros;
    } else if (key.text == "min_sources") {
      uint32_t n = 0;
      if (value.kind != TokenKind::kInteger ||
          !absl::SimpleAtoi(value.text, &n) || n < 1) {
        return ErrorAt(value.position,
                       "min_sources must be an integer of at least 1");
      }
      provenance->min_sources = n;
    } else {
      return ErrorAt(key.position,
                     absl::StrCat("unknown provenance condition '", key.text,
                                  "'; expected source, rule, min_confidence, "
                                  "min_sources, reported_from, reported_to, "
                                  "latest or as_of"));
    }
    if (token_.kind == TokenKind::kComma) {
      RETURN_IF_ERROR(Advance());
      continue;
    }
    return Expect(TokenKind::kRBrace, "',' or '}'");
  }
}

absl::Status Parser::ParseFilter(int block) {
  RETURN_IF_ERROR(Advance());  // FILTER
  Filter filter;
  filter.block = block;
  if (token_.kind == TokenKind::kLParen) {
    RETURN_IF_ERROR(Advance());
    ASSIGN_OR_RETURN(filter.expr, ParseOr());
    RETURN_IF_ERROR(Expect(TokenKind::kRParen, "')' closing the FILTER"));
  } else if (token_.kind == TokenKind::kWord) {
    ASSIGN_OR_RETURN(filter.expr, ParsePrimary());
  } else {
    return ErrorAt(token_.position, "expected '(' after FILTER");
  }
  query_.filters.push_back(std::move(filter));
  return absl::OkStatus();
}

absl::Status Parser::ParseOptional() {
  const SourcePosition at = token_.position;
  RETURN_IF_ERROR(Advance());  // OPTIONAL
  RETURN_IF_ERROR(Expect(TokenKind::kLBrace, "'{' after OPTIONAL"));
  const int block = ++query_.num_optional_blocks;
  const size_t before = query_.patterns.size();
  RETURN_IF_ERROR(ParseGroup(block));
  RETURN_IF_ERROR(Expect(TokenKind::kRBrace, "'}' closing the OPTIONAL"));
  if (query_.patterns.size() == before) {
    return ErrorAt(at, "OPTIONAL needs at least one pattern");
  }
  return absl::OkStatus();
}

absl::StatusOr<FilterExpr> Parser::ParseOr() {
  ASSIGN_OR_RETURN(FilterExpr left, ParseAnd());
  while (token_.kind == TokenKind::kOperator && token_.text == "||") {
    FilterExpr node;
    node.op = FilterExpr::Op::kOr;
    node.position = token_.position;
    RETURN_IF_ERROR(Advance());
    ASSIGN_OR_RETURN(FilterExpr right, ParseAnd());
    node.children.push_back(std::move(left));
    node.children.push_back(std::move(right));
    left = std::move(node);
  }
  return left;
}

absl::StatusOr<FilterExpr> Parser::ParseAnd() {
  ASSIGN_OR_RETURN(FilterExpr left, ParseUnary());
  while (token_.kind == TokenKind::kOperator && token_.text == "&&") {
    FilterExpr node;
    node.op = FilterExpr::Op::kAnd;
    node.position = token_.position;
    RETURN_IF_ERROR(Advance());
    ASSIGN_OR_RETURN(FilterExpr right, ParseUnary());
    node.children.push_back(std::move(left));
    node.children.push_back(std::move(right));
    left = std::move(node);
  }
  return left;
}

// Every level of FILTER nesting ('(' or '!') passes through here.
absl::StatusOr<FilterExpr> Parser::ParseUnary() {
  constexpr int kMaxFilterDepth = 64;
  if (filter_depth_ >= kMaxFilterDepth) {
    return ErrorAt(token_.position,
                   absl::StrCat("FILTER nested deeper than ", kMaxFilterDepth,
                                " levels"));
  }
  ++filter_depth_;
  absl::StatusOr<FilterExpr> expr = ParseUnaryUnguarded();
  --filter_depth_;
  return expr;
}

absl::StatusOr<FilterExpr> Parser::ParseUnaryUnguarded() {
  if (token_.kind == TokenKind::kOperator && token_.text == "!") {
    FilterExpr node;
    node.op = FilterExpr::Op::kNot;
    node.position = token_.position;
    RETURN_IF_ERROR(Advance());
    ASSIGN_OR_RETURN(FilterExpr child, ParseUnary());
    node.children.push_back(std::move(child));
    return node;
  }
  return ParsePrimary();
}

absl::StatusOr<FilterExpr> Parser::ParsePrimary() {
  if (token_.kind == TokenKind::kLParen) {
    RETURN_IF_ERROR(Advance());
    ASSIGN_OR_RETURN(FilterExpr inner, ParseOr());
    RETURN_IF_ERROR(Expect(TokenKind::kRParen, "')'"));
    return inner;
  }
  if (token_.kind == TokenKind::kWord) {
    static constexpr struct {
      const char* name;
      FilterExpr::Op op;
    } kFunctions[] = {
        {"CONTAINS", FilterExpr::Op::kContains},
        {"STARTS_WITH", FilterExpr::Op::kStartsWith},
        {"STRSTARTS", FilterExpr::Op::kStartsWith},
        {"ENDS_WITH", FilterExpr::Op::kEndsWith},
        {"STRENDS", FilterExpr::Op::kEndsWith},
        {"BOUND", FilterExpr::Op::kBound},
    };
    for (const auto& f : kFunctions) {
      if (token_.IsKeyword(f.name)) return ParseFunction(f.op);
    }
    return ErrorAt(token_.position,
                   absl::StrCat("unknown function '", token_.text,
                                "'; expected CONTAINS, STARTS_WITH, "
                                "ENDS_WITH or BOUND (entities in a FILTER "
                                "are written <Name>)"));
  }
  FilterExpr node;
  node.op = FilterExpr::Op::kCompare;
  node.position = token_.position;
  ASSIGN_OR_RETURN(QueryTerm left, ParseOperand());
  static constexpr struct {
    const char* text;
    FilterExpr::Compare compare;
  } kComparisons[] = {
      {"=", FilterExpr::Compare::kEq},  {"!=", FilterExpr::Compare::kNe},
      {"<", FilterExpr::Compare::kLt},  {"<=", FilterExpr::Compare::kLe},
      {">", FilterExpr::Compare::kGt},  {">=", FilterExpr::Compare::kGe},
  };
  bool found = false;
  for (const auto& c : kComparisons) {
    if (token_.kind == TokenKind::kOperator && token_.text == c.text) {
      node.compare = c.compare;
      found = true;
    }
  }
  if (!found) {
    return ErrorAt(token_.position,
                   "expected a comparison (=, !=, <, <=, >, >=)");
  }
  RETURN_IF_ERROR(Advance());
  ASSIGN_OR_RETURN(QueryTerm right, ParseOperand());
  node.operands = {std::move(left), std::move(right)};
  return node;
}

absl::StatusOr<FilterExpr> Parser::ParseFunction(FilterExpr::Op op) {
  FilterExpr node;
  node.op = op;
  node.position = token_.position;
  RETURN_IF_ERROR(Advance());  // name
  RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'('"));
  ASSIGN_OR_RETURN(QueryTerm first, ParseOperand());
  node.operands.push_back(std::move(first));
  if (op == FilterExpr::Op::kBound) {
    if (!node.operands[0].is_variable()) {
      return ErrorAt(node.operands[0].position, "BOUND takes a variable");
    }
  } else {
    RETURN_IF_ERROR(Expect(TokenKind::kComma, "','"));
    ASSIGN_OR_RETURN(QueryTerm second, ParseOperand());
    node.operands.push_back(std::move(second));
  }
  RETURN_IF_ERROR(Expect(TokenKind::kRParen, "')'"));
  return node;
}

absl::StatusOr<QueryTerm> Parser::ParseOperand() {
  const Token token = token_;
  if (token.kind == TokenKind::kWord) {
    return ErrorAt(token.position,
                   absl::StrCat("expected a variable or a literal; write the "
                                "entity as <", token.text, ">"));
  }
  ASSIGN_OR_RETURN(QueryTerm term, ValueTerm(token, /*is_subject=*/false));
  RETURN_IF_ERROR(Advance());
  return term;
}

absl::StatusOr<uint64_t> Parser::ParseCountValue(absl::string_view what) {
  uint64_t n = 0;
  if (token_.kind != TokenKind::kInteger || !absl::SimpleAtoi(token_.text, &n)) {
    return ErrorAt(token_.position,
                   absl::StrCat(what, " takes a non-negative integer"));
  }
  RETURN_IF_ERROR(Advance());
  return n;
}

absl::Status Parser::ParseModifiers() {
  if (token_.IsKeyword("GROUP")) {
    RETURN_IF_ERROR(Advance());
    RETURN_IF_ERROR(ExpectKeyword("BY"));
    do {
      GroupKey key;
      key.position = token_.position;
      ASSIGN_OR_RETURN(key.variable, ExpectVariable());
      query_.group_by.push_back(std::move(key));
    } while (token_.kind == TokenKind::kVariable);
  }
  if (token_.IsKeyword("ORDER")) {
    RETURN_IF_ERROR(Advance());
    RETURN_IF_ERROR(ExpectKeyword("BY"));
    do {
      OrderKey key;
      key.position = token_.position;
      if (token_.IsKeyword("ASC") || token_.IsKeyword("DESC")) {
        key.descending = token_.IsKeyword("DESC");
        RETURN_IF_ERROR(Advance());
        RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'('"));
        key.position = token_.position;
        ASSIGN_OR_RETURN(key.variable, ExpectVariable());
        RETURN_IF_ERROR(Expect(TokenKind::kRParen, "')'"));
      } else {
        ASSIGN_OR_RETURN(key.variable, ExpectVariable());
        if (token_.IsKeyword("ASC") || token_.IsKeyword("DESC")) {
          key.descending = token_.IsKeyword("DESC");
          RETURN_IF_ERROR(Advance());
        }
      }
      query_.order_by.push_back(std::move(key));
      if (token_.kind == TokenKind::kComma) RETURN_IF_ERROR(Advance());
    } while (token_.kind == TokenKind::kVariable || token_.IsKeyword("ASC") ||
             token_.IsKeyword("DESC"));
  }
  for (int i = 0; i < 2; ++i) {
    if (token_.IsKeyword("LIMIT") && !query_.limit.has_value()) {
      RETURN_IF_ERROR(Advance());
      ASSIGN_OR_RETURN(query_.limit, ParseCountValue("LIMIT"));
    } else if (token_.IsKeyword("OFFSET") && query_.offset == 0) {
      RETURN_IF_ERROR(Advance());
      ASSIGN_OR_RETURN(query_.offset, ParseCountValue("OFFSET"));
    }
  }
  return absl::OkStatus();
}

}  // namespace


absl::StatusOr<ParsedQuery> ParseQuery(absl::string_view query) {
  ASSIGN_OR_RETURN(ParsedQuery parsed, Parser(query).Parse());
  RETURN_IF_ERROR(CheckQuery(&parsed));
  return parsed;
}

}  // namespace kg::graph
