#include "bench/load/report.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "bench/load/load_workers.h"

namespace kg::load {

double KbToMb(int64_t kb) { return static_cast<double>(kb) / 1024.0; }
double BytesToMb(int64_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

std::string JsonSafe(absl::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      absl::StrAppendFormat(&out, "\\u%04x", static_cast<int>(c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string KindsJson(const std::vector<KindSummary>& kinds,
                      bool with_errors) {
  std::vector<std::string> parts;
  for (const KindSummary& kind : kinds) {
    std::string part = absl::StrFormat(
        "\"%s\": {\"ok\": %d, \"failed\": %d, \"p50_ms\": %.2f, "
        "\"p99_ms\": %.2f, \"max_ms\": %.2f",
        kind.kind, kind.ok, kind.failed, kind.p50_ms, kind.p99_ms,
        kind.max_ms);
    if (with_errors && !kind.errors.empty()) {
      std::vector<std::string> codes;
      for (const auto& [code, count] : kind.errors) {
        codes.push_back(absl::StrFormat("\"%s\": %d", JsonSafe(code), count));
      }
      absl::StrAppend(&part, ", \"errors\": {", absl::StrJoin(codes, ", "),
                      "}");
    }
    parts.push_back(part + "}");
  }
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

std::string WindowJson(const WindowSample& sample,
                       const std::vector<KindSummary>& kinds) {
  const KindSummary& ingests = kinds[kAllIngests];
  const KindSummary& reads = kinds[kAllReads];
  return absl::StrFormat(
      "{\"window\": %d, \"elapsed_s\": %.1f, \"ingest_ok\": %d, "
      "\"ingest_failed\": %d, \"ingest_p99_ms\": %.2f, \"read_ok\": %d, "
      "\"read_failed\": %d, \"read_p99_ms\": %.2f, \"ops\": %s, "
      "\"graph_rss_mb\": %.1f, \"graph_peak_rss_mb\": %.1f, "
      "\"extractor_rss_mb\": %.1f, \"extractor_peak_rss_mb\": %.1f, "
      "\"store\": {\"ok\": %s, \"facts\": %d, \"evidence\": %d, "
      "\"documents\": %d, \"terms\": %d, \"db_mb\": %.1f, "
      "\"cache_mb\": %.1f, \"memtable_mb\": %.1f, \"table_readers_mb\": %.1f, "
      "\"term_cache_mb\": %.1f}, "
      "\"loadavg_1m\": %.2f}",
      sample.index, absl::ToDoubleSeconds(sample.elapsed), ingests.ok,
      ingests.failed, ingests.p99_ms, reads.ok, reads.failed, reads.p99_ms,
      KindsJson(kinds, false), KbToMb(sample.graph.rss_kb),
      KbToMb(sample.graph.peak_rss_kb), KbToMb(sample.extractor.rss_kb),
      KbToMb(sample.extractor.peak_rss_kb),
      sample.store.ok ? "true" : "false", sample.store.facts,
      sample.store.evidence, sample.store.documents, sample.store.terms,
      BytesToMb(sample.store.db_bytes), BytesToMb(sample.store.cache_bytes),
      BytesToMb(sample.store.memtable_bytes),
      BytesToMb(sample.store.table_reader_bytes),
      BytesToMb(sample.store.term_cache_bytes), sample.load_average);
}

std::string VerdictJson(absl::string_view name, const RssVerdict& verdict,
                        int64_t peak_kb) {
  return absl::StrFormat(
      "\"%s\": {\"peak_rss_mb\": %.1f, \"first_third_max_rss_mb\": %.1f, "
      "\"last_third_max_rss_mb\": %.1f, \"growth\": %.2f, \"bounded\": %s%s}",
      name, KbToMb(peak_kb), KbToMb(verdict.first_third_max_kb),
      KbToMb(verdict.last_third_max_kb), verdict.growth,
      verdict.bounded ? "true" : "false",
      verdict.reason.empty()
          ? ""
          : absl::StrCat(", \"reason\": \"", JsonSafe(verdict.reason), "\""));
}

double LoadAverage() {
  std::ifstream file("/proc/loadavg");
  double one_minute = -1;
  file >> one_minute;
  return one_minute;
}

int64_t DirectoryBytes(const std::string& path) {
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(path, error);
  int64_t total = 0;
  for (; !error && it != std::filesystem::recursive_directory_iterator();
       it.increment(error)) {
    std::error_code size_error;
    const uintmax_t size = std::filesystem::file_size(it->path(), size_error);
    if (!size_error) total += static_cast<int64_t>(size);
  }
  return total;
}

}  // namespace kg::load
