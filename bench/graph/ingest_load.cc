#include "bench/graph/ingest_load.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/client_context.h"

namespace kg::bench {

std::vector<kg::v1::IngestRequest> MakeBatches(const FactGenerator& generator,
                                               int batch_facts) {
  std::vector<kg::v1::IngestRequest> batches;
  kg::v1::IngestRequest pending;
  generator.ForEachDocument([&](const GeneratedDocument& doc) {
    if (batch_facts <= 0) {
      kg::v1::IngestRequest& batch = batches.emplace_back();
      batch.set_document_id(doc.id);
      for (const auto& fact : doc.facts) *batch.add_facts() = fact;
      return true;
    }
    for (const auto& fact : doc.facts) {
      *pending.add_facts() = fact;
      if (pending.facts_size() >= batch_facts) {
        batches.push_back(std::move(pending));
        pending = kg::v1::IngestRequest();
      }
    }
    return true;
  });
  if (pending.facts_size() > 0) batches.push_back(std::move(pending));
  return batches;
}

absl::StatusOr<LoadResult> LoadBatches(
    kg::v1::GraphService::Stub& stub,
    const std::vector<kg::v1::IngestRequest>& batches,
    const LoadOptions& options) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + options.timeout));
  if (options.bulk) context.AddMetadata("kg-ingest-mode", "bulk");
  LoadResult result;
  std::mutex mu;
  std::condition_variable acked;
  uint64_t acknowledged = 0;  // Guarded by mu.
  bool stream_over = false;   // Guarded by mu.
  const absl::Time start = absl::Now();
  auto stream = stub.Ingest(&context);
  std::thread reader([&] {
    kg::v1::IngestResponse response;
    while (stream->Read(&response)) {
      std::lock_guard<std::mutex> lock(mu);
      ++acknowledged;
      result.facts_new += response.facts_new();
      result.evidence_new += response.evidence_new();
      acked.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu);
    stream_over = true;
    acked.notify_one();
  });
  // Bulk acknowledgements come per server chunk, many batches at once: a
  // window smaller than a chunk would wait forever; gRPC flow control
  // bounds what is in flight instead.
  const uint64_t window = options.bulk ? batches.size() + 1
                                       : static_cast<uint64_t>(std::max(1, options.window));
  uint64_t sent = 0;
  for (const kg::v1::IngestRequest& batch : batches) {
    {
      std::unique_lock<std::mutex> lock(mu);
      acked.wait(lock, [&] {
        return stream_over || sent - acknowledged < window;
      });
      if (stream_over) break;
    }
    if (!stream->Write(batch)) break;
    ++sent;
    result.facts += batch.facts_size();
  }
  stream->WritesDone();
  reader.join();
  const grpc::Status status = stream->Finish();
  result.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  result.batches = acknowledged;
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        absl::StrCat("Ingest: ", status.error_message()));
  }
  if (acknowledged != batches.size()) {
    return absl::InternalError(absl::StrCat(
        acknowledged, " acknowledgements for ", batches.size(), " batches"));
  }
  return result;
}

}  // namespace kg::bench
