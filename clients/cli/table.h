// Aligned text tables for terminals. Widths count Unicode code points, so
// names with accents or curly quotes line up.
#ifndef KG_CLIENTS_CLI_TABLE_H_
#define KG_CLIENTS_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace kg::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header);

  // Rows shorter than the header are padded with empty cells.
  void AddRow(std::vector<std::string> cells);

  // Header, a rule, then the rows; columns separated by two spaces.
  // Cells longer than `max_cell_width` code points are cut with "…".
  void Print(std::ostream& out, size_t max_cell_width = 80) const;

  size_t row_count() const { return rows_.size(); }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of code points in UTF-8 `text`.
size_t DisplayWidth(const std::string& text);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_TABLE_H_
