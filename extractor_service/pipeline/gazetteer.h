// Gazetteers: the linguistic knowledge of the extractor, loaded from data
// files (format: extractor_service/data/README.md). Phrase tables match
// token sequences, longest first.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_GAZETTEER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_GAZETTEER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

struct GazetteerEntry {
  std::string canonical;  // canonical form (expansion, canonical name, ...)
  std::string extra;      // second value column (class, parent place), or ""
};

// Maps phrases (token sequences) to entries.
class PhraseTable {
 public:
  // `case_sensitive` false: phrases and text are compared lower-cased.
  explicit PhraseTable(bool case_sensitive) : case_sensitive_(case_sensitive) {}

  void Add(std::string_view phrase, GazetteerEntry entry);

  struct Match {
    int length = 0;  // tokens matched; 0 = no match
    const GazetteerEntry* entry = nullptr;
  };
  // Longest phrase starting at tokens[pos] and ending before `limit`.
  Match LongestAt(const std::vector<Token>& tokens, int pos, int limit) const;

  bool empty() const { return table_.empty(); }

 private:
  const std::string& Key(const Token& t) const {
    return case_sensitive_ ? t.text : t.lower;
  }

  bool case_sensitive_;
  int max_length_ = 0;
  absl::flat_hash_map<std::string, GazetteerEntry> table_;
  // Keys of every proper prefix of a phrase: a lookup stops as soon as the
  // tokens seen so far start no phrase.
  absl::flat_hash_set<std::string> prefixes_;
};

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

  bool IsHonorific(std::string_view word) const {
    return honorifics_.contains(absl::string_view(word.data(), word.size()));
  }
  bool IsFirstName(std::string_view word) const {
    return first_names_.contains(absl::string_view(word.data(), word.size()));
  }
  // Entity class named by a head-word ("unit" -> "Unit"), lower-case key;
  // "" when the word is no head-word.
  const std::string& HeadClass(std::string_view lower_word) const;

  // Abbreviations the sentence splitter should not break after.
  const std::vector<std::string>& abbreviations() const {
    return abbreviations_;
  }

 private:
  Gazetteer();

  PhraseTable ranks_;
  PhraseTable titles_;
  PhraseTable crime_types_;
  PhraseTable organisations_;
  PhraseTable places_;
  absl::flat_hash_set<std::string> honorifics_;
  absl::flat_hash_set<std::string> first_names_;
  absl::flat_hash_map<std::string, std::string> heads_;
  std::vector<std::string> abbreviations_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_GAZETTEER_H_
