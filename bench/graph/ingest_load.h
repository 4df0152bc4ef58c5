// Loads the generated fact set into a graph_server through one streaming
// Ingest call, pipelined: up to `window` batches are in flight before the
// client waits for acknowledgements (each acknowledgement means durable).
#ifndef KG_BENCH_GRAPH_INGEST_LOAD_H_
#define KG_BENCH_GRAPH_INGEST_LOAD_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/graph/fact_generator.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::bench {

struct LoadOptions {
  // 0: one batch per document (document_id set: ReplaceDocument). N > 0:
  // batches of N facts with no document_id (AddFacts; each fact's evidence
  // names its document).
  int batch_facts = 0;
  // Send with client metadata "kg-ingest-mode: bulk": the server buffers
  // batches and writes them as table files (docs/api.md). Needs
  // batch_facts > 0; `window` is ignored (acks come per server chunk).
  bool bulk = false;
  // Batches sent ahead of their acknowledgements.
  int window = 64;
  absl::Duration timeout = absl::Minutes(60);
};

struct LoadResult {
  uint64_t facts = 0;
  uint64_t batches = 0;
  uint64_t facts_new = 0;
  uint64_t evidence_new = 0;
  double seconds = 0;
};

// The batches for `generator`'s documents, built before timing starts.
std::vector<kg::v1::IngestRequest> MakeBatches(const FactGenerator& generator,
                                               int batch_facts);

// Streams `batches` and waits for every acknowledgement. Errors: the
// stream's status (the server names the failing batch); Internal when fewer
// acknowledgements than batches arrive.
absl::StatusOr<LoadResult> LoadBatches(
    kg::v1::GraphService::Stub& stub,
    const std::vector<kg::v1::IngestRequest>& batches,
    const LoadOptions& options);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_INGEST_LOAD_H_
