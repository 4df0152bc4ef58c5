#include "graph_service/temporal/history_retention.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/iso_date.h"

namespace kg::graph {

absl::Status CheckHistoryRetention(absl::Duration retention,
                                   absl::Duration period) {
  if (retention < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "--history_retention must be >= 0 (inf keeps all history)");
  }
  if (period <= absl::ZeroDuration() || period == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(
        "--history_purge_period must be a finite duration > 0");
  }
  return absl::OkStatus();
}

HistoryRetention::HistoryRetention(GraphStore* store, absl::Duration retention,
                                   absl::Duration period,
                                   std::function<void(const std::string&)> log)
    : store_(store),
      retention_(retention),
      period_(period),
      log_(std::move(log)) {
  if (retention_ != absl::InfiniteDuration()) {
    thread_ = std::thread([this] { Loop(); });
  }
}

HistoryRetention::~HistoryRetention() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

absl::StatusOr<uint64_t> HistoryRetention::PurgeOnce(absl::Time now) {
  if (retention_ == absl::InfiniteDuration()) return 0;
  const int64_t horizon = absl::ToUnixMicros(now - retention_);
  absl::StatusOr<uint64_t> purged = store_->PurgeHistory(horizon);
  if (!purged.ok()) {
    log_(absl::StrCat("history purge failed (retried in ",
                      absl::FormatDuration(period_), "): ",
                      purged.status().ToString()));
  } else if (*purged > 0) {
    log_(absl::StrCat("history purge: ", *purged,
                      " record(s) retracted before ", FormatInstant(horizon),
                      " removed (--history_retention=",
                      absl::FormatDuration(retention_), ")"));
  }
  return purged;
}

void HistoryRetention::Loop() {
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    mu_.Unlock();
    PurgeOnce(absl::Now()).IgnoreError();  // Logged; retried next period.
    mu_.Lock();
    mu_.AwaitWithTimeout(absl::Condition(&stopping_), period_);
  }
}

}  // namespace kg::graph
