// Document authors (not part of any public contract; see
// entity_recognizer.h). A byline names the person who wrote a first-person
// document, such as a chief officer's blog; "I", "me" and "my" then refer to
// that person.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_AUTHOR_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_AUTHOR_H_

#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/gazetteer.h"

namespace kg::extractor::internal {

// Looks for bylines in `doc`, whose mentions are set: a sentence (sentences
// end at line breaks) that holds only a cue phrase from the byline
// gazetteer at its start and a person's name, optionally followed by ",",
// "|" or "-" and capitalised words ("Posted by Jo Bell, Chief Constable").
// When every byline names the same person, sets doc->author to that
// person's canonical name (adding a Person mention for a name the
// recognizer did not know) and fills doc->author_mentions; otherwise (no
// byline, or bylines naming different people) leaves both empty, so that a
// document without an author yields no first-person facts. First-person
// pronouns inside double quotation marks belong to the quoted speaker and
// are skipped. Deterministic.
void ResolveAuthor(const Gazetteer& gaz, AnalyzedDocument* doc);

}  // namespace kg::extractor::internal

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_AUTHOR_H_
