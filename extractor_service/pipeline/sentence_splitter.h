// Abbreviation-aware sentence splitter over normalised text (see
// normalizer.h: quotes are ASCII there).
//
// A line break always ends a sentence (press releases put one paragraph,
// heading or bullet per line). Inside a line a sentence ends after '.', '!'
// or '?' (plus any closing quotes or brackets) when whitespace follows and
// the next character starts a sentence (capital, digit, opening quote,
// bracket or bullet) -- unless the word before '.' is a known abbreviation
// ("Supt.", "Dr.", "St.") or a single initial. Sentences may split inside a
// quotation: a quotation is attributed later from its sentences.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_SENTENCE_SPLITTER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace kg::extractor {

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets in the split text, trimmed
  uint32_t end = 0;
};

class SentenceSplitter {
 public:
  // Uses a built-in list of common abbreviations.
  SentenceSplitter();

  // Adds an abbreviation, written without its final '.' ("Supt").
  void AddAbbreviation(std::string_view abbreviation);

  // Returns the non-empty, whitespace-trimmed sentences of `text` in order.
  // Linear time. Thread-safe (const).
  std::vector<SentenceSpan> Split(std::string_view text) const;

 private:
  bool EndsWithAbbreviation(std::string_view text, uint32_t dot) const;

  absl::flat_hash_set<std::string> abbreviations_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_SENTENCE_SPLITTER_H_
