// ForwardSlots bounds how many documents may wait for the graph service at
// once. While the graph is down every forwarding call holds a server thread
// through its retries; past the bound new calls are refused at once
// (RESOURCE_EXHAUSTED) instead of piling up. Nothing is acknowledged for a
// refused call, so nothing is lost: the caller retries later.
#ifndef KG_EXTRACTOR_SERVICE_FORWARD_SLOTS_H_
#define KG_EXTRACTOR_SERVICE_FORWARD_SLOTS_H_

#include <atomic>

namespace kg::extractor {

class ForwardSlots {
 public:
  // `capacity` >= 1 forwards may be in flight at once. Thread-safe.
  explicit ForwardSlots(int capacity) : capacity_(capacity) {}

  // Takes a slot and returns true, or returns false when all are taken.
  bool TryAcquire();
  // Gives back a slot taken by TryAcquire.
  void Release() { in_use_.fetch_sub(1, std::memory_order_acq_rel); }

  int capacity() const { return capacity_; }
  int in_use() const { return in_use_.load(std::memory_order_acquire); }

 private:
  const int capacity_;
  std::atomic<int> in_use_{0};
};

// Holds one slot for its lifetime, if it got one.
class ForwardSlot {
 public:
  explicit ForwardSlot(ForwardSlots& slots)
      : slots_(slots), held_(slots.TryAcquire()) {}
  ~ForwardSlot() {
    if (held_) slots_.Release();
  }
  ForwardSlot(const ForwardSlot&) = delete;
  ForwardSlot& operator=(const ForwardSlot&) = delete;

  bool held() const { return held_; }

 private:
  ForwardSlots& slots_;
  const bool held_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_FORWARD_SLOTS_H_
