#include "clients/cli/triple_parser.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/value_format.h"

namespace kg::cli {
namespace {

struct Term {
  enum Kind { kEntity, kBare, kText, kNumber } kind;
  std::string text;
  std::string type;  // after ^^, may be empty
  size_t column;     // 1-based
};

absl::Status ErrorAt(size_t column, const std::string& message) {
  return absl::InvalidArgumentError(absl::StrCat("column ", column, ": ", message));
}

// Reads one term at text[*i]; advances *i past it.
absl::StatusOr<Term> ReadTerm(const std::string& text, size_t* i) {
  Term term{Term::kBare, "", "", *i + 1};
  const char first = text[*i];
  if (first == '<') {
    const size_t close = text.find('>', *i);
    if (close == std::string::npos) return ErrorAt(term.column, "missing '>'");
    term = {Term::kEntity, text.substr(*i + 1, close - *i - 1), "", term.column};
    *i = close + 1;
  } else if (first == '"') {
    term.kind = Term::kText;
    size_t j = *i + 1;
    for (; j < text.size() && text[j] != '"'; ++j) {
      if (text[j] == '\\' && j + 1 < text.size()) ++j;
      term.text += text[j];
    }
    if (j >= text.size()) return ErrorAt(term.column, "unterminated text");
    *i = j + 1;
    if (text.compare(*i, 2, "^^") == 0) {
      size_t end = *i + 2;
      while (end < text.size() && absl::ascii_isalpha(text[end])) ++end;
      term.type = text.substr(*i + 2, end - *i - 2);
      *i = end;
    }
  } else {
    size_t end = *i;
    while (end < text.size() && !absl::ascii_isspace(text[end])) ++end;
    term.text = text.substr(*i, end - *i);
    const char c = term.text[0];
    term.kind = absl::ascii_isdigit(c) || c == '-' ? Term::kNumber : Term::kBare;
    *i = end;
  }
  return term;
}

absl::StatusOr<kg::v1::Value> ValueOf(const Term& term) {
  kg::v1::Value value;
  const std::string& type = term.type;
  if (term.kind == Term::kEntity || term.kind == Term::kBare ||
      type == "entity") {
    value.set_entity(term.text);
  } else if (term.kind == Term::kNumber || type == "integer" ||
             type == "decimal") {
    int64_t integer;
    if (type != "decimal" && absl::SimpleAtoi(term.text, &integer)) {
      value.set_integer(integer);
    } else {
      double unused;
      if (!absl::SimpleAtod(term.text, &unused)) {
        return ErrorAt(term.column, "not a number: " + term.text);
      }
      value.set_decimal(term.text);
    }
  } else if (type == "date") {
    value.set_date(term.text);
  } else if (type.empty() || type == "text") {
    value.set_text(term.text);
  } else {
    return ErrorAt(term.column, "unknown type ^^" + type);
  }
  return value;
}

}  // namespace

absl::StatusOr<kg::v1::Triple> ParseTriple(const std::string& text) {
  std::vector<Term> terms;
  for (size_t i = 0; i < text.size();) {
    if (absl::ascii_isspace(text[i])) {
      ++i;
      continue;
    }
    if (terms.size() == 3) return ErrorAt(i + 1, "more than three terms");
    absl::StatusOr<Term> term = ReadTerm(text, &i);
    if (!term.ok()) return term.status();
    terms.push_back(*std::move(term));
  }
  if (terms.size() < 3) {
    return ErrorAt(text.size() + 1, "expected SUBJECT PREDICATE VALUE");
  }
  if (terms[0].kind != Term::kEntity && terms[0].kind != Term::kBare) {
    return ErrorAt(terms[0].column, "the subject must be an entity");
  }
  if (terms[1].kind != Term::kBare) {
    return ErrorAt(terms[1].column, "the predicate must be a bare word");
  }
  kg::v1::Triple triple;
  triple.set_subject(terms[0].text);
  triple.set_predicate(terms[1].text);
  absl::StatusOr<kg::v1::Value> value = ValueOf(terms[2]);
  if (!value.ok()) return value.status();
  *triple.mutable_value() = *std::move(value);
  return triple;
}

std::string FormatTriple(const kg::v1::Triple& triple) {
  const kg::v1::Value& value = triple.value();
  std::string object;
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      object = absl::StrCat("<", value.entity(), ">");
      break;
    case kg::v1::Value::kDate:
      object = absl::StrCat("\"", value.date(), "\"^^date");
      break;
    default:
      object = FormatValue(value);
  }
  return absl::StrCat("<", triple.subject(), "> ", triple.predicate(), " ",
                      object);
}

}  // namespace kg::cli
