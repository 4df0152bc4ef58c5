#include "extractor_service/pipeline/phrase_table.h"

#include <algorithm>

#include "absl/strings/string_view.h"

namespace kg::extractor {

int32_t Vocabulary::Intern(std::string_view word) {
  return ids_.try_emplace(std::string(word), size()).first->second;
}

int32_t Vocabulary::Find(std::string_view word) const {
  auto it = ids_.find(absl::string_view(word.data(), word.size()));
  return it == ids_.end() ? kNoWord : it->second;
}

PhraseTable::PhraseTable(bool case_sensitive,
                         std::shared_ptr<Vocabulary> vocabulary)
    : case_sensitive_(case_sensitive),
      vocabulary_(std::move(vocabulary)),
      nodes_(1) {}

void PhraseTable::Add(std::string_view phrase, GazetteerEntry entry) {
  const TokenizedString tokenized(phrase);
  const std::vector<Token>& toks = tokenized.tokens();
  if (toks.empty()) return;
  int32_t node = 0;
  for (const Token& t : toks) {
    const int32_t word = vocabulary_->Intern(case_sensitive_ ? t.text : t.lower);
    int32_t next = Child(node, word);
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        if (static_cast<size_t>(word) >= root_children_.size()) {
          root_children_.resize(word + 1, -1);
        }
        root_children_[word] = next;
      }
      auto& children = nodes_[node].children;
      children.insert(std::lower_bound(children.begin(), children.end(),
                                       std::make_pair(word, int32_t{-1})),
                      {word, next});
    }
    node = next;
  }
  if (nodes_[node].entry < 0) {
    nodes_[node].entry = static_cast<int32_t>(entries_.size());
    entries_.push_back(std::move(entry));
  }
}

int32_t PhraseTable::WordOf(const Token& t) const {
  const int32_t id = case_sensitive_ ? t.text_id : t.lower_id;
  if (id != kUnannotatedWord) return id;
  return vocabulary_->Find(case_sensitive_ ? t.text : t.lower);
}

int32_t PhraseTable::Child(int32_t node, int32_t word) const {
  if (word < 0) return -1;
  if (node == 0) {
    return static_cast<size_t>(word) < root_children_.size()
               ? root_children_[word]
               : -1;
  }
  const auto& children = nodes_[node].children;
  for (const auto& [w, child] : children) {
    if (w == word) return child;
    if (w > word) break;
  }
  return -1;
}

PhraseTable::Match PhraseTable::LongestFrom(const std::vector<Token>& tokens,
                                            int pos, int limit) const {
  Match best;
  int32_t node = 0;
  for (int p = pos; p < limit; ++p) {
    node = Child(node, WordOf(tokens[p]));
    if (node < 0) break;
    if (nodes_[node].entry >= 0) {
      best = {p - pos + 1, &entries_[nodes_[node].entry]};
    }
  }
  return best;
}

}  // namespace kg::extractor
