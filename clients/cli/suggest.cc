#include "clients/cli/suggest.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace kg::cli {
namespace {

// True when `needle` occurs in `haystack` bounded by non-alphanumerics.
bool ContainsWord(const std::string& haystack, const std::string& needle) {
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    const size_t end = at + needle.size();
    const bool left = at == 0 || !absl::ascii_isalnum(haystack[at - 1]);
    const bool right =
        end == haystack.size() || !absl::ascii_isalnum(haystack[end]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = absl::ascii_tolower(a[i - 1]) ==
                        absl::ascii_tolower(b[j - 1]);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (same ? 0 : 1)});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> CloseMatches(const std::string& name,
                                      const std::vector<std::string>& candidates,
                                      size_t max_results) {
  const std::string lower_name = absl::AsciiStrToLower(name);
  const size_t threshold = std::max<size_t>(2, name.size() / 4);
  std::vector<std::pair<size_t, std::string>> scored;
  std::set<std::string> seen;
  for (const std::string& candidate : candidates) {
    if (candidate.empty() || !seen.insert(candidate).second) continue;
    const std::string lower = absl::AsciiStrToLower(candidate);
    const size_t distance = EditDistance(lower_name, lower);
    const bool word_match = lower_name.size() >= 3 &&
                            (absl::StartsWith(lower, lower_name) ||
                             ContainsWord(lower, lower_name));
    if (distance <= threshold || word_match) {
      // Containment ranks with the best edit matches.
      scored.emplace_back(word_match ? std::min<size_t>(distance, 1) : distance,
                          candidate);
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> result;
  for (auto& [distance, candidate] : scored) {
    if (result.size() == max_results) break;
    result.push_back(std::move(candidate));
  }
  return result;
}

}  // namespace kg::cli
