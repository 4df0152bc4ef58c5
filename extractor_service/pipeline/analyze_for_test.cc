#include "extractor_service/pipeline/analyze_for_test.h"

#include <cstdlib>
#include <string>

#include "extractor_service/pipeline/entity_recognizer.h"
#include "extractor_service/pipeline/sentence_splitter.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

absl::StatusOr<Gazetteer> LoadShippedGazetteer() {
  const char* runfiles = std::getenv("TEST_SRCDIR");
  return Gazetteer::Load(std::string(runfiles == nullptr ? "." : runfiles) +
                         "/kg/extractor_service/data");
}

void SplitAndRecognize(const Gazetteer& gaz, AnalyzedDocument* doc) {
  SentenceSplitter splitter;
  for (const SentenceSpan& span : splitter.Split(doc->text.text())) {
    doc->sentences.push_back(
        {span, Tokenize(doc->text.text(), doc->text.lower(), span.begin, span.end)});
  }
  EntityRecognizer(&gaz).Recognize(doc);
}

}  // namespace kg::extractor
