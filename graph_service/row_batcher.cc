#include "graph_service/row_batcher.h"

#include <utility>

namespace kg::graph {

RowBatcher::RowBatcher(const RowBatchLimits& limits, SendFn send)
    : limits_(limits), send_(std::move(send)) {}

bool RowBatcher::Add(kg::v1::QueryRow row) {
  if (failed_ || finished_) return false;
  batch_bytes_ += row.ByteSizeLong();
  *batch_.add_rows() = std::move(row);
  if (static_cast<size_t>(batch_.rows_size()) < limits_.max_rows &&
      batch_bytes_ < limits_.max_bytes) {
    return true;
  }
  return Send(/*last=*/false);
}

bool RowBatcher::Finish() {
  if (failed_ || finished_) return !failed_;
  finished_ = true;
  return batch_.rows_size() == 0 || Send(/*last=*/true);
}

bool RowBatcher::Send(bool last) {
  ++batches_sent_;
  failed_ = !send_(batch_, last);
  // Clear() keeps the row objects allocated for reuse by the next batch.
  batch_.Clear();
  batch_bytes_ = 0;
  return !failed_;
}

}  // namespace kg::graph
