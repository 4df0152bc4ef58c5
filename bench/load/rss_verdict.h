// Whether a server's memory stayed bounded over a load test, judged from
// the resident set size sampled once per window.
//
// Thread-compatible (pure functions).
#ifndef KG_BENCH_LOAD_RSS_VERDICT_H_
#define KG_BENCH_LOAD_RSS_VERDICT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kg::load {

struct RssVerdict {
  bool bounded = true;
  // Largest sample in the first and the last third of the windows (KiB).
  int64_t first_third_max_kb = 0;
  int64_t last_third_max_kb = 0;
  // last_third_max_kb / first_third_max_kb; 0 with fewer than 3 samples.
  double growth = 0;
  // Why it is not bounded, or "" when it is.
  std::string reason;
};

// Bounded when (a) with at least 3 samples, the last third's maximum is at
// most `growth_limit` times the first third's, and (b) when
// `max_peak_kb` > 0, `peak_kb` (the kernel's VmHWM) is at most
// `max_peak_kb`. With fewer than 3 samples only (b) is judged.
RssVerdict JudgeRss(const std::vector<int64_t>& rss_kb, int64_t peak_kb,
                    double growth_limit, int64_t max_peak_kb);

}  // namespace kg::load

#endif  // KG_BENCH_LOAD_RSS_VERDICT_H_
