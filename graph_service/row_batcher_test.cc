#include "graph_service/row_batcher.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::graph {
namespace {

kg::v1::QueryRow Row(const std::string& name) {
  kg::v1::QueryRow row;
  kg::v1::Binding* binding = row.add_bindings();
  binding->set_variable("x");
  binding->mutable_value()->set_entity(name);
  return row;
}

// Every sent batch as the entity names of its rows.
class Recorder {
 public:
  RowBatcher::SendFn Sink(int fail_at = -1) {
    return [this, fail_at](const kg::v1::QueryRowBatch& batch, bool last) {
      EXPECT_FALSE(finished) << "a batch after the last one";
      finished = last;
      std::vector<std::string> names;
      for (const kg::v1::QueryRow& row : batch.rows()) {
        names.push_back(row.bindings(0).value().entity());
      }
      batches.push_back(names);
      return static_cast<int>(batches.size()) != fail_at;
    };
  }
  std::vector<std::vector<std::string>> batches;
  bool finished = false;  // The last batch was sent.
};

TEST(RowBatcherTest, SendsNothingForNoRows) {
  Recorder recorder;
  RowBatcher batcher(RowBatchLimits(), recorder.Sink());
  EXPECT_TRUE(batcher.Finish());
  EXPECT_TRUE(recorder.batches.empty());
  EXPECT_EQ(batcher.batches_sent(), 0u);
}

TEST(RowBatcherTest, FinishSendsTheRestAsTheLastBatch) {
  Recorder recorder;
  RowBatcher batcher(RowBatchLimits(), recorder.Sink());
  ASSERT_TRUE(batcher.Add(Row("a")));
  ASSERT_TRUE(batcher.Add(Row("b")));
  EXPECT_TRUE(recorder.batches.empty());
  EXPECT_TRUE(batcher.Finish());
  EXPECT_TRUE(recorder.finished);
  EXPECT_EQ(recorder.batches,
            (std::vector<std::vector<std::string>>{{"a", "b"}}));
  // Nothing is sent after the last batch.
  EXPECT_FALSE(batcher.Add(Row("c")));
  EXPECT_TRUE(batcher.Finish());
  EXPECT_EQ(batcher.batches_sent(), 1u);
}

TEST(RowBatcherTest, SplitsAtTheRowCountKeepingOrder) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_rows = 2;
  RowBatcher batcher(limits, recorder.Sink());
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    ASSERT_TRUE(batcher.Add(Row(name)));
  }
  // Two full batches went out as they filled; the rest waits for Finish.
  EXPECT_EQ(recorder.batches.size(), 2u);
  EXPECT_FALSE(recorder.finished);
  ASSERT_TRUE(batcher.Finish());
  EXPECT_TRUE(recorder.finished);
  EXPECT_EQ(recorder.batches,
            (std::vector<std::vector<std::string>>{
                {"a", "b"}, {"c", "d"}, {"e"}}));
  EXPECT_EQ(batcher.batches_sent(), 3u);
}

TEST(RowBatcherTest, SplitsAtTheByteSize) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_bytes = 2 * Row(std::string(100, 'a')).ByteSizeLong();
  RowBatcher batcher(limits, recorder.Sink());
  ASSERT_TRUE(batcher.Add(Row(std::string(100, 'a'))));
  EXPECT_TRUE(recorder.batches.empty());
  ASSERT_TRUE(batcher.Add(Row(std::string(100, 'b'))));
  ASSERT_EQ(recorder.batches.size(), 1u);
  EXPECT_EQ(recorder.batches[0].size(), 2u);
  // A row bigger than the limit on its own goes out at once.
  ASSERT_TRUE(batcher.Add(Row(std::string(1000, 'c'))));
  ASSERT_EQ(recorder.batches.size(), 2u);
  EXPECT_EQ(recorder.batches[1],
            std::vector<std::string>{std::string(1000, 'c')});
}

TEST(RowBatcherTest, RefusesABatchOverTheMessageBound) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_bytes = 1;  // One row a batch.
  kg::v1::QueryRowBatch one_big;
  *one_big.add_rows() = Row(std::string(1000, 'c'));
  limits.max_message_bytes = one_big.ByteSizeLong() - 1;
  RowBatcher batcher(limits, recorder.Sink());
  ASSERT_TRUE(batcher.Add(Row("a")));  // Small: sent.
  EXPECT_EQ(batcher.refused_bytes(), 0u);
  EXPECT_FALSE(batcher.Add(Row(std::string(1000, 'c'))));
  EXPECT_EQ(batcher.refused_bytes(), one_big.ByteSizeLong());
  EXPECT_TRUE(batcher.failed());
  EXPECT_FALSE(batcher.Add(Row("d")));
  EXPECT_FALSE(batcher.Finish());
  ASSERT_EQ(recorder.batches.size(), 1u);  // The big row was never sent.

  // Exactly at the bound it goes.
  Recorder exact_recorder;
  limits.max_message_bytes = one_big.ByteSizeLong();
  RowBatcher exact(limits, exact_recorder.Sink());
  EXPECT_TRUE(exact.Add(Row(std::string(1000, 'c'))));
  EXPECT_EQ(exact.refused_bytes(), 0u);
  EXPECT_EQ(exact_recorder.batches.size(), 1u);
}

