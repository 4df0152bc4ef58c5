#include "graph_service/temporal/single_valued.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kg::graph {
namespace {

bool IsPredicateName(absl::string_view name) {
  if (name.empty() || !absl::ascii_islower(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (char c : name) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

}  // namespace

absl::StatusOr<std::vector<SingleValued>> ParseSingleValued(
    absl::string_view text) {
  std::vector<SingleValued> out;
  absl::flat_hash_set<std::string> declared;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = line.substr(0, line.find('#'));
    const std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
    if (words.empty()) continue;
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": ", what));
    };
    if (words.size() < 2 || words.size() > 3) {
      return error("expected PREDICATE per_subject | per_value [CLASS]");
    }
    SingleValued entry;
    entry.predicate = std::string(words[0]);
    if (!IsPredicateName(entry.predicate)) {
      return error(absl::StrCat("\"", entry.predicate,
                                "\" is not a lower_snake_case predicate"));
    }
    if (words[1] == "per_value") {
      entry.per_value = true;
      if (words.size() == 3) entry.value_class = std::string(words[2]);
    } else if (words[1] != "per_subject" || words.size() == 3) {
      return error(absl::StrCat("expected per_subject or per_value [CLASS] after ",
                                entry.predicate));
    }
    if (!declared.insert(entry.predicate).second) {
      return error(absl::StrCat(entry.predicate, " is declared twice"));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

absl::StatusOr<std::vector<SingleValued>> LoadSingleValued(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<std::vector<SingleValued>> parsed =
      ParseSingleValued(text.str());
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

}  // namespace kg::graph
