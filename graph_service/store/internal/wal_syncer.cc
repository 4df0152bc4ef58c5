#include "graph_service/store/internal/wal_syncer.h"

#include <algorithm>

namespace kg::graph::rocksdb_internal {

uint64_t WalSyncer::Written() {
  absl::MutexLock lock(&mu_);
  return ++written_;
}

absl::Status WalSyncer::AwaitDurable(uint64_t ticket) {
  absl::MutexLock lock(&mu_);
  while (synced_ < ticket) {
    if (syncing_) {
      // The running sync may have started before `ticket` was written;
      // re-check (and sync again if needed) once it is done.
      synced_cv_.Wait(&mu_);
      continue;
    }
    syncing_ = true;
    const uint64_t target = written_;  // Everything in the WAL file by now.
    mu_.Unlock();
    const absl::Status status = sync_();
    mu_.Lock();
    syncing_ = false;
    ++syncs_;
    if (status.ok()) synced_ = std::max(synced_, target);
    synced_cv_.SignalAll();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

uint64_t WalSyncer::syncs() const {
  absl::MutexLock lock(&mu_);
  return syncs_;
}

}  // namespace kg::graph::rocksdb_internal
