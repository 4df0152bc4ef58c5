#include "clients/cli/progress.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::cli {
namespace {

std::string Plural(uint64_t n, const char* word) {
  return absl::StrCat(n, " ", word, n == 1 ? "" : "s");
}

}  // namespace

double DocumentsPerSecond(const IngestProgress& progress) {
  const double seconds = absl::ToDoubleSeconds(progress.elapsed);
  return seconds > 0 ? static_cast<double>(progress.done) / seconds : 0.0;
}

std::string RenderProgressBar(const IngestProgress& progress, int width) {
  const double fraction =
      progress.total == 0
          ? 1.0
          : static_cast<double>(progress.done) / progress.total;
  const std::string counts = absl::StrFormat(
      "  %d/%d docs  %.1f docs/s  %s  %s", progress.done, progress.total,
      DocumentsPerSecond(progress), Plural(progress.facts, "fact"),
      Plural(progress.errors, "error"));
  const std::string percent =
      absl::StrFormat("%3d%% ", static_cast<int>(fraction * 100));
  const int cells = std::max<int>(
      10, width - static_cast<int>(percent.size() + counts.size()) - 2);
  const int filled = static_cast<int>(fraction * cells);
  return absl::StrCat(percent, "[", std::string(filled, '#'),
                      std::string(cells - filled, '.'), "]", counts);
}

std::string RenderSummary(const IngestProgress& progress) {
  return absl::StrFormat(
      "ingested %d of %d documents in %.1fs (%.1f docs/s): %s, %d new, %d "
      "unchanged, %s",
      progress.done - progress.errors, progress.total,
      absl::ToDoubleSeconds(progress.elapsed), DocumentsPerSecond(progress),
      Plural(progress.facts, "fact"), progress.facts_new, progress.unchanged,
      Plural(progress.errors, "error"));
}

}  // namespace kg::cli
