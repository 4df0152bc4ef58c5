// RowSink: where the query engine builds its result rows. Instead of
// handing over a finished QueryRow, the engine asks the sink for an empty
// row, fills it in place and commits it, so a sink that owns the message
// the rows travel in (e.g. a batch on a protobuf Arena) takes them without
// a copy, a move or a heap allocation per row.
#ifndef KG_GRAPH_SERVICE_QUERY_ROW_SINK_H_
#define KG_GRAPH_SERVICE_QUERY_ROW_SINK_H_

#include "kg/v1/graph.pb.h"

namespace kg::graph {

// Not thread-safe: one evaluation fills one sink at a time.
class RowSink {
 public:
  virtual ~RowSink() = default;

  // An empty row for the next result. The pointer stays valid, and the row
  // unseen by anyone else, until the next CommitRow or DiscardRow.
  virtual kg::v1::QueryRow* StartRow() = 0;

  // The row from StartRow is complete and is the next result row. False
  // when no more rows are wanted (e.g. the client went away): evaluation
  // stops.
  virtual bool CommitRow() = 0;

  // The row from StartRow is not a result (filling it failed); it is
  // dropped.
  virtual void DiscardRow() = 0;
};

// A RowSink over any `Target` with StartRow, CommitRow and DiscardRow of
// the contracts above (e.g. RowBatcher, which does not depend on the query
// engine). `target` must outlive the adapter.
template <typename Target>
class RowSinkRef final : public RowSink {
 public:
  explicit RowSinkRef(Target* target) : target_(target) {}

  kg::v1::QueryRow* StartRow() override { return target_->StartRow(); }
  bool CommitRow() override { return target_->CommitRow(); }
  void DiscardRow() override { target_->DiscardRow(); }

 private:
  Target* const target_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_ROW_SINK_H_
