// Phrase tables: gazetteer phrases (token sequences) in a trie over word
// ids, so that a lookup costs one id comparison per token instead of
// hashing strings. Words are interned in a Vocabulary that the tables of a
// gazetteer share; Gazetteer::Annotate stores each token's ids once per
// document.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_PHRASE_TABLE_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_PHRASE_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

// Interns words to dense ids 0, 1, 2, ... Not thread-safe while words are
// added; Find is thread-safe once loading is over.
class Vocabulary {
 public:
  // The word's id, adding it when new.
  int32_t Intern(std::string_view word);
  // The word's id, or kNoWord.
  int32_t Find(std::string_view word) const;
  int32_t size() const { return static_cast<int32_t>(ids_.size()); }

 private:
  absl::flat_hash_map<std::string, int32_t> ids_;
};

struct GazetteerEntry {
  std::string canonical;  // canonical form (expansion, canonical name, ...)
  std::string extra;      // second value column (class, parent place), or ""
};

// Maps phrases (token sequences) to entries.
class PhraseTable {
 public:
  // `case_sensitive` false: phrases and text are compared lower-cased.
  // Words are interned in `vocabulary` (a table of its own by default).
  explicit PhraseTable(bool case_sensitive,
                       std::shared_ptr<Vocabulary> vocabulary =
                           std::make_shared<Vocabulary>());

  // Adds a phrase; the first entry added for a phrase wins.
  void Add(std::string_view phrase, GazetteerEntry entry);

  struct Match {
    int length = 0;  // tokens matched; 0 = no match
    const GazetteerEntry* entry = nullptr;
  };
  // Longest phrase starting at tokens[pos] and ending before `limit`.
  // Tokens are either not annotated (their words are looked up) or
  // annotated against this table's vocabulary.
  Match LongestAt(const std::vector<Token>& tokens, int pos, int limit) const {
    // Fast path: most tokens start no phrase.
    if (pos >= limit) return Match();
    const Token& t = tokens[pos];
    const int32_t id = case_sensitive_ ? t.text_id : t.lower_id;
    if (id == kNoWord ||
        (id >= 0 && (static_cast<size_t>(id) >= root_children_.size() ||
                     root_children_[id] < 0))) {
      return Match();
    }
    return LongestFrom(tokens, pos, limit);
  }

  bool empty() const { return entries_.empty(); }

 private:
  struct Node {
    int32_t entry = -1;
    std::vector<std::pair<int32_t, int32_t>> children;  // (word, node), sorted
  };

  Match LongestFrom(const std::vector<Token>& tokens, int pos, int limit) const;
  int32_t WordOf(const Token& t) const;
  int32_t Child(int32_t node, int32_t word) const;

  bool case_sensitive_;
  std::shared_ptr<Vocabulary> vocabulary_;
  std::vector<Node> nodes_;            // nodes_[0] is the root
  std::vector<int32_t> root_children_;  // by word id; -1 when none
  std::vector<GazetteerEntry> entries_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_PHRASE_TABLE_H_
