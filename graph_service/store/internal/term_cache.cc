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
  if (max_terms_ == 0 || entry_bytes > max_bytes_) return;
  if (ids_.size() >= max_terms_ || bytes_ + entry_bytes > max_bytes_) {
    EvictHalfLocked();
    if (ids_.size() >= max_terms_ || bytes_ + entry_bytes > max_bytes_) {
      ids_.clear();
      terms_.clear();
      bytes_ = 0;
    }
  }
  ids_.emplace(term_bytes, id);
  terms_.emplace(id, std::string(term_bytes));
  bytes_ += entry_bytes;
}

// Drops the entries with odd ids, or with even ids, alternately: about
// half, unrelated to how popular a term is, so that the popular ones come
// back at their next lookup (read-through) while the cache keeps serving
// the other half. Emptying the whole cache instead made a dictionary just
// over the bound miss on nearly every lookup.
void TermCache::EvictHalfLocked() {
  ++overflows_;
  complete_ = false;
  const TermId parity = overflows_ & 1;
  for (auto it = terms_.begin(); it != terms_.end();) {
    if ((it->first & 1) != parity) {
      ++it;
      continue;
    }
    bytes_ -= EntryBytes(it->second);
    ids_.erase(it->second);
    terms_.erase(it++);
  }
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
