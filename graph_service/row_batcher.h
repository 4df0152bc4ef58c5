// Groups query rows into QueryRowBatch messages for the QueryBatches RPC.
// gRPC-free: the sink that sends a full batch is a callback.
#ifndef KG_GRAPH_SERVICE_ROW_BATCHER_H_
#define KG_GRAPH_SERVICE_ROW_BATCHER_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "google/protobuf/arena.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

struct RowBatchLimits {
  // A batch is sent as soon as it holds this many rows (at least 1)...
  size_t max_rows = 1024;
  // ... or at least this many bytes of encoded rows.
  size_t max_bytes = 64 * 1024;
  // A batch that would encode to more than this many bytes (one huge row)
  // is not sent: the batcher stops as on a failed send and refused_bytes()
  // says how big it was. 0: no bound.
  size_t max_message_bytes = 0;
};

// Accumulates rows in arrival order and hands each full batch to `send`;
// Finish() sends the rest as the last batch. Every batch sent holds at
// least one row. Not thread-safe: one batcher per streaming call.
//
// Rows are either added whole (Add) or built in place (StartRow, then
// CommitRow or DiscardRow: the contract of graph_service/query/row_sink.h,
// so RowSinkRef<RowBatcher> lets the query engine fill batches directly).
// A batch begun by StartRow lives on a protobuf Arena that is reset after
// each send, so a row built in place costs no heap allocation for its
// messages; a batch begun by Add is an ordinary message that rows are
// moved into. Both may be mixed: order is kept either way.
class RowBatcher {
 public:
  // Sends one batch; `last` is true for the batch sent by Finish(), after
  // which no other follows (a stream can send it together with its end).
  // Returns false when it could not be sent (e.g. the client went away),
  // which stops the batcher. The batch is valid only during the call.
  using SendFn =
      std::function<bool(const kg::v1::QueryRowBatch& batch, bool last)>;

  RowBatcher(const RowBatchLimits& limits, SendFn send);

  RowBatcher(const RowBatcher&) = delete;
  RowBatcher& operator=(const RowBatcher&) = delete;

  // Appends `row`, sending the batch when it is full. Returns false once a
  // send has failed or after Finish() (the row is dropped).
  bool Add(kg::v1::QueryRow row);

  // An empty row appended to the pending batch, to fill in place; valid
  // until the next CommitRow or DiscardRow, one of which must follow
  // before any other call. Once a send has failed or after Finish(), a
  // scratch row that CommitRow drops.
  kg::v1::QueryRow* StartRow();
  // Takes the row from StartRow, as Add takes a row.
  bool CommitRow();
  // Drops the row from StartRow.
  void DiscardRow();

  // Sends the pending rows, if any, as the last batch; later calls to Add
  // and Finish send nothing. With `truncated` the last batch says so
  // (QueryRowBatch.truncated), and is sent even when it holds no rows.
  // Returns false when a send failed, now or earlier.
  bool Finish(bool truncated = false);

  // Batches handed to `send` so far (successfully or not).
  uint64_t batches_sent() const { return batches_sent_; }

  // A send has failed, or a batch was refused (rows are dropped from then
  // on).
  bool failed() const { return failed_; }
  // The encoded size of the batch refused for max_message_bytes; 0 when
  // none was.
  size_t refused_bytes() const { return refused_bytes_; }

 private:
  // Hands the pending rows to send_ and empties the batch.
  bool Send(bool last);
  void NewArenaBatch();

  const RowBatchLimits limits_;
  const SendFn send_;
  google::protobuf::Arena arena_;
  kg::v1::QueryRowBatch* arena_batch_ = nullptr;  // on arena_
  kg::v1::QueryRowBatch heap_batch_;
  // The batch holding the pending rows (one of the two above), or null
  // between batches.
  kg::v1::QueryRowBatch* batch_ = nullptr;
  kg::v1::QueryRow scratch_;  // StartRow's row when nothing is taken
  bool in_scratch_ = false;
  size_t batch_bytes_ = 0;
  size_t refused_bytes_ = 0;
  uint64_t batches_sent_ = 0;
  bool failed_ = false;
  bool finished_ = false;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_ROW_BATCHER_H_
