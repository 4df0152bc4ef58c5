// JSON lines of the load test: one per window, pieces of the summary, and
// the machine and store figures they carry.
//
// Thread-compatible (pure functions, except the /proc and file-system
// reads, which are safe from any thread).
#ifndef KG_BENCH_LOAD_REPORT_H_
#define KG_BENCH_LOAD_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "bench/load/latency_recorder.h"
#include "bench/load/rss_verdict.h"
#include "bench/load/server_child.h"

namespace kg::load {

// The graph's counters (GetStats) and its database's size on disk.
struct StoreSample {
  bool ok = false;  // False when GetStats failed; the counters are then 0.
  int64_t facts = 0;
  int64_t evidence = 0;
  int64_t documents = 0;
  int64_t terms = 0;
  int64_t db_bytes = 0;
  // GetStats' memory breakdown (bytes): the shared RocksDB cache (memtable
  // reservations included), memtables alone, table readers outside the
  // cache, and the term cache.
  int64_t cache_bytes = 0;
  int64_t memtable_bytes = 0;
  int64_t table_reader_bytes = 0;
  int64_t term_cache_bytes = 0;
};

// Everything measured at the end of one window.
struct WindowSample {
  int index = 0;
  absl::Duration elapsed;
  ProcessMemory graph;
  ProcessMemory extractor;
  StoreSample store;
  double load_average = -1;
};

// `text` with JSON string escapes for '"', '\\' and control characters.
std::string JsonSafe(absl::string_view text);

// {"kind": {"ok": .., "failed": .., "p50_ms": .., "p99_ms": .., "max_ms":
// ..[, "errors": {"CODE": n}]}, ...}; errors only when `with_errors`.
std::string KindsJson(const std::vector<KindSummary>& kinds, bool with_errors);

// One window's line (no trailing newline). `kinds` must hold the
// OperationKind entries, aggregates included.
std::string WindowJson(const WindowSample& sample,
                       const std::vector<KindSummary>& kinds);

// "name": {"peak_rss_mb": .., "first_third_max_rss_mb": .., ..}.
std::string VerdictJson(absl::string_view name, const RssVerdict& verdict,
                        int64_t peak_kb);

// The 1-minute load average from /proc/loadavg, -1 if unreadable.
double LoadAverage();

// Total size of the regular files under `path` (files that vanish while
// counting, as RocksDB compacts, are skipped); 0 if unreadable.
int64_t DirectoryBytes(const std::string& path);

double KbToMb(int64_t kb);

}  // namespace kg::load

#endif  // KG_BENCH_LOAD_REPORT_H_
