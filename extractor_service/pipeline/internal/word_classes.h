// Word classes used by the entity recognizer (not part of any public
// contract): closed lists of English words, not domain names.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_WORD_CLASSES_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_WORD_CLASSES_H_

#include <string>

#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor::internal {

// Capitalised words that never start or belong to a name ("The", "Monday").
bool IsFunctionWord(const Token& t);

// A capitalised word (no number or punctuation).
inline bool IsCapWord(const Token& t) {
  return t.kind == TokenKind::kWord && t.capitalized && t.text != "'s";
}

// "of", "for", "and", "&", "on", "upon": may join the words of a name.
inline bool IsConnector(const Token& t) {
  return t.lower == "of" || t.lower == "for" || t.lower == "and" ||
         t.lower == "&" || t.lower == "on" || t.lower == "upon";
}

// Two or more capitals, optionally with a plural "s" ("VSUs").
bool IsAcronym(const Token& t);

// "north", "South", "central", "Western": a compass point before a place.
bool IsCompassPoint(const Token& t);

// An adjective that says what kind of thing a campaign or unit is, not which
// one ("national", "local", "summer"): a capitalised phrase of these and a
// head-word ("National and International Campaign") names nothing.
bool IsGenericModifier(const Token& t);

// "said", "says", "added", ...
bool IsReportingVerb(const Token& t);

// Class named in a gazetteer ("Unit", "Place"); Organization by default.
EntityClass ClassFromName(const std::string& name);

}  // namespace kg::extractor::internal

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_WORD_CLASSES_H_
