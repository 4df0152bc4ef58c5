// Whether a long extraction should stop early: its caller cancelled, or its
// deadline passed. The pipeline checks between sentences, so a call stops
// within one sentence's work (microseconds to a few milliseconds) of the
// caller giving up, instead of running a 16 MB document to its end.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_STOP_CHECK_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_STOP_CHECK_H_

#include <functional>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace kg::extractor {

class StopCheck {
 public:
  // Never stops.
  StopCheck() = default;
  // Stops once `cancelled` returns true (it must be cheap and thread-safe:
  // grpc::ServerContext::IsCancelled) or `deadline` has passed.
  StopCheck(std::function<bool()> cancelled, absl::Time deadline)
      : cancelled_(std::move(cancelled)), deadline_(deadline) {}

  // True from the first call that sees the cancellation or the deadline on.
  bool ShouldStop() const {
    if (reason_ != Reason::kNone) return true;
    if (cancelled_ && cancelled_()) {
      reason_ = Reason::kCancelled;
    } else if (deadline_ != absl::InfiniteFuture() && absl::Now() >= deadline_) {
      reason_ = Reason::kDeadline;
    }
    return reason_ != Reason::kNone;
  }

  // Why it stopped: Cancelled or DeadlineExceeded; OK while it has not.
  absl::Status status() const {
    switch (reason_) {
      case Reason::kNone:
        return absl::OkStatus();
      case Reason::kCancelled:
        return absl::CancelledError("the caller cancelled the extraction");
      case Reason::kDeadline:
        return absl::DeadlineExceededError(
            "the caller's deadline passed during extraction");
    }
    return absl::OkStatus();
  }

 private:
  enum class Reason { kNone, kCancelled, kDeadline };

  std::function<bool()> cancelled_;
  absl::Time deadline_ = absl::InfiniteFuture();
  // One StopCheck serves one extraction on one thread.
  mutable Reason reason_ = Reason::kNone;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_STOP_CHECK_H_
