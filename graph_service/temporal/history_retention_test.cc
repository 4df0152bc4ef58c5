#include "graph_service/temporal/history_retention.h"

#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

// One document written and deleted: one history record, retracted now.
void WriteAndDelete(GraphStore* store) {
  kg::v1::Fact f;
  f.set_subject("Ann");
  f.set_predicate("leads");
  f.mutable_value()->set_entity("Op X");
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id("d1");
  e->set_sentence("Ann leads Op X.");
  e->set_byte_end(15);
  e->set_rule("r");
  e->set_confidence(1);
  ASSERT_TRUE(store->ReplaceDocument("d1", "", {f}).ok());
  ASSERT_TRUE(store->DeleteDocument("d1").ok());
}

uint64_t HistoryRecords(const GraphStore& store) {
  return store.GetHistoryInfo()->records;
}

TEST(HistoryRetentionTest, PurgesOnlyWhatIsOlderThanTheRetention) {
  MemoryGraphStore store;
  WriteAndDelete(&store);
  std::vector<std::string> lines;
  HistoryRetention retention(&store, absl::Hours(1), absl::Hours(1),
                             [&](const std::string& l) { lines.push_back(l); });
  const absl::Time now = absl::Now();
  EXPECT_EQ(*retention.PurgeOnce(now), 0u);
  EXPECT_EQ(HistoryRecords(store), 1u);
  EXPECT_EQ(*retention.PurgeOnce(now + absl::Hours(2)), 1u);
  EXPECT_EQ(HistoryRecords(store), 0u);
  ASSERT_FALSE(lines.empty());
  EXPECT_THAT(lines.back(), ::testing::HasSubstr("1 record(s) retracted before"));
  EXPECT_GT(store.GetHistoryInfo()->complete_from_micros, 0);
  EXPECT_LE(store.GetHistoryInfo()->complete_from_micros,
            absl::ToUnixMicros(now));
}

TEST(HistoryRetentionTest, InfiniteRetentionKeepsEverything) {
  MemoryGraphStore store;
  WriteAndDelete(&store);
  HistoryRetention retention(&store, absl::InfiniteDuration(), absl::Hours(1),
                             [](const std::string&) {});
  EXPECT_EQ(*retention.PurgeOnce(absl::Now() + absl::Hours(1e6)), 0u);
  EXPECT_EQ(HistoryRecords(store), 1u);
}

TEST(HistoryRetentionTest, ThreadPurgesEveryPeriod) {
  MemoryGraphStore store;
  HistoryRetention retention(&store, absl::ZeroDuration(),
                             absl::Milliseconds(10), [](const std::string&) {});
  WriteAndDelete(&store);
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (HistoryRecords(store) > 0 && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  EXPECT_EQ(HistoryRecords(store), 0u);
}

TEST(HistoryRetentionTest, RefusesSettingsItCannotHonour) {
  EXPECT_TRUE(CheckHistoryRetention(absl::Hours(24), absl::Hours(1)).ok());
  EXPECT_TRUE(CheckHistoryRetention(absl::InfiniteDuration(), absl::Hours(1)).ok());
  EXPECT_TRUE(CheckHistoryRetention(absl::ZeroDuration(), absl::Seconds(1)).ok());
  EXPECT_FALSE(CheckHistoryRetention(-absl::Hours(1), absl::Hours(1)).ok());
  EXPECT_FALSE(CheckHistoryRetention(absl::Hours(1), absl::ZeroDuration()).ok());
  EXPECT_FALSE(
      CheckHistoryRetention(absl::Hours(1), absl::InfiniteDuration()).ok());
}

}  // namespace
}  // namespace kg::graph
