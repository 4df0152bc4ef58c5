#include "graph_service/io/rdf_terms.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/utf8.h"

namespace kg::graph::io {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A cursor over one line, for the statement parser.
class LineReader {
 public:
  explicit LineReader(absl::string_view line) : line_(line) {}

  absl::Status Error(absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("column ", pos_ + 1, ": ", what));
  }
  void SkipSpace() {
    while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t')) {
      ++pos_;
    }
  }
  char Peek() const { return pos_ < line_.size() ? line_[pos_] : '\0'; }
  bool AtEnd() const { return pos_ >= line_.size(); }
  void Skip() { ++pos_; }

  // "<...>" -> the IRI between the brackets.
  absl::StatusOr<std::string> Iri() {
    SkipSpace();
    if (Peek() != '<') return Error("expected '<'");
    const size_t close = line_.find('>', pos_);
    if (close == absl::string_view::npos) return Error("unterminated IRI");
    std::string iri(line_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return iri;
  }

  // "..." with escapes -> the string.
  absl::StatusOr<std::string> String() {
    Skip();  // Opening quote.
    std::string out;
    while (!AtEnd() && Peek() != '"') {
      if (Peek() != '\\') {
        out.push_back(Peek());
        Skip();
        continue;
      }
      Skip();
      RETURN_IF_ERROR(Escape(&out));
    }
    if (AtEnd()) return Error("unterminated string");
    Skip();
    return out;
  }

 private:
  absl::Status Escape(std::string* out) {
    const char c = Peek();
    Skip();
    switch (c) {
      case 't': out->push_back('\t'); return absl::OkStatus();
      case 'b': out->push_back('\b'); return absl::OkStatus();
      case 'n': out->push_back('\n'); return absl::OkStatus();
      case 'r': out->push_back('\r'); return absl::OkStatus();
      case 'f': out->push_back('\f'); return absl::OkStatus();
      case '"': case '\'': case '\\': out->push_back(c); return absl::OkStatus();
      case 'u': case 'U': {
        const size_t n = c == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t i = 0; i < n; ++i, Skip()) {
          const int d = HexDigit(Peek());
          if (d < 0) return Error("bad \\u escape");
          cp = cp * 16 + static_cast<uint32_t>(d);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return Error("escape is not a Unicode scalar value");
        }
        AppendUtf8(cp, out);
        return absl::OkStatus();
      }
      default:
        return Error("unknown string escape");
    }
  }

  absl::string_view line_;
  size_t pos_ = 0;
};

absl::StatusOr<std::string> EntityName(absl::string_view iri) {
  if (absl::StartsWith(iri, kEntityIri)) {
    return PercentDecode(iri.substr(kEntityIri.size()));
  }
  return std::string(iri);
}

// A literal with `datatype` (an IRI, or "" for a plain string).
absl::StatusOr<kg::v1::Value> TypedLiteral(std::string lexical,
                                           absl::string_view datatype) {
  kg::v1::Value v;
  int64_t n = 0;
  if (datatype == absl::StrCat(kXsd, "integer")) {
    if (!absl::SimpleAtoi(lexical, &n)) {
      return absl::InvalidArgumentError(
          absl::StrCat("\"", lexical, "\" is not an xsd:integer"));
    }
    v.set_integer(n);
  } else if (datatype == absl::StrCat(kXsd, "decimal")) {
    v.set_decimal(std::move(lexical));
  } else if (datatype == absl::StrCat(kXsd, "date")) {
    v.set_date(std::move(lexical));
  } else {
    v.set_text(std::move(lexical));
  }
  return v;
}

}  // namespace

std::string PercentEncode(absl::string_view s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

absl::StatusOr<std::string> PercentDecode(absl::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    const int hi = i + 2 < s.size() ? HexDigit(s[i + 1]) : -1;
    const int lo = i + 2 < s.size() ? HexDigit(s[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("malformed percent-encoding in \"", s, "\""));
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

std::string EntityTerm(absl::string_view name) {
  return absl::StrCat("<", kEntityIri, PercentEncode(name), ">");
}

std::string PredicateTerm(absl::string_view name) {
  return absl::StrCat("<", kPredicateIri, PercentEncode(name), ">");
}

std::string DocumentTerm(absl::string_view id) {
  return absl::StrCat("<", kDocumentIri, PercentEncode(id), ">");
}

std::string EscapeString(absl::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string ValueTerm(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      return EntityTerm(value.entity());
    case kg::v1::Value::kInteger:
      return absl::StrCat("\"", value.integer(), "\"^^<", kXsd, "integer>");
    case kg::v1::Value::kDecimal:
      return absl::StrCat("\"", value.decimal(), "\"^^<", kXsd, "decimal>");
    case kg::v1::Value::kDate:
      return absl::StrCat("\"", value.date(), "\"^^<", kXsd, "date>");
    case kg::v1::Value::kText:
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return absl::StrCat("\"", EscapeString(value.text()), "\"");
}

absl::StatusOr<RdfStatement> ParseRdfLine(absl::string_view line) {
  LineReader r(line);
  RdfStatement st;
  r.SkipSpace();
  if (r.Peek() == '_') return r.Error("blank nodes are not supported");
  ASSIGN_OR_RETURN(std::string subject, r.Iri());
  ASSIGN_OR_RETURN(st.subject, EntityName(subject));
  ASSIGN_OR_RETURN(std::string predicate, r.Iri());
  if (!absl::StartsWith(predicate, kPredicateIri)) {
    return r.Error(absl::StrCat("predicate <", predicate, "> is not under ",
                                kPredicateIri));
  }
  ASSIGN_OR_RETURN(st.predicate,
                   PercentDecode(absl::string_view(predicate).substr(kPredicateIri.size())));
  r.SkipSpace();
  if (r.Peek() == '"') {
    ASSIGN_OR_RETURN(std::string lexical, r.String());
    std::string datatype;
    if (r.Peek() == '^') {
      r.Skip();
      if (r.Peek() != '^') return r.Error("expected '^^'");
      r.Skip();
      ASSIGN_OR_RETURN(datatype, r.Iri());
    } else if (r.Peek() == '@') {
      while (!r.AtEnd() && r.Peek() != ' ' && r.Peek() != '\t') r.Skip();
    }
    ASSIGN_OR_RETURN(st.value, TypedLiteral(std::move(lexical), datatype));
  } else {
    ASSIGN_OR_RETURN(std::string object, r.Iri());
    ASSIGN_OR_RETURN(std::string name, EntityName(object));
    st.value.set_entity(std::move(name));
  }
  r.SkipSpace();
  if (r.Peek() == '<') {
    ASSIGN_OR_RETURN(std::string graph, r.Iri());
    st.has_graph = true;
    if (absl::StartsWith(graph, kDocumentIri)) {
      ASSIGN_OR_RETURN(st.graph,
                       PercentDecode(absl::string_view(graph).substr(kDocumentIri.size())));
    } else {
      st.graph = std::move(graph);
    }
    r.SkipSpace();
  }
  if (r.Peek() != '.') return r.Error("expected '.' at the end of the statement");
  r.Skip();
  r.SkipSpace();
  if (!r.AtEnd() && r.Peek() != '#') return r.Error("text after '.'");
  return st;
}

}  // namespace kg::graph::io
