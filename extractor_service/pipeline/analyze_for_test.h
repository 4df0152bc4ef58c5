// Test support shared by the recognizer, quotation and relation tests: the
// shipped gazetteer from the test's runfiles, and a document split into
// sentences, tokenized and recognized the way ExtractorImpl::Analyze does
// it (without part-of-speech tags).
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_ANALYZE_FOR_TEST_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_ANALYZE_FOR_TEST_H_

#include "absl/status/statusor.h"
#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/gazetteer.h"

namespace kg::extractor {

// extractor_service/data under $TEST_SRCDIR; the test needs it as data.
absl::StatusOr<Gazetteer> LoadShippedGazetteer();

// Fills doc->sentences and recognizes the mentions of `doc`.
void SplitAndRecognize(const Gazetteer& gaz, AnalyzedDocument* doc);

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_ANALYZE_FOR_TEST_H_
