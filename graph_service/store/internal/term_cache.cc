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
  const size_t entry_bytes = EntryBytes(term_bytes);
  if (ids_.size() >= max_terms_ || bytes_ + entry_bytes > max_bytes_) {
    ids_.clear();
    terms_.clear();
    bytes_ = 0;
    complete_ = false;
    ++overflows_;
  }
  if (max_terms_ == 0 || entry_bytes > max_bytes_) return;
  ids_.emplace(term_bytes, id);
  terms_.emplace(id, std::string(term_bytes));
  bytes_ += entry_bytes;
}

size_t TermCache::bytes() const {
  absl::ReaderMutexLock lock(&mu_);
  return bytes_;
}

uint64_t TermCache::overflows() const {
  absl::ReaderMutexLock lock(&mu_);
  return overflows_;
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
