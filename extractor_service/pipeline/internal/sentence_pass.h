// The entity recognizer's work on one sentence (not part of any public
// contract; see entity_recognizer.h). Passes run in a fixed order and claim
// tokens, so later passes never re-label a claimed token.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_SENTENCE_PASS_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_SENTENCE_PASS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/coreference.h"
#include "extractor_service/pipeline/gazetteer.h"

namespace kg::extractor::internal {

// Bare names of the operations and projects a document has named in full:
// after "Operation Tern", a later "Tern" is the same operation.
class ShortNames {
 public:
  void Observe(const std::string& short_name, const std::string& canonical,
               EntityClass cls) {
    names_.insert_or_assign(short_name, Entry{canonical, cls});
  }
  struct Entry {
    std::string canonical;
    EntityClass cls;
  };
  // The entry for `short_name`, or nullptr.
  const Entry* Find(std::string_view short_name) const {
    auto it = names_.find(absl::string_view(short_name.data(), short_name.size()));
    return it == names_.end() ? nullptr : &it->second;
  }

 private:
  absl::flat_hash_map<std::string, Entry> names_;
};

class SentencePass {
 public:
  // The sentence's tokens must be annotated by `gaz` (Gazetteer::Annotate).
  SentencePass(const Gazetteer& gaz, const AnalyzedDocument& doc, int s,
               PersonResolver* people, ShortNames* names);

  // The sentence's mentions, ordered by first token.
  std::vector<Mention> Run();

 private:
  // Per-token word classes, computed once per sentence. kFunction and
  // kName are only set on kCap tokens (and only asked of them).
  enum : uint8_t { kCap = 1, kFunction = 2, kName = 4 };
  bool Cap(int k) const { return lex_[k] & kCap; }
  bool Function(int k) const { return lex_[k] & kFunction; }
  // A capitalised word that can belong to a person's name.
  bool IsNameToken(int k) const { return lex_[k] & kName; }
  bool ComputeNameToken(int k) const;

  std::string Slice(int b, int e) const {
    return std::string(doc_.Slice(s_, b, e));
  }
  bool Free(int b, int e) const {
    for (int k = b; k < e; ++k) {
      if (claimed_[k]) return false;
    }
    return true;
  }
  void Claim(int b, int e) {
    for (int k = b; k < e; ++k) claimed_[k] = 1;
  }
  Mention& Add(EntityClass cls, std::string canonical, int b, int e);
  int NameEnd(int j, int max_len) const {
    int k = j;
    while (k < n_ && k - j < max_len && IsNameToken(k)) ++k;
    return k;
  }
  // Records `surface` as the mention's alias unless it spells the
  // canonical name (curly and straight apostrophes count as the same).
  void SetAlias(Mention* m, std::string surface) {
    if (!SameSpelling(surface, m->canonical)) m->alias = std::move(surface);
  }
  static bool SameSpelling(std::string_view a, std::string_view b);

  // sentence_pass.cc
  void TryOperation(int i);
  void AddOperation(int name_b, int name_e, int b, int e, bool project);
  bool TryShortName(int i);
  void TryProgramme(int i);
  int PhaseEnd(int e, std::string* canonical) const;
  void TryOrganisation(int i);
  bool HasArticleForm(int i, int e, int length) const;
  int TryPlace(int i);
  void TryContextPlaces();
  int CapPhraseEnd(int i, int max_len) const;
  int CapPhraseBegin(int e, int max_len) const;
  int TryCrimeType(int i);
  // sentence_pass_people.cc
  void TryPerson(int i);
  bool TryAppositiveAfterName(int i);
  bool TryPrefixedPerson(int i);
  void TryAppositiveRole(size_t person);
  void BodyAfterRole(int e, Mention* p);
  void AddPerson(int b, int e, int name_b, int name_e, bool alias);
  // sentence_pass_chunks.cc
  int TryChunk(int i);
  int ChunkEnd(int i) const;
  bool ClassifyChunk(int b, int e);
  void TryAcronym(int p, size_t mention_index);
  void TryDescribedUnit(int i);

  const Gazetteer& gaz_;
  const AnalyzedDocument& doc_;
  const int s_;
  const std::vector<Token>& t_;
  const int n_;
  std::vector<uint8_t> lex_;
  std::vector<char> claimed_;
  PersonResolver& people_;
  ShortNames& names_;
  std::vector<Mention> out_;
};

}  // namespace kg::extractor::internal

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_SENTENCE_PASS_H_
