#include "clients/cli/table.h"

#include <algorithm>
#include <utility>

namespace kg::cli {
namespace {

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string Truncate(const std::string& text, size_t max_width) {
  if (DisplayWidth(text) <= max_width) return text;
  size_t width = 0;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    if (IsContinuationByte(text[i])) continue;
    if (width == max_width - 1) break;
    ++width;
  }
  return text.substr(0, i) + "\xE2\x80\xA6";
}

void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<size_t>& widths) {
  std::string line;
  for (size_t c = 0; c < widths.size(); ++c) {
    const std::string& cell = c < cells.size() ? cells[c] : "";
    line += cell;
    if (c + 1 < widths.size()) {
      line += std::string(widths[c] - DisplayWidth(cell) + 2, ' ');
    }
  }
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << "\n";
}

}  // namespace

size_t DisplayWidth(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return !IsContinuationByte(c); });
}

Table::Table(std::vector<std::string> header) : header_(std::move(header)) {}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(std::max(cells.size(), header_.size()));
  rows_.push_back(std::move(cells));
}

void Table::Print(std::ostream& out, size_t max_cell_width) const {
  std::vector<std::vector<std::string>> cut;
  cut.reserve(rows_.size() + 1);
  cut.push_back(header_);
  for (const auto& row : rows_) {
    std::vector<std::string> cells;
    for (const std::string& cell : row) {
      cells.push_back(Truncate(cell, max_cell_width));
    }
    cut.push_back(std::move(cells));
  }
  std::vector<size_t> widths(header_.size(), 0);
  for (const auto& row : cut) {
    for (size_t c = 0; c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  PrintRow(out, cut[0], widths);
  std::vector<std::string> rule;
  for (size_t width : widths) rule.push_back(std::string(width, '-'));
  PrintRow(out, rule, widths);
  for (size_t r = 1; r < cut.size(); ++r) PrintRow(out, cut[r], widths);
}

}  // namespace kg::cli
