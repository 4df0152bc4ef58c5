#include "extractor_service/pipeline/gazetteer.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"

namespace kg::extractor {
namespace {

constexpr char kSep = '\x1f';

// Calls `fn(columns, line_number)` for every non-blank, non-comment line of
// `dir/name`; each line must have between min_cols and max_cols TAB columns.
absl::Status ForEachLine(
    const std::string& dir, const std::string& name, int min_cols,
    int max_cols,
    const std::function<void(const std::vector<std::string>&)>& fn) {
  const std::string path = dir + "/" + name;
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    absl::string_view stripped = absl::StripAsciiWhitespace(line);
    if (stripped.empty() || stripped[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    for (std::string& c : cols) c = std::string(absl::StripAsciiWhitespace(c));
    if (static_cast<int>(cols.size()) < min_cols ||
        static_cast<int>(cols.size()) > max_cols || cols[0].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", line_no, ": expected ", min_cols, "-", max_cols,
          " tab-separated columns, got ", cols.size()));
    }
    fn(cols);
  }
  return absl::OkStatus();
}

std::string Col(const std::vector<std::string>& cols, size_t i) {
  return i < cols.size() ? cols[i] : "";
}

absl::Status LoadTable(const std::string& dir, const std::string& name,
                       int max_cols, PhraseTable* table) {
  return ForEachLine(dir, name, 1, max_cols,
                     [&](const std::vector<std::string>& cols) {
                       std::string canonical = Col(cols, 1);
                       if (canonical.empty()) canonical = cols[0];
                       table->Add(cols[0], {canonical, Col(cols, 2)});
                     });
}

absl::Status LoadSet(const std::string& dir, const std::string& name,
                     absl::flat_hash_set<std::string>* set) {
  return ForEachLine(dir, name, 1, 1, [&](const std::vector<std::string>& c) {
    set->insert(c[0]);
  });
}

}  // namespace

void PhraseTable::Add(std::string_view phrase, GazetteerEntry entry) {
  std::vector<Token> toks = Tokenize(phrase);
  if (toks.empty()) return;
  std::string key;
  for (const Token& t : toks) {
    if (!key.empty()) {
      prefixes_.insert(key);
      key.push_back(kSep);
    }
    key += Key(t);
  }
  max_length_ = std::max(max_length_, static_cast<int>(toks.size()));
  table_.emplace(std::move(key), std::move(entry));
}

PhraseTable::Match PhraseTable::LongestAt(const std::vector<Token>& tokens,
                                          int pos, int limit) const {
  Match best;
  std::string key;
  for (int len = 1; len <= max_length_ && pos + len <= limit; ++len) {
    if (len > 1) key.push_back(kSep);
    key += Key(tokens[pos + len - 1]);
    auto it = table_.find(key);
    if (it != table_.end()) best = {len, &it->second};
    if (!prefixes_.contains(key)) break;
  }
  return best;
}

Gazetteer::Gazetteer()
    : ranks_(true),
      titles_(true),
      crime_types_(false),
      organisations_(true),
      places_(true) {}

const std::string& Gazetteer::HeadClass(std::string_view lower_word) const {
  static const std::string* const kNone = new std::string();
  auto it = heads_.find(absl::string_view(lower_word.data(), lower_word.size()));
  return it == heads_.end() ? *kNone : it->second;
}

absl::StatusOr<Gazetteer> Gazetteer::Load(const std::string& dir) {
  Gazetteer g;
  RETURN_IF_ERROR(LoadTable(dir, "ranks.tsv", 2, &g.ranks_));
  RETURN_IF_ERROR(LoadTable(dir, "titles.tsv", 2, &g.titles_));
  RETURN_IF_ERROR(LoadTable(dir, "crime_types.tsv", 2, &g.crime_types_));
  RETURN_IF_ERROR(LoadTable(dir, "organisations.tsv", 3, &g.organisations_));
  RETURN_IF_ERROR(ForEachLine(dir, "places.tsv", 1, 2,
                              [&](const std::vector<std::string>& c) {
                                g.places_.Add(c[0], {c[0], Col(c, 1)});
                              }));
  RETURN_IF_ERROR(LoadSet(dir, "honorifics.txt", &g.honorifics_));
  RETURN_IF_ERROR(LoadSet(dir, "first_names.txt", &g.first_names_));
  RETURN_IF_ERROR(ForEachLine(dir, "head_words.tsv", 2, 2,
                              [&](const std::vector<std::string>& c) {
                                g.heads_[absl::AsciiStrToLower(c[0])] = c[1];
                              }));
  RETURN_IF_ERROR(ForEachLine(
      dir, "ranks.tsv", 1, 2, [&](const std::vector<std::string>& c) {
        const bool abbreviated = c.size() > 1 && c[1] != c[0];
        if (abbreviated && c[0].find(' ') == std::string::npos) {
          g.abbreviations_.push_back(c[0]);
        }
      }));
  for (const std::string& h : g.honorifics_) g.abbreviations_.push_back(h);
  return g;
}

}  // namespace kg::extractor
