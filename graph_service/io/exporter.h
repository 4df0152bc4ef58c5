// Export: the whole store as text, streamed in chunks of whole lines.
//
//   NTRIPLES  one line per fact (rdf_terms.h spelling).
//   NQUADS    one line per (fact, document with evidence for it): the
//             document as graph name (<urn:kg:document:ID>), sorted.
//   JSONL     one kg.v1.Fact per line in proto3 JSON, all evidence
//             included: the lossless format (Import restores it exactly).
#ifndef KG_GRAPH_SERVICE_IO_EXPORTER_H_
#define KG_GRAPH_SERVICE_IO_EXPORTER_H_

#include <cstddef>
#include <functional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph::io {

struct ExportOptions {
  kg::v1::ExportFormat format = kg::v1::JSONL;
  // A chunk is flushed once it holds at least this many bytes.
  size_t chunk_bytes = 64 * 1024;
  // Past this instant the export stops with DeadlineExceeded.
  absl::Time deadline = absl::InfiniteFuture();
};

// Calls `sink` with consecutive chunks of the export (each ends at a line
// end) in the store's subject-predicate-value index order, until done or
// `sink` returns false (then Cancelled). InvalidArgument for an
// unspecified format; store errors pass through.
absl::Status ExportStore(const GraphStore& store, const ExportOptions& options,
                         const std::function<bool(absl::string_view)>& sink);

// One fact's lines in `format` (each ending in '\n').
std::string FormatFact(const kg::v1::Fact& fact, kg::v1::ExportFormat format);

}  // namespace kg::graph::io

#endif  // KG_GRAPH_SERVICE_IO_EXPORTER_H_
