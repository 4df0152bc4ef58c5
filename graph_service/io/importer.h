// Importer: loads an export (exporter.h formats) fed in arbitrary chunks.
//
// Lines are parsed as they complete and written in batches of
// `batch_facts` through the caller's writer (each batch one atomic store
// write); the import as a whole is not atomic: after an error the batches
// written before it stay.
//   JSONL     each line a kg.v1.Fact in proto3 JSON; evidence kept as is,
//             ingested_at_micros included when the writer keeps it.
//   NQUADS    evidence {document_id: the graph name, rule: "import",
//             confidence: 1}; a line without graph uses kDefaultDocument.
//   NTRIPLES  like NQUADS without graph names.
// Empty lines and lines starting with '#' are skipped.
//
// Thread safety: none; one Importer per import stream.
#ifndef KG_GRAPH_SERVICE_IO_IMPORTER_H_
#define KG_GRAPH_SERVICE_IO_IMPORTER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph::io {

inline constexpr absl::string_view kDefaultDocument = "urn:kg:import";
inline constexpr absl::string_view kImportRule = "import";
// Facts per write unless the caller chooses.
inline constexpr size_t kImportBatchFacts = 10000;

struct ImportStats {
  uint64_t facts_received = 0;
  uint64_t facts_new = 0;
  uint64_t evidence_new = 0;
};

class Importer {
 public:
  // Takes each batch (moved in: a writer may keep or consume it).
  using Writer =
      std::function<absl::StatusOr<WriteStats>(std::vector<kg::v1::Fact>)>;

  // InvalidArgument from Feed/Finish when `format` is unspecified.
  Importer(kg::v1::ExportFormat format, Writer writer,
           size_t batch_facts = kImportBatchFacts,
           size_t max_line_bytes = 16 << 20);

  // Consumes `data`; writes full batches. InvalidArgument naming the line
  // for a malformed line or one longer than max_line_bytes; writer errors
  // pass through. After an error the importer refuses further input.
  absl::Status Feed(absl::string_view data);

  // Parses a last line without newline and writes what is left.
  absl::StatusOr<ImportStats> Finish();

 private:
  absl::Status ParseLine(absl::string_view line);
  absl::Status Flush();

  const kg::v1::ExportFormat format_;
  Writer writer_;
  const size_t batch_facts_;
  const size_t max_line_bytes_;
  std::string partial_;
  uint64_t line_number_ = 0;
  std::vector<kg::v1::Fact> batch_;
  ImportStats stats_;
  absl::Status status_;
};

}  // namespace kg::graph::io

#endif  // KG_GRAPH_SERVICE_IO_IMPORTER_H_
