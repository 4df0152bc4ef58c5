// "Did you mean": the known names closest to a name that was not found.
// Pure functions; the caller supplies the candidates (kg asks the graph for
// every typed entity).
#ifndef KG_CLIENTS_CLI_SUGGEST_H_
#define KG_CLIENTS_CLI_SUGGEST_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg::cli {

// Levenshtein distance between the ASCII-lowercased strings, in bytes.
size_t EditDistance(absl::string_view a, absl::string_view b);

// Up to `max_results` candidates close to `name`, best first: those whose
// case-insensitive edit distance is at most max(2, len/4), and those that
// start with or contain `name` as a whole word (case-insensitive). Ties are
// broken by distance, then alphabetically. Duplicates are dropped.
std::vector<std::string> CloseMatches(const std::string& name,
                                      const std::vector<std::string>& candidates,
                                      size_t max_results = 5);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_SUGGEST_H_
