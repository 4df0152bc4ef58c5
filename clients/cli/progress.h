// What `kg ingest` shows while it works: a redrawn progress bar on a
// terminal, a one-line summary otherwise. Pure string functions, no I/O.
#ifndef KG_CLIENTS_CLI_PROGRESS_H_
#define KG_CLIENTS_CLI_PROGRESS_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace kg::cli {

struct IngestProgress {
  uint64_t total = 0;      // documents to send
  uint64_t done = 0;       // answered, successfully or not
  uint64_t errors = 0;     // failed documents
  uint64_t unchanged = 0;  // documents the graph already held
  uint64_t facts = 0;      // facts extracted from successful documents
  uint64_t facts_new = 0;  // of which new to the graph
  absl::Duration elapsed;
};

// Documents per second so far (0 before any time has passed).
double DocumentsPerSecond(const IngestProgress& progress);

// e.g. " 45% [#########...........]  18/40 docs  6.2 docs/s  212 facts  1 error"
// fitting in `width` columns (the bar shrinks; at least 10 cells).
std::string RenderProgressBar(const IngestProgress& progress, int width);

// e.g. "ingested 39 of 40 documents in 6.4s (6.1 docs/s): 480 facts, 120 new,
// 3 unchanged, 1 error"
std::string RenderSummary(const IngestProgress& progress);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_PROGRESS_H_
