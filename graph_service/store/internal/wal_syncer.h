// WalSyncer: group commit for a store whose writes go to the WAL unsynced.
//
// A writer, still holding the store's writer lock, takes a ticket for its
// write right after rocksdb::DB::Write returned (so tickets follow WAL
// order), releases the lock, and calls AwaitDurable(ticket) before telling
// anyone the write is durable. One caller at a time runs the sync function
// (rocksdb::DB::SyncWAL), which makes every write that had returned before
// it started durable; writers arriving meanwhile wait and are covered by
// the next sync. So N concurrent writers pay for about two fsyncs, not N,
// and no write is reported durable before a sync that began after it.
//
// Thread safety: all methods are safe for concurrent use.
#ifndef KG_GRAPH_SERVICE_STORE_INTERNAL_WAL_SYNCER_H_
#define KG_GRAPH_SERVICE_STORE_INTERNAL_WAL_SYNCER_H_

#include <cstdint>
#include <functional>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace kg::graph::rocksdb_internal {

class WalSyncer {
 public:
  // `sync` makes everything written so far durable (e.g. DB::SyncWAL).
  explicit WalSyncer(std::function<absl::Status()> sync)
      : sync_(std::move(sync)) {}
  WalSyncer(const WalSyncer&) = delete;
  WalSyncer& operator=(const WalSyncer&) = delete;

  // The ticket of a write that has just reached the (unsynced) WAL. Call in
  // WAL order, i.e. under the writer lock. Tickets start at 1.
  uint64_t Written();

  // Blocks until every write with a ticket <= `ticket` is durable. OK at
  // once for ticket 0. Returns the sync's error if the sync this caller
  // ran failed (the write must then not be acknowledged).
  absl::Status AwaitDurable(uint64_t ticket);

  // Syncs performed so far (for tests and benchmarks).
  uint64_t syncs() const;

 private:
  const std::function<absl::Status()> sync_;
  mutable absl::Mutex mu_;
  absl::CondVar synced_cv_;
  uint64_t written_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t synced_ ABSL_GUARDED_BY(mu_) = 0;
  bool syncing_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t syncs_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kg::graph::rocksdb_internal

#endif  // KG_GRAPH_SERVICE_STORE_INTERNAL_WAL_SYNCER_H_
