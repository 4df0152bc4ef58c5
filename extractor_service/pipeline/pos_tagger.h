// Part-of-speech tagger: the gazetteer's lexicon (lexicon.tsv, built from
// WordNet) gives each word its possible tags, most frequent first; a few
// context rules pick one (after a determiner a noun, after "to" or a modal a
// verb, a capitalised word inside a sentence a proper noun, ...). One
// left-to-right pass per sentence with a few tokens of look-ahead; every
// lookup is an array index by the token's word id. Accuracy and the rules:
// docs/extraction.md.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_POS_TAGGER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_POS_TAGGER_H_

#include <cstdint>
#include <vector>

#include "extractor_service/pipeline/gazetteer.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

class PosTagger {
 public:
  // Words the rules treat one by one ("to", "that", forms of "have").
  enum class Word : uint8_t {
    kOther,
    kTo,
    kThat,
    kDemonstrative,  // this, these, those
    kHer,
    kThere,
    kPossessive,  // 's
    kHave,        // have, has, had, having
    kDo,          // do, does, did
    kLike,
    kAs,
    kClauseOrPrep,   // after, before, since, until, till
    kSubjectPronoun, // i, you, he, she, it, we, they
    kNot,            // not, n't
    kQuasiPreposition,  // following, including, according, regarding
  };

  // `gazetteer` must outlive the tagger and hold the lexicon.
  explicit PosTagger(const Gazetteer* gazetteer);

  // Sets Token::pos on the tokens of one sentence. Tokens not yet annotated
  // (Gazetteer::Annotate) are annotated first. Thread-safe.
  void Tag(std::vector<Token>* tokens) const;

  // The rule class of a token's lower-case word.
  Word WordOf(const Token& t) const {
    return t.lower_id >= 0 && static_cast<size_t>(t.lower_id) < words_.size()
               ? words_[t.lower_id]
               : Word::kOther;
  }

 private:
  const Gazetteer& gaz_;
  std::vector<Word> words_;  // by vocabulary id
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_POS_TAGGER_H_
