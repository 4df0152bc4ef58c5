#include "graph_service/query/query_ast.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/iso_date.h"

namespace kg::graph {
namespace {

std::string FormatTerm(const QueryTerm& term) {
  switch (term.kind) {
    case QueryTerm::Kind::kVariable:
      return absl::StrCat("?", term.variable);
    case QueryTerm::Kind::kPredicate:
      return term.predicate;
    case QueryTerm::Kind::kValue:
      break;
  }
  return FormatValue(term.value);
}

std::string Quote(const std::string& s) {
  kg::v1::Value value;
  value.set_text(s);
  return FormatValue(value);
}

}  // namespace

bool ParsedQuery::has_aggregate() const {
  for (const SelectItem& item : select) {
    if (item.is_count) return true;
  }
  return false;
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

std::string FormatPattern(const TriplePattern& pattern) {
  std::string out =
      absl::StrCat(FormatTerm(pattern.subject), " ",
                   FormatTerm(pattern.predicate), " ", FormatTerm(pattern.value));
  const ProvenanceFilter& p = pattern.provenance;
  if (!p.active() && !p.as_of_micros.has_value()) return out;
  std::vector<std::string> conditions;
  if (!p.source.empty()) conditions.push_back("source: " + Quote(p.source));
  if (!p.rule.empty()) conditions.push_back("rule: " + Quote(p.rule));
  if (p.min_confidence > 0) {
    conditions.push_back(absl::StrCat("min_confidence: ", p.min_confidence));
  }
  if (p.min_sources > 1) {
    conditions.push_back(absl::StrCat("min_sources: ", p.min_sources));
  }
  if (!p.reported_from.empty()) {
    conditions.push_back("reported_from: " + Quote(p.reported_from));
  }
  if (!p.reported_to.empty()) {
    conditions.push_back("reported_to: " + Quote(p.reported_to));
  }
  if (p.latest) conditions.push_back("latest");
  if (p.as_of_micros.has_value()) {
    conditions.push_back("as_of: " + Quote(FormatInstant(*p.as_of_micros)));
  }
  return absl::StrCat(out, " {", absl::StrJoin(conditions, ", "), "}");
}

}  // namespace kg::graph
