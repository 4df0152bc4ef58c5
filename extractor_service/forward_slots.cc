#include "extractor_service/forward_slots.h"

namespace kg::extractor {

bool ForwardSlots::TryAcquire() {
  int current = in_use_.load(std::memory_order_acquire);
  while (current < capacity_) {
    if (in_use_.compare_exchange_weak(current, current + 1,
                                      std::memory_order_acq_rel)) {
      return true;
    }
  }
  return false;
}

}  // namespace kg::extractor
