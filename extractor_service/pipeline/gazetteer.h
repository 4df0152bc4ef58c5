// Gazetteers: the linguistic knowledge of the extractor, loaded from data
// files (format: extractor_service/data/README.md). Phrase tables match
// token sequences, longest first; every word the gazetteers use is interned
// once, and Annotate gives each token of a document its word ids so that
// lookups compare integers.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_GAZETTEER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "extractor_service/pipeline/phrase_table.h"
#include "extractor_service/pipeline/pos_tag.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

// What the part-of-speech lexicon (lexicon.tsv) says about a lower-case
// word: the tags it can take, most frequent first.
struct LexiconEntry {
  uint16_t tags = 0;  // PosBit mask; 0 when the lexicon lacks the word
  std::array<PosTag, 4> ranked = {};  // most frequent first, then kX
};

inline constexpr LexiconEntry kNoLexiconEntry = {};

class Gazetteer {
 public:

  // Reads every file listed in the data README from `dir`. NotFound naming
  // the file when one is missing; InvalidArgument naming file and line when
  // a line is malformed.
  static absl::StatusOr<Gazetteer> Load(const std::string& dir);

  // Police ranks, abbreviated or not: entry.canonical is the expansion.
  const PhraseTable& ranks() const { return ranks_; }
  // Civic and corporate titles: entry.canonical is the title.
  const PhraseTable& titles() const { return titles_; }
  // Crime types (case-insensitive): entry.canonical is the ontology value.
  const PhraseTable& crime_types() const { return crime_types_; }
  // Forces and national bodies: canonical name, extra = entity class.
  const PhraseTable& organisations() const { return organisations_; }
  // Places: canonical name, extra = parent place or "".
  const PhraseTable& places() const { return places_; }
  // Named programmes, plans and funds: canonical name, extra = "headed" when
  // the surface counts only before a programme head-word, else "". A
  // surface listed with a leading article is also matched without it.
  const PhraseTable& programmes() const { return programmes_; }
  // Byline cue phrases ("Posted by", "Author:"), case-insensitive.
  const PhraseTable& bylines() const { return bylines_; }

  // Sets text_id and lower_id of every token (see tokenizer.h). The tables
  // and the Token overloads below then compare ids; on tokens that are not
  // annotated they look the words up.
  void Annotate(std::vector<Token>* tokens) const;

  bool IsHonorific(std::string_view word) const;
  bool IsHonorific(const Token& t) const;
  bool IsFirstName(std::string_view word) const;
  bool IsFirstName(const Token& t) const;
  // Entity class named by a head-word ("unit" -> "Unit"), lower-case key;
  // "" when the word is no head-word.
  const std::string& HeadClass(std::string_view lower_word) const;
  // The same for the token's lower-case form.
  const std::string& HeadClass(const Token& t) const;

  // The lexicon entry of the token's lower-case form (by its lower_id when
  // annotated) or of a lower-case word; an empty entry when unknown.
  const LexiconEntry& Lexicon(const Token& t) const {
    if (t.lower_id == kUnannotatedWord) return Lexicon(t.lower);
    return t.lower_id >= 0 && static_cast<size_t>(t.lower_id) < lexicon_.size()
               ? lexicon_[t.lower_id]
               : kNoLexiconEntry;
  }
  const LexiconEntry& Lexicon(std::string_view lower_word) const;
  // Vocabulary id of a word (compare with Token::lower_id), or kNoWord.
  int32_t WordId(std::string_view word) const { return vocabulary_->Find(word); }

  // Abbreviations the sentence splitter should not break after.
  const std::vector<std::string>& abbreviations() const {
    return abbreviations_;
  }

 private:
  // What the gazetteers say about one vocabulary word.
  struct WordInfo {
    bool honorific = false;
    bool first_name = false;
    int32_t head = -1;  // index in head_classes_, for a lower-case word
  };

  Gazetteer();
  const WordInfo& Info(int32_t id) const;
  // Interns the honorifics, first names and head-words (lower-case word,
  // class) and fills info_; call after every table is loaded.
  void IndexWords(const std::vector<std::string>& first_names,
                  const std::vector<std::pair<std::string, std::string>>& heads);
  // Reads lexicon.tsv into lexicon_, interning its words.
  absl::Status LoadLexicon(const std::string& dir);

  std::shared_ptr<Vocabulary> vocabulary_;
  PhraseTable ranks_;
  PhraseTable titles_;
  PhraseTable crime_types_;
  PhraseTable organisations_;
  PhraseTable places_;
  PhraseTable programmes_;
  PhraseTable bylines_;
  std::vector<std::string> honorifics_;  // in file order
  std::vector<WordInfo> info_;            // by vocabulary id
  std::vector<LexiconEntry> lexicon_;     // by vocabulary id
  std::vector<std::string> head_classes_;
  std::vector<std::string> abbreviations_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_GAZETTEER_H_
