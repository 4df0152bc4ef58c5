#include "graph_service/io/exporter.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_macros.h"
#include "google/protobuf/util/json_util.h"
#include "graph_service/io/rdf_terms.h"
#include "graph_service/store/fact_reader.h"

namespace kg::graph::io {

std::string FormatFact(const kg::v1::Fact& fact, kg::v1::ExportFormat format) {
  if (format == kg::v1::JSONL) {
    std::string json;
    // A Fact always converts; the status carries nothing to act on.
    (void)google::protobuf::util::MessageToJsonString(fact, &json);
    return json + "\n";
  }
  const std::string triple =
      absl::StrCat(EntityTerm(fact.subject()), " ",
                   PredicateTerm(fact.predicate()), " ", ValueTerm(fact.value()));
  if (format == kg::v1::NTRIPLES) return triple + " .\n";
  std::set<std::string> documents;
  for (const kg::v1::Evidence& e : fact.evidence()) {
    documents.insert(e.document_id());
  }
  std::string out;
  for (const std::string& document : documents) {
    absl::StrAppend(&out, triple, " ", DocumentTerm(document), " .\n");
  }
  return out;
}

absl::Status ExportStore(const GraphStore& store, const ExportOptions& options,
                         const std::function<bool(absl::string_view)>& sink) {
  const kg::v1::ExportFormat format = options.format;
  if (format != kg::v1::NTRIPLES && format != kg::v1::NQUADS &&
      format != kg::v1::JSONL) {
    return absl::InvalidArgumentError("export format is not set");
  }
  const bool with_evidence = format != kg::v1::NTRIPLES;
  std::string chunk;
  absl::Status status;
  bool cancelled = false;
  RETURN_IF_ERROR(store.Scan({}, [&](const IdTriple& ids) {
    if (absl::Now() > options.deadline) {
      status = absl::DeadlineExceededError("export ran past its deadline");
      return false;
    }
    absl::StatusOr<kg::v1::Fact> fact = ReadFact(store, ids, with_evidence);
    if (!fact.ok()) {
      status = fact.status();
      return false;
    }
    chunk += FormatFact(*fact, format);
    if (chunk.size() >= options.chunk_bytes) {
      cancelled = !sink(chunk);
      chunk.clear();
    }
    return !cancelled;
  }));
  RETURN_IF_ERROR(status);
  if (!cancelled && !chunk.empty()) cancelled = !sink(chunk);
  if (cancelled) return absl::CancelledError("the export's reader went away");
  return absl::OkStatus();
}

}  // namespace kg::graph::io