TEST(RowBatcherTest, StopsAfterAFailedSend) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_rows = 1;
  RowBatcher batcher(limits, recorder.Sink(/*fail_at=*/2));
  EXPECT_TRUE(batcher.Add(Row("a")));
  EXPECT_FALSE(batcher.Add(Row("b")));
  EXPECT_FALSE(batcher.Add(Row("c")));
  EXPECT_FALSE(batcher.Finish());
  EXPECT_EQ(recorder.batches.size(), 2u);
}

// Builds a row like Row(name) in place.
void StartNamed(RowBatcher& batcher, const std::string& name) {
  kg::v1::QueryRow* row = batcher.StartRow();
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->bindings_size(), 0) << "StartRow must give an empty row";
  kg::v1::Binding* binding = row->add_bindings();
  binding->set_variable("x");
  binding->mutable_value()->set_entity(name);
}

TEST(RowBatcherTest, InPlaceRowsSplitAndKeepOrderAcrossBatches) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_rows = 2;
  RowBatcher batcher(limits, recorder.Sink());
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    StartNamed(batcher, name);
    ASSERT_TRUE(batcher.CommitRow());
  }
  ASSERT_TRUE(batcher.Finish());
  EXPECT_TRUE(recorder.finished);
  EXPECT_EQ(recorder.batches,
            (std::vector<std::vector<std::string>>{
                {"a", "b"}, {"c", "d"}, {"e"}}));
}

TEST(RowBatcherTest, InPlaceRowsSplitAtTheByteSizeLikeAddedRows) {
  const std::string long_name(100, 'a');
  RowBatchLimits limits;
  limits.max_bytes = 2 * Row(long_name).ByteSizeLong();
  Recorder added, in_place;
  RowBatcher by_add(limits, added.Sink());
  RowBatcher by_place(limits, in_place.Sink());
  for (int i = 0; i < 7; ++i) {
    const std::string name = long_name + std::to_string(i);
    ASSERT_TRUE(by_add.Add(Row(name)));
    StartNamed(by_place, name);
    ASSERT_TRUE(by_place.CommitRow());
  }
  ASSERT_TRUE(by_add.Finish());
  ASSERT_TRUE(by_place.Finish());
  EXPECT_EQ(in_place.batches, added.batches);
  EXPECT_EQ(in_place.batches.size(), 4u);
}

TEST(RowBatcherTest, DiscardedRowIsNotSent) {
  Recorder recorder;
  RowBatcher batcher(RowBatchLimits(), recorder.Sink());
  StartNamed(batcher, "dropped");
  batcher.DiscardRow();
  EXPECT_TRUE(batcher.Finish());
  EXPECT_TRUE(recorder.batches.empty());
}

TEST(RowBatcherTest, MixedAddAndInPlaceKeepOrder) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_rows = 3;
  RowBatcher batcher(limits, recorder.Sink());
  ASSERT_TRUE(batcher.Add(Row("a")));
  StartNamed(batcher, "b");
  ASSERT_TRUE(batcher.CommitRow());
  StartNamed(batcher, "x");
  batcher.DiscardRow();
  ASSERT_TRUE(batcher.Add(Row("c")));
  StartNamed(batcher, "d");
  ASSERT_TRUE(batcher.CommitRow());
  ASSERT_TRUE(batcher.Add(Row("e")));
  ASSERT_TRUE(batcher.Finish());
  EXPECT_EQ(recorder.batches,
            (std::vector<std::vector<std::string>>{{"a", "b", "c"},
                                                   {"d", "e"}}));
}

TEST(RowBatcherTest, InPlaceRowsAfterAFailedSendAreDropped) {
  Recorder recorder;
  RowBatchLimits limits;
  limits.max_rows = 1;
  RowBatcher batcher(limits, recorder.Sink(/*fail_at=*/1));
  StartNamed(batcher, "a");
  EXPECT_FALSE(batcher.failed());
  EXPECT_FALSE(batcher.CommitRow());
  EXPECT_TRUE(batcher.failed());
  StartNamed(batcher, "b");
  EXPECT_FALSE(batcher.CommitRow());
  EXPECT_FALSE(batcher.Finish());
  EXPECT_EQ(recorder.batches,
            (std::vector<std::vector<std::string>>{{"a"}}));
}

}  // namespace
}  // namespace kg::graph
