// Extractor: turns one document into facts, each with the sentence that
// states it, its offsets, the rule that found it and a confidence.
//
// Linguistic knowledge (ranks, titles, crime types, forces, places, unit
// head-words) is loaded from data files at Create time, not compiled in.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_EXTRACTOR_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "extractor_service/pipeline/stop_check.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "kg/v1/extractor.pb.h"
#include "kg/v1/fact.pb.h"

namespace kg::extractor {

struct ExtractorOptions {
  // Folder holding the gazetteer files (see extractor_service/data/README.md).
  std::string data_dir;
  // The relation rules file (extractor_service/rules/relations.rules); empty
  // means "<data_dir>/../rules/relations.rules", where the build puts the
  // shipped copy beside the gazetteers.
  std::string rules_file;
  // When non-empty, only the rules with these ids run (rule example tests).
  std::vector<std::string> enabled_rules;
  // Documents longer than this are refused with InvalidArgument.
  size_t max_document_bytes = 16 * 1024 * 1024;
};

class Extractor {
 public:
  // Loads the gazetteers and the rules. InvalidArgument / NotFound naming the
  // file and line when a data or rules file is missing or malformed.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options);

  virtual ~Extractor() = default;

  // Appends the facts of `document` to `*facts`. Every evidence record names
  // document.id(). Deterministic: the same document gives the same facts in
  // the same order. Errors (InvalidArgument, `*facts` untouched): empty id,
  // empty or whitespace-only text, text over max_document_bytes, invalid
  // UTF-8 (the message names the byte offset). Text that starts with an HTML
  // tag or doctype is read as HTML: markup is skipped, entities decoded, and
  // evidence offsets still point into the text as sent. Thread-safe.
  //
  // `*facts` may live on a protobuf arena, and should where speed matters:
  // a document's facts are many small messages and strings (the service
  // builds its response on a per-call arena; see docs/extraction.md, Speed).
  //
  // Between sentences it checks `stop`: once that says so it returns
  // Cancelled or DeadlineExceeded, and `*facts` is left with whatever part
  // of the document's facts it had (the caller discards them).
  virtual absl::Status ExtractInto(
      const kg::v1::Document& document,
      google::protobuf::RepeatedPtrField<kg::v1::Fact>* facts,
      const StopCheck& stop) const = 0;

  // The same facts in a vector (tests and tools).
  absl::StatusOr<std::vector<kg::v1::Fact>> Extract(
      const kg::v1::Document& document) const;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_EXTRACTOR_H_
