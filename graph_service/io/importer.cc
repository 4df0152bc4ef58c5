#include "graph_service/io/importer.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "google/protobuf/util/json_util.h"
#include "graph_service/io/rdf_terms.h"

namespace kg::graph::io {

Importer::Importer(kg::v1::ExportFormat format, Writer writer,
                   size_t batch_facts, size_t max_line_bytes)
    : format_(format),
      writer_(std::move(writer)),
      batch_facts_(batch_facts),
      max_line_bytes_(max_line_bytes) {
  if (format != kg::v1::NTRIPLES && format != kg::v1::NQUADS &&
      format != kg::v1::JSONL) {
    status_ = absl::InvalidArgumentError(
        "import format is not set (NTRIPLES, NQUADS or JSONL)");
  }
}

absl::Status Importer::Feed(absl::string_view data) {
  RETURN_IF_ERROR(status_);
  while (!data.empty()) {
    const size_t newline = data.find('\n');
    const size_t take = newline == absl::string_view::npos ? data.size() : newline;
    partial_.append(data.data(), take);
    if (partial_.size() > max_line_bytes_) {
      status_ = absl::InvalidArgumentError(absl::StrCat(
          "line ", line_number_ + 1, " is longer than ", max_line_bytes_, " bytes"));
      return status_;
    }
    if (newline == absl::string_view::npos) break;
    data.remove_prefix(newline + 1);
    status_ = ParseLine(partial_);
    partial_.clear();
    RETURN_IF_ERROR(status_);
  }
  return absl::OkStatus();
}

absl::StatusOr<ImportStats> Importer::Finish() {
  RETURN_IF_ERROR(status_);
  if (!partial_.empty()) {
    status_ = ParseLine(partial_);
    partial_.clear();
    RETURN_IF_ERROR(status_);
  }
  status_ = Flush();
  RETURN_IF_ERROR(status_);
  return stats_;
}

absl::Status Importer::ParseLine(absl::string_view line) {
  ++line_number_;
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.front() == '#') return absl::OkStatus();
  kg::v1::Fact fact;
  if (format_ == kg::v1::JSONL) {
    const auto parsed = google::protobuf::util::JsonStringToMessage(
        std::string(line), &fact);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", line_number_, ": ", parsed.message().ToString()));
    }
  } else {
    absl::StatusOr<RdfStatement> st = ParseRdfLine(line);
    if (!st.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number_, ": ", st.status().message()));
    }
    fact.set_subject(std::move(st->subject));
    fact.set_predicate(std::move(st->predicate));
    *fact.mutable_value() = std::move(st->value);
    kg::v1::Evidence* e = fact.add_evidence();
    e->set_document_id(st->has_graph && format_ == kg::v1::NQUADS
                           ? st->graph
                           : std::string(kDefaultDocument));
    e->set_rule(std::string(kImportRule));
    e->set_confidence(1.0f);
  }
  batch_.push_back(std::move(fact));
  return batch_.size() >= batch_facts_ ? Flush() : absl::OkStatus();
}

absl::Status Importer::Flush() {
  if (batch_.empty()) return absl::OkStatus();
  absl::StatusOr<WriteStats> written = writer_(std::move(batch_));
  batch_.clear();  // Moved from: valid, now empty.
  if (!written.ok()) {
    return absl::Status(written.status().code(),
                        absl::StrCat("batch ending at line ", line_number_, ": ",
                                     written.status().message()));
  }
  stats_.facts_received += written->facts_received;
  stats_.facts_new += written->facts_new;
  stats_.evidence_new += written->evidence_new;
  return absl::OkStatus();
}

}  // namespace kg::graph::io
