#include "common/malloc_tuning.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define KG_SANITIZER_MALLOC 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KG_SANITIZER_MALLOC 1
#endif

// glibc's malloc is in charge: not another libc, not a sanitizer's
// allocator (which ignores mallopt).
#if defined(__GLIBC__) && !defined(KG_SANITIZER_MALLOC)
#define KG_GLIBC_MALLOC 1
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
#if defined(KG_GLIBC_MALLOC)
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
#if defined(KG_GLIBC_MALLOC)
    malloc_trim(0);
#endif
    absl::MutexLock lock(&mu_);
    ++passes_;
  }
}

}  // namespace kg
