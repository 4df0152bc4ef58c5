#include "clients/cli/predicate_hints.h"

#include <algorithm>
#include <cctype>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/suggest.h"

namespace kg::cli {
namespace {

// Keywords and FILTER functions of docs/query-language.md (any case).
bool IsReservedWord(const std::string& word) {
  static const auto* reserved = new absl::flat_hash_set<std::string>{
      "select", "where", "distinct", "count", "as", "filter", "optional",
      "group", "by", "order", "asc", "desc", "limit", "offset", "contains",
      "starts_with", "strstarts", "ends_with", "strends", "bound", "true",
      "false"};
  return reserved->contains(absl::AsciiStrToLower(word));
}

bool IsNameChar(char c) {
  return std::islower(static_cast<unsigned char>(c)) ||
         std::isdigit(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

std::vector<std::string> UnknownPredicateNotes(
    const std::string& query, const std::vector<std::string>& known) {
  const absl::flat_hash_set<std::string> known_set(known.begin(), known.end());
  std::vector<std::string> notes;
  absl::flat_hash_set<std::string> reported;
  size_t i = 0;
  while (i < query.size()) {
    const char c = query[i];
    if (c == '"' || c == '\'') {  // skip a quoted name or string
      size_t j = i + 1;
      while (j < query.size() && query[j] != c) j += query[j] == '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    const bool word_start = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    if (!word_start && c != '?' && c != '$') {
      ++i;
      continue;
    }
    if (!std::islower(static_cast<unsigned char>(c))) {
      // A variable, or a word that does not start lower-case: skip it whole.
      size_t j = i + 1;
      while (j < query.size() && (std::isalnum(static_cast<unsigned char>(query[j])) ||
                                  query[j] == '_')) {
        ++j;
      }
      i = j;
      continue;
    }
    size_t j = i;
    while (j < query.size() && IsNameChar(query[j])) ++j;
    const std::string word = query.substr(i, j - i);
    size_t next = j;
    while (next < query.size() && query[next] == ' ') ++next;
    const bool call = next < query.size() && query[next] == '(';
    const bool whole = j == query.size() || !std::isalpha(static_cast<unsigned char>(query[j]));
    i = j;
    if (!whole || call || IsReservedWord(word) || known_set.contains(word) ||
        !reported.insert(word).second) {
      continue;
    }
    std::string note = absl::StrCat("no facts use predicate '", word, "'");
    const std::vector<std::string> close = CloseMatches(word, known, 3);
    if (!close.empty()) {
      absl::StrAppend(&note, " (did you mean ", absl::StrJoin(close, " or "), "?)");
    }
    notes.push_back(note);
  }
  return notes;
}

}  // namespace kg::cli
