#include "clients/cli/row_format.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "clients/cli/table.h"
#include "clients/cli/triple_parser.h"
#include "clients/cli/value_format.h"
#include "common/iso_date.h"

namespace kg::cli {
namespace {

constexpr char kArrow[] = "    \xE2\x86\xB3 ";
constexpr char kFactArrow[] = "        \xE2\x86\xB3 ";

std::vector<std::string> Header(const kg::v1::QueryRow& row) {
  std::vector<std::string> header;
  for (const kg::v1::Binding& binding : row.bindings()) {
    header.push_back(binding.variable());
  }
  return header;
}

// Cells as plain lexical forms (csv/tsv) or display forms (table).
std::vector<std::string> Cells(const kg::v1::QueryRow& row, bool display) {
  std::vector<std::string> cells;
  for (const kg::v1::Binding& b : row.bindings()) {
    cells.push_back(display ? FormatValue(b.value())
                            : ValueLexicalForm(b.value()));
  }
  return cells;
}

void PrintTable(std::ostream& out, const std::vector<kg::v1::QueryRow>& rows,
                bool why) {
  if (rows.empty()) return;
  if (!why) {
    std::vector<std::string> header;
    for (const std::string& name : Header(rows[0])) header.push_back("?" + name);
    Table table(header);
    for (const kg::v1::QueryRow& row : rows) table.AddRow(Cells(row, true));
    table.Print(out);
    return;
  }
  for (const kg::v1::QueryRow& row : rows) {
    std::vector<std::string> parts;
    for (const kg::v1::Binding& b : row.bindings()) {
      parts.push_back(
          absl::StrCat("?", b.variable(), " = ", FormatValue(b.value())));
    }
    out << absl::StrJoin(parts, "   ") << "\n";
    // Each matched fact, then the sentences behind it: a row joining
    // several patterns cites each sentence under the fact it supports.
    for (const kg::v1::Fact& fact : row.support()) {
      if (fact.predicate().empty()) continue;  // an unmatched OPTIONAL
      kg::v1::Triple triple;
      triple.set_subject(fact.subject());
      triple.set_predicate(fact.predicate());
      *triple.mutable_value() = fact.value();
      out << "    " << FormatTriple(triple) << "\n";
      for (const kg::v1::Evidence& evidence : fact.evidence()) {
        out << kFactArrow << EvidenceSource(evidence) << "\n";
      }
    }
  }
}

}  // namespace

absl::StatusOr<RowFormat> ParseRowFormat(const std::string& name) {
  if (name == "table") return RowFormat::kTable;
  if (name == "json") return RowFormat::kJson;
  if (name == "jsonl") return RowFormat::kJsonl;
  if (name == "csv") return RowFormat::kCsv;
  if (name == "tsv") return RowFormat::kTsv;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format '", name, "': choose table, json, jsonl, csv or tsv"));
}

std::string EvidenceSource(const kg::v1::Evidence& evidence) {
  if (evidence.premises_size() > 0) {
    return absl::StrFormat("[%s] derived by rule %s from %d facts (see kg explain)",
                           evidence.document_id(), evidence.rule(),
                           evidence.premises_size());
  }
  if (evidence.retracted_at_micros() != 0) {
    return absl::StrFormat("[%s, retracted %s] %s", evidence.document_id(),
                           FormatInstant(evidence.retracted_at_micros()),
                           evidence.sentence());
  }
  return absl::StrFormat("[%s] %s", evidence.document_id(), evidence.sentence());
}

std::vector<std::string> RowSources(const kg::v1::QueryRow& row) {
  std::vector<std::string> sources;
  for (const kg::v1::Fact& fact : row.support()) {
    for (const kg::v1::Evidence& evidence : fact.evidence()) {
      std::string line = EvidenceSource(evidence);
      if (std::find(sources.begin(), sources.end(), line) == sources.end()) {
        sources.push_back(std::move(line));
      }
    }
  }
  return sources;
}

std::string RowToJson(const kg::v1::QueryRow& row, bool why) {
  std::string out = "{";
  for (int i = 0; i < row.bindings_size(); ++i) {
    absl::StrAppend(&out, i > 0 ? "," : "",
                    JsonString(row.bindings(i).variable()), ":",
                    ValueToJson(row.bindings(i).value()));
  }
  if (why) {
    absl::StrAppend(&out, row.bindings_size() > 0 ? "," : "", "\"_sources\":[");
    bool first = true;
    for (const kg::v1::Fact& fact : row.support()) {
      for (const kg::v1::Evidence& evidence : fact.evidence()) {
        absl::StrAppend(&out, first ? "" : ",", "{\"doc\":",
                        JsonString(evidence.document_id()),
                        ",\"sentence\":", JsonString(evidence.sentence()),
                        ",\"rule\":", JsonString(evidence.rule()));
        if (evidence.retracted_at_micros() != 0) {
          absl::StrAppend(&out, ",\"retracted_at\":",
                          JsonString(FormatInstant(evidence.retracted_at_micros())));
        }
        out += "}";
        first = false;
      }
    }
    out += "]";
  }
  return out + "}";
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TsvField(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

void RowPrinter::WriteHeader(const kg::v1::QueryRow& row) {
  std::vector<std::string> header = Header(row);
  if (why_) header.push_back("_sources");
  const bool csv = format_ == RowFormat::kCsv;
  std::vector<std::string> fields;
  for (const std::string& name : header) {
    fields.push_back(csv ? CsvField(name) : TsvField(name));
  }
  out_ << absl::StrJoin(fields, csv ? "," : "\t") << (csv ? "\r\n" : "\n");
}

void RowPrinter::Add(const kg::v1::QueryRow& row) {
  ++count_;
  switch (format_) {
    case RowFormat::kTable:
    case RowFormat::kJson:
      kept_.push_back(row);
      return;
    case RowFormat::kJsonl:
      out_ << RowToJson(row, why_) << "\n";
      return;
    case RowFormat::kCsv:
    case RowFormat::kTsv: {
      if (count_ == 1) WriteHeader(row);
      std::vector<std::string> cells = Cells(row, false);
      if (why_) cells.push_back(absl::StrJoin(RowSources(row), " | "));
      const bool csv = format_ == RowFormat::kCsv;
      for (std::string& cell : cells) cell = csv ? CsvField(cell) : TsvField(cell);
      out_ << absl::StrJoin(cells, csv ? "," : "\t") << (csv ? "\r\n" : "\n");
      return;
    }
  }
}

void RowPrinter::Finish() {
  if (format_ == RowFormat::kJson) {
    out_ << "[";
    for (size_t i = 0; i < kept_.size(); ++i) {
      out_ << (i > 0 ? ",\n " : "") << RowToJson(kept_[i], why_);
    }
    out_ << "]\n";
  } else if (format_ == RowFormat::kTable) {
    PrintTable(out_, kept_, why_);
    out_ << "(" << count_ << (count_ == 1 ? " row" : " rows") << ")\n";
  }
  kept_.clear();
}

}  // namespace kg::cli
