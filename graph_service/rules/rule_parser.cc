#include "graph_service/rules/rule_parser.h"

#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace kg::graph::rules {
namespace {

constexpr absl::string_view kSameDocument = "SAME_DOCUMENT";

enum class Tok { kVar, kString, kAngle, kWord, kNumber, kDot, kColon, kImplies, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;
  std::string datatype;  // For strings: the name after ^^, if any.
  int line = 0;
  int column = 0;
};

bool IsWordChar(char c) {
  return absl::ascii_isalnum(c) || c == '_' || c == '-';
}

// Splits rule text into tokens; comments (# to end of line) are skipped.
class Lexer {
 public:
  explicit Lexer(absl::string_view text) : text_(text) {}

  absl::StatusOr<std::vector<Token>> Run() {
    std::vector<Token> out;
    while (true) {
      SkipSpaceAndComments();
      Token t;
      t.line = line_;
      t.column = column_;
      if (pos_ >= text_.size()) {
        out.push_back(t);
        return out;
      }
      ASSIGN_OR_RETURN(t, Next(t));
      out.push_back(std::move(t));
    }
  }

 private:
  absl::Status Error(const Token& at, absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", at.line, ", column ", at.column, ": ", what));
  }

  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  void Advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }

  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      if (Peek() == '#') {
        while (pos_ < text_.size() && Peek() != '\n') Advance();
      } else if (absl::ascii_isspace(Peek())) {
        Advance();
      } else {
        return;
      }
    }
  }

  // Reads up to (not including) `close`; the opening char is current.
  absl::StatusOr<std::string> Delimited(const Token& t, char close) {
    Advance();
    std::string s;
    while (pos_ < text_.size() && Peek() != close && Peek() != '\n') {
      if (close == '"' && Peek() == '\\' && pos_ + 1 < text_.size()) Advance();
      s.push_back(Peek());
      Advance();
    }
    if (Peek() != close) return Error(t, "unterminated term");
    Advance();
    return s;
  }

  absl::StatusOr<Token> Next(Token t) {
    const char c = Peek();
    if (c == '.' ) {
      t.kind = Tok::kDot;
      Advance();
    } else if (c == ':' && Peek(1) == '-') {
      t.kind = Tok::kImplies;
      Advance();
      Advance();
    } else if (c == ':') {
      t.kind = Tok::kColon;
      Advance();
    } else if (c == '"') {
      t.kind = Tok::kString;
      ASSIGN_OR_RETURN(t.text, Delimited(t, '"'));
      if (Peek() == '^' && Peek(1) == '^') {
        Advance();
        Advance();
        while (IsWordChar(Peek())) t.datatype.push_back(Peek()), Advance();
      }
    } else if (c == '<') {
      t.kind = Tok::kAngle;
      ASSIGN_OR_RETURN(t.text, Delimited(t, '>'));
    } else if (c == '?') {
      t.kind = Tok::kVar;
      Advance();
      while (IsWordChar(Peek())) t.text.push_back(Peek()), Advance();
      if (t.text.empty()) return Error(t, "'?' without a variable name");
    } else if (absl::ascii_isdigit(c) || (c == '-' && absl::ascii_isdigit(Peek(1)))) {
      t.kind = Tok::kNumber;
      t.text.push_back(c);
      Advance();
      while (absl::ascii_isdigit(Peek()) ||
             (Peek() == '.' && absl::ascii_isdigit(Peek(1)))) {
        t.text.push_back(Peek());
        Advance();
      }
    } else if (IsWordChar(c)) {
      t.kind = Tok::kWord;
      while (IsWordChar(Peek())) t.text.push_back(Peek()), Advance();
    } else {
      return Error(t, absl::StrCat("unexpected character '", std::string(1, c), "'"));
    }
    return t;
  }

  absl::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

