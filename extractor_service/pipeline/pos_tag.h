// Coarse part-of-speech tags (a subset of the Universal Dependencies tag
// set), their names and bit masks. Header-only: the tokenizer stores one tag
// per token, the tagger (pos_tagger.h) sets it, token patterns match it.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_POS_TAG_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_POS_TAG_H_

#include <cstdint>
#include <string_view>

namespace kg::extractor {

enum class PosTag : uint8_t {
  kX,      // not tagged, or none of the others
  kNoun,   // common noun
  kPropn,  // proper noun: capitalised words of names, acronyms
  kVerb,   // main verb, including participles and gerunds
  kAux,    // be, have/do before a verb, modals
  kAdj,
  kAdv,
  kDet,    // articles, demonstratives, possessive determiners
  kPron,
  kAdp,    // prepositions
  kCconj,  // and, or, but
  kSconj,  // subordinating conjunctions, complementiser "that"
  kPart,   // infinitive "to", "not", possessive "'s"
  kNum,
  kPunct,
};

inline constexpr int kPosTagCount = 15;

// Bit of a tag in a tag mask.
constexpr uint16_t PosBit(PosTag t) { return uint16_t{1} << static_cast<int>(t); }

// "NOUN", "PROPN", ...
inline const char* PosTagName(PosTag t) {
  static constexpr const char* kNames[kPosTagCount] = {
      "X",   "NOUN", "PROPN", "VERB",  "AUX",   "ADJ",  "ADV", "DET",
      "PRON", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT"};
  const int i = static_cast<int>(t);
  return i < kPosTagCount ? kNames[i] : "X";
}

// The tag named `name` (as PosTagName prints it); false when unknown.
inline bool ParsePosTag(std::string_view name, PosTag* tag) {
  for (int i = 0; i < kPosTagCount; ++i) {
    if (name == PosTagName(static_cast<PosTag>(i))) {
      *tag = static_cast<PosTag>(i);
      return true;
    }
  }
  return false;
}

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_POS_TAG_H_
