#include "bench/load/rss_verdict.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/str_format.h"

namespace kg::load {

RssVerdict JudgeRss(const std::vector<int64_t>& rss_kb, int64_t peak_kb,
                    double growth_limit, int64_t max_peak_kb) {
  RssVerdict verdict;
  const size_t third = rss_kb.size() / 3;
  if (third > 0) {
    verdict.first_third_max_kb =
        *std::max_element(rss_kb.begin(), rss_kb.begin() + third);
    verdict.last_third_max_kb =
        *std::max_element(rss_kb.end() - third, rss_kb.end());
    verdict.growth = verdict.first_third_max_kb > 0
                         ? static_cast<double>(verdict.last_third_max_kb) /
                               static_cast<double>(verdict.first_third_max_kb)
                         : 0;
    if (verdict.growth > growth_limit) {
      verdict.bounded = false;
      verdict.reason = absl::StrFormat(
          "last third's max RSS is %.2fx the first third's (limit %.2fx)",
          verdict.growth, growth_limit);
    }
  }
  if (max_peak_kb > 0 && peak_kb > max_peak_kb) {
    verdict.bounded = false;
    if (!verdict.reason.empty()) verdict.reason += "; ";
    verdict.reason += absl::StrFormat("peak RSS %d KiB above the bound %d KiB",
                                      peak_kb, max_peak_kb);
  }
  return verdict;
}

}  // namespace kg::load
