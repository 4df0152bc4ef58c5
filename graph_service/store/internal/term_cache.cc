#include "graph_service/store/internal/term_cache.h"

namespace kg::graph::rocksdb_internal {

std::optional<TermId> TermCache::FindId(absl::string_view term_bytes,
                                        bool* absent) const {
  absl::ReaderMutexLock lock(&mu_);
  auto it = ids_.find(term_bytes);
  if (absent != nullptr) *absent = it == ids_.end() && complete_;
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

bool TermCache::FindTerm(TermId id, std::string* term_bytes) const {
  absl::ReaderMutexLock lock(&mu_);
  auto it = terms_.find(id);
  if (it == terms_.end()) return false;
  *term_bytes = it->second;
  return true;
}

void TermCache::Insert(absl::string_view term_bytes, TermId id) {
  absl::MutexLock lock(&mu_);
  InsertLocked(term_bytes, id);
}

void TermCache::InsertLocked(absl::string_view term_bytes, TermId id) {
  if (ids_.contains(term_bytes)) return;
  if (ids_.size() >= max_terms_) {
    ids_.clear();
    terms_.clear();
    complete_ = false;
  }
  if (max_terms_ == 0) return;
  ids_.emplace(term_bytes, id);
  terms_.emplace(id, std::string(term_bytes));
}

void TermCache::MarkComplete() {
  absl::MutexLock lock(&mu_);
  complete_ = true;
}

bool TermCache::complete() const {
  absl::ReaderMutexLock lock(&mu_);
  return complete_;
}

}  // namespace kg::graph::rocksdb_internal
