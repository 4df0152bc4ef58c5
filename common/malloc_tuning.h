// Keeps glibc malloc from holding on to memory a long-running server has
// freed.
//
// Under steady load a server's live data can be bounded while its RSS still
// creeps upward (docs/load_test.md), for three glibc reasons:
//  - the mmap threshold is dynamic: once a large mmapped block (a big gRPC
//    message, a RocksDB arena block) is freed, the threshold rises to its
//    size, so later blocks of that size come from the heap;
//  - every thread that contends for malloc may get its own arena (up to 8
//    per core), each keeping its own free lists;
//  - free memory inside a heap (not at its top) goes back to the kernel
//    only when malloc_trim walks the heaps. Block-cache and memtable churn
//    leaves exactly that kind of free memory: a load test measured 60 MB
//    of a graph server's 340 MB RSS given back by one malloc_trim.
#ifndef KG_COMMON_MALLOC_TUNING_H_
#define KG_COMMON_MALLOC_TUNING_H_

#include <cstdint>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace kg {

// Pins the mmap threshold (large blocks are always mmapped and unmapped on
// free) and caps the arenas. Call it first thing in main, before any thread
// starts. Returns false if glibc refused a setting (the process runs on
// with glibc's default for it); true, doing nothing, where malloc is not
// glibc's (another libc, or a sanitizer's allocator).
bool LimitMallocRetention();

// Returns free heap memory to the kernel every `period` from a background
// thread (malloc_trim), until destroyed. Each pass holds each arena's lock
// while it walks it: a few milliseconds for a few hundred MB, so keep the
// period at seconds, not milliseconds. A no-op where malloc is not glibc's.
class PeriodicMallocTrim {
 public:
  explicit PeriodicMallocTrim(absl::Duration period);
  ~PeriodicMallocTrim();
  PeriodicMallocTrim(const PeriodicMallocTrim&) = delete;
  PeriodicMallocTrim& operator=(const PeriodicMallocTrim&) = delete;

  // Passes completed so far.
  uint64_t passes() const;

 private:
  void Run(absl::Duration period);

  absl::Notification stop_;
  mutable absl::Mutex mu_;
  uint64_t passes_ ABSL_GUARDED_BY(mu_) = 0;
  std::thread thread_;
};

}  // namespace kg

#endif  // KG_COMMON_MALLOC_TUNING_H_
