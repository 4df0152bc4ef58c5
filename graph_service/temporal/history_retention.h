// HistoryRetention: the graph server's retention policy for transaction
// time (--history_retention). Evidence retracted longer ago than the
// retention is purged from the store's history, once at start and then
// every `period` on a thread of its own; reads as of an instant before the
// purge horizon are refused from then on (AsOfView), never answered from a
// partial history.
#ifndef KG_GRAPH_SERVICE_TEMPORAL_HISTORY_RETENTION_H_
#define KG_GRAPH_SERVICE_TEMPORAL_HISTORY_RETENTION_H_

#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "graph_service/store/graph_store.h"

namespace kg::graph {

// InvalidArgument unless `retention` is >= 0 (InfiniteDuration: keep
// everything) and `period` > 0, naming the flags.
absl::Status CheckHistoryRetention(absl::Duration retention,
                                   absl::Duration period);

class HistoryRetention {
 public:
  // `store` must outlive this object. `log` receives one line per purge that
  // removed records, and one per failed purge (the next period retries).
  // With an infinite retention no thread is started.
  HistoryRetention(GraphStore* store, absl::Duration retention,
                   absl::Duration period,
                   std::function<void(const std::string&)> log);
  // Stops the thread (waiting for a purge in progress).
  ~HistoryRetention();
  HistoryRetention(const HistoryRetention&) = delete;
  HistoryRetention& operator=(const HistoryRetention&) = delete;

  // Purges the records retracted before `now` - retention; returns how many.
  // 0 at once for an infinite retention.
  absl::StatusOr<uint64_t> PurgeOnce(absl::Time now);

 private:
  void Loop();

  GraphStore* const store_;
  const absl::Duration retention_;
  const absl::Duration period_;
  const std::function<void(const std::string&)> log_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_TEMPORAL_HISTORY_RETENTION_H_
