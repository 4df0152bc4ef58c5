// TermCache: the in-memory copy of (part of) a RocksDbGraphStore's term
// dictionary, in both directions (term bytes <-> id).
//
// Only committed terms go in: ids read from the dictionary, and ids a write
// assigned, inserted after that write reached the WAL. Terms are never
// removed from the store and ids never change, so an entry never goes
// stale; the store inserts terms it had to read (read-through). The cache
// is bounded: when it would exceed `max_terms` terms or `max_bytes`
// (EntryBytes per term) it drops about half of its entries (and stops
// being complete).
//
// Completeness. A cache that was filled with the whole dictionary and has
// never been emptied since is "complete": a miss then proves the term is
// not stored, so a writer (holding the store's writer lock, so no other
// write can add terms meanwhile) needs no dictionary read at all. Readers
// must not rely on completeness (a concurrent writer may have committed a
// term it has not inserted yet); they fall back to a dictionary read.
//
// Thread safety: all methods are safe for concurrent use.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_TERM_CACHE_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_TERM_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "graph_service/store/graph_store.h"

namespace kg::graph::rocksdb_internal {

class TermCache {
 public:
  TermCache(size_t max_terms, size_t max_bytes)
      : max_terms_(max_terms), max_bytes_(max_bytes) {}
  TermCache(const TermCache&) = delete;
  TermCache& operator=(const TermCache&) = delete;

  // What one cached term counts against max_bytes: its bytes twice (one
  // copy per direction) plus an estimate of both hash tables' per-entry
  // overhead.
  static size_t EntryBytes(absl::string_view term_bytes) {
    return 2 * term_bytes.size() + kEntryOverheadBytes;
  }

  size_t max_terms() const { return max_terms_; }
  // Sum of EntryBytes over the cached terms.
  size_t bytes() const;
  // Times the cache has dropped entries because it was full.
  uint64_t overflows() const;

  // The id of `term_bytes`, or nullopt when not cached. `absent`, when
  // given, is set iff the term is not cached and the cache is complete,
  // checked atomically with the lookup.
  std::optional<TermId> FindId(absl::string_view term_bytes,
                               bool* absent = nullptr) const;
  // The bytes of term `id`, or false when not cached.
  bool FindTerm(TermId id, std::string* term_bytes) const;

  // Caches a committed term. Drops about half of the entries first when
  // the cache is full.
  void Insert(absl::string_view term_bytes, TermId id);

  // Marks the cache complete (every committed term is in it). Call only
  // after inserting the whole dictionary with no write in between.
  void MarkComplete();
  bool complete() const;

 private:
  void InsertLocked(absl::string_view term_bytes, TermId id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EvictHalfLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  static constexpr size_t kEntryOverheadBytes = 96;

  const size_t max_terms_;
  const size_t max_bytes_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, TermId> ids_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<TermId, std::string> terms_ ABSL_GUARDED_BY(mu_);
  bool complete_ ABSL_GUARDED_BY(mu_) = false;
  size_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t overflows_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kg::graph::rocksdb_internal

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_TERM_CACHE_H_
