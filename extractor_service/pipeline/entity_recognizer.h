// Entity recognizer: finds mentions of people, organisations, units,
// operations, campaigns, programmes, places and crime types in an analyzed
// document, using token patterns (capitalisation, punctuation, head-words)
// and the gazetteers. Knows no specific names: every named operation,
// person or programme is found from its context.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_ENTITY_RECOGNIZER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_ENTITY_RECOGNIZER_H_

#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/gazetteer.h"
#include "extractor_service/pipeline/stop_check.h"

namespace kg::extractor {

class EntityRecognizer {
 public:
  // `gazetteer` must outlive the recognizer.
  explicit EntityRecognizer(const Gazetteer* gazetteer)
      : gaz_(*gazetteer) {}

  // Replaces doc->mentions with the mentions of every sentence, in sentence
  // order then token order. People named by a short form or a pronoun are
  // resolved to the full name seen earlier in the document (unresolved
  // short forms are dropped). A byline ("Posted by Jo Bell") names the
  // document's author; "I", "me" and "my" outside quotations then become
  // doc->author_mentions (see AnalyzedDocument). Annotates the tokens of
  // sentences not yet annotated with the gazetteer's word ids first
  // (Gazetteer::Annotate).
  // Deterministic; const and thread-safe.
  void Recognize(AnalyzedDocument* doc) const { Recognize(doc, StopCheck()); }
  // The same, leaving the remaining sentences without mentions once `stop`
  // says so (the caller then discards the document).
  void Recognize(AnalyzedDocument* doc, const StopCheck& stop) const;

 private:
  const Gazetteer& gaz_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_ENTITY_RECOGNIZER_H_
