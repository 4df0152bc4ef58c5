// Keeps glibc malloc from holding on to memory a long-running server has
// freed.
//
// Two glibc defaults make a server's RSS creep upward under steady load
// although its live data is bounded (docs/load_test.md):
//  - the mmap threshold is dynamic: once a large mmapped block (a RocksDB
//    memtable arena block, a big gRPC message) is freed, the threshold rises
//    to its size, so later blocks of that size come from the heap, where
//    freed space is fragmented and rarely returned to the kernel;
//  - every thread that contends for malloc may get its own arena (up to 8
//    per core), each keeping its own free lists.
// LimitMallocRetention pins the threshold (large blocks are always mmapped
// and unmapped on free) and caps the arenas. Call it first thing in main,
// before any thread starts. A no-op where malloc is not glibc's.
#ifndef KG_COMMON_MALLOC_TUNING_H_
#define KG_COMMON_MALLOC_TUNING_H_

namespace kg {

// Returns false if glibc refused a setting (the process runs on, with
// glibc's defaults for it).
bool LimitMallocRetention();

}  // namespace kg

#endif  // KG_COMMON_MALLOC_TUNING_H_
