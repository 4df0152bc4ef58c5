#include "common/malloc_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kg {
namespace {

// Blocks of at least this many bytes are mmapped. Small enough for memtable
// arena blocks and large messages, large enough that ordinary allocations
// stay on the heap.
constexpr int kMmapThresholdBytes = 256 * 1024;

// Arenas for all threads together; gRPC's and RocksDB's threads share them.
constexpr int kMaxArenas = 4;

}  // namespace

bool LimitMallocRetention() {
#if defined(__GLIBC__)
  const bool threshold = mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes) == 1;
  const bool arenas = mallopt(M_ARENA_MAX, kMaxArenas) == 1;
  return threshold && arenas;
#else
  return true;
#endif
}

PeriodicMallocTrim::PeriodicMallocTrim(absl::Duration period)
    : thread_([this, period] { Run(period); }) {}

PeriodicMallocTrim::~PeriodicMallocTrim() {
  stop_.Notify();
  thread_.join();
}

uint64_t PeriodicMallocTrim::passes() const {
  absl::MutexLock lock(&mu_);
  return passes_;
}

void PeriodicMallocTrim::Run(absl::Duration period) {
  while (!stop_.WaitForNotificationWithTimeout(period)) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    absl::MutexLock lock(&mu_);
    ++passes_;
  }
}

}  // namespace kg