bool IsLowerSnakeCase(absl::string_view s) {
  if (s.empty() || !absl::ascii_islower(s.front()) || s.back() == '_') return false;
  for (char c : s) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_')) return false;
  }
  return s.find("__") == absl::string_view::npos;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  absl::StatusOr<std::vector<Rule>> Run() {
    std::vector<Rule> rules;
    std::set<std::string> ids;
    while (Peek().kind != Tok::kEnd) {
      const Token start = Peek();
      ASSIGN_OR_RETURN(Rule rule, ParseRule());
      if (!ids.insert(rule.id).second) {
        return Error(start, absl::StrCat("duplicate rule id \"", rule.id, "\""));
      }
      RETURN_IF_ERROR(CheckSafe(rule, start));
      rules.push_back(std::move(rule));
    }
    return rules;
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  Token Take() {
    Token t = tokens_[pos_];
    if (t.kind != Tok::kEnd) ++pos_;
    return t;
  }

  absl::Status Error(const Token& at, absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", at.line, ", column ", at.column, ": ", what));
  }

  absl::Status Expect(Tok kind, absl::string_view what) {
    if (Peek().kind != kind) {
      return Error(Peek(), absl::StrCat("expected ", what));
    }
    Take();
    return absl::OkStatus();
  }

  absl::StatusOr<Rule> ParseRule() {
    Rule rule;
    if (Peek().kind != Tok::kWord) return Error(Peek(), "expected a rule id");
    rule.id = Take().text;
    RETURN_IF_ERROR(Expect(Tok::kColon, "':' after the rule id"));
    ASSIGN_OR_RETURN(rule.head, ParsePattern());
    RETURN_IF_ERROR(Expect(Tok::kImplies, "':-' after the rule head"));
    while (true) {
      if (Peek().kind == Tok::kWord && Peek().text == kSameDocument) {
        if (rule.body.empty()) return Error(Peek(), "the rule body is empty");
        Take();
        if (Peek().kind == Tok::kDot) Take();
        return rule;
      }
      if (Peek().kind == Tok::kEnd || Peek().kind == Tok::kColon) {
        return Error(Peek(), "expected SAME_DOCUMENT to end the rule "
                             "(cross-document rules are not supported)");
      }
      ASSIGN_OR_RETURN(RulePattern pattern, ParsePattern());
      rule.body.push_back(std::move(pattern));
      RETURN_IF_ERROR(Expect(Tok::kDot, "'.' between body patterns"));
    }
  }

  absl::StatusOr<RulePattern> ParsePattern() {
    RulePattern p;
    const Token subject_token = Peek();
    ASSIGN_OR_RETURN(p.subject, ParseTerm());
    if (!p.subject.is_variable &&
        p.subject.constant.kind_case() != kg::v1::Value::kEntity) {
      return Error(subject_token, "a subject must be a variable or an entity");
    }
    if (Peek().kind != Tok::kWord || !IsLowerSnakeCase(Peek().text)) {
      return Error(Peek(), "expected a lower_snake_case predicate");
    }
    p.predicate = Take().text;
    ASSIGN_OR_RETURN(p.value, ParseTerm());
    return p;
  }

  absl::StatusOr<RuleTerm> ParseTerm() {
    const Token t = Take();
    RuleTerm term;
    switch (t.kind) {
      case Tok::kVar:
        term.is_variable = true;
        term.variable = t.text;
        return term;
      case Tok::kAngle:
      case Tok::kWord:
        if (t.text.empty() || t.text == kSameDocument) break;
        term.constant.set_entity(t.text);
        return term;
      case Tok::kNumber:
        return NumberTerm(t);
      case Tok::kString:
        return StringTerm(t);
      default:
        break;
    }
    return Error(t, "expected a term (?variable, entity, \"text\" or number)");
  }

  absl::StatusOr<RuleTerm> NumberTerm(const Token& t) {
    RuleTerm term;
    int64_t n = 0;
    if (t.text.find('.') != std::string::npos) {
      term.constant.set_decimal(t.text);
    } else if (absl::SimpleAtoi(t.text, &n)) {
      term.constant.set_integer(n);
    } else {
      return Error(t, "integer out of range");
    }
    return term;
  }

  absl::StatusOr<RuleTerm> StringTerm(const Token& t) {
    RuleTerm term;
    if (t.datatype.empty() || t.datatype == "text") {
      term.constant.set_text(t.text);
    } else if (t.datatype == "date") {
      term.constant.set_date(t.text);
    } else if (t.datatype == "decimal") {
      term.constant.set_decimal(t.text);
    } else if (t.datatype == "entity") {
      term.constant.set_entity(t.text);
    } else {
      return Error(t, absl::StrCat("unknown datatype ^^", t.datatype));
    }
    return term;
  }

  // Every head variable must be bound by the body.
  absl::Status CheckSafe(const Rule& rule, const Token& at) const {
    std::set<std::string> bound;
    for (const RulePattern& p : rule.body) {
      if (p.subject.is_variable) bound.insert(p.subject.variable);
      if (p.value.is_variable) bound.insert(p.value.variable);
    }
    for (const RuleTerm* t : {&rule.head.subject, &rule.head.value}) {
      if (t->is_variable && bound.count(t->variable) == 0) {
        return Error(at, absl::StrCat("rule \"", rule.id, "\": head variable ?",
                                      t->variable, " does not occur in the body"));
      }
    }
    return absl::OkStatus();
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

absl::StatusOr<std::vector<Rule>> ParseRules(absl::string_view text) {
  ASSIGN_OR_RETURN(std::vector<Token> tokens, Lexer(text).Run());
  return Parser(std::move(tokens)).Run();
}

absl::StatusOr<std::vector<Rule>> LoadRulesFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read rules file ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<std::vector<Rule>> rules = ParseRules(buffer.str());
  if (!rules.ok()) {
    return absl::Status(rules.status().code(),
                        absl::StrCat(path, ": ", rules.status().message()));
  }
  return rules;
}

}  // namespace kg::graph::rules
