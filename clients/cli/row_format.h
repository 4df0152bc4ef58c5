// Printing query rows in the formats `kg query --format` offers. gRPC-free.
//
//   table  aligned columns (with --why: each row, then its sentences)
//   json   one JSON array of row objects
//   jsonl  one JSON object per row, written as each row arrives
//   csv    RFC 4180, header of variable names
//   tsv    tab-separated, \t \n \\ escaped, header of variable names
//
// With `why`, json/jsonl rows carry "_sources": [{doc, sentence, rule}] and
// csv/tsv rows a last column "_sources" of "[doc] sentence" joined by " | ".
#ifndef KG_CLIENTS_CLI_ROW_FORMAT_H_
#define KG_CLIENTS_CLI_ROW_FORMAT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/v1/graph.pb.h"

namespace kg::cli {

enum class RowFormat { kTable, kJson, kJsonl, kCsv, kTsv };

// InvalidArgument listing the choices for anything else.
absl::StatusOr<RowFormat> ParseRowFormat(const std::string& name);

// Not thread-safe. Rows must all bind the same variables (as a query's do).
class RowPrinter {
 public:
  RowPrinter(RowFormat format, bool why, std::ostream& out)
      : format_(format), why_(why), out_(out) {}

  // Streams the row (jsonl, csv, tsv) or keeps it for Finish (table, json).
  void Add(const kg::v1::QueryRow& row);
  // Writes what was kept; for tables a "(N rows)" line.
  void Finish();

  size_t row_count() const { return count_; }

 private:
  void WriteHeader(const kg::v1::QueryRow& row);

  RowFormat format_;
  bool why_;
  std::ostream& out_;
  std::vector<kg::v1::QueryRow> kept_;
  size_t count_ = 0;
};

// One line of provenance: "[doc] sentence" for a fact read from text,
// "[doc] derived by rule R from N facts (see kg explain)" for a derived one.
std::string EvidenceSource(const kg::v1::Evidence& evidence);

// The distinct "[doc] sentence" lines behind a row, in match order.
std::vector<std::string> RowSources(const kg::v1::QueryRow& row);

// One JSON object for a row (see above), no newline.
std::string RowToJson(const kg::v1::QueryRow& row, bool why);

// A CSV field, quoted when it holds a comma, quote, CR or LF.
std::string CsvField(const std::string& text);
// A TSV field with tab, newline, CR and backslash escaped.
std::string TsvField(const std::string& text);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_ROW_FORMAT_H_
