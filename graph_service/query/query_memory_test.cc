// The query memory guard (QueryOptions::max_memory_bytes) against what the
// allocator really hands out: grouping, de-duplication and ORDER BY must
// be charged at least what they hold, or a query passes its budget
// unnoticed (a GROUP BY over 1.25M facts once took 430 MB under a 256 MiB
// guard).
#include <malloc.h>

#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/query/result_collector.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

constexpr int kGroups = 50000;

int64_t HeapInUse() { return static_cast<int64_t>(mallinfo2().uordblks); }

class QueryMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<kg::v1::Fact> facts;
    for (int i = 0; i < kGroups; ++i) {
      kg::v1::Fact f;
      f.set_subject(absl::StrCat("Entity ", i));
      f.set_predicate("rel");
      f.mutable_value()->set_integer(i % 7);
      kg::v1::Evidence* e = f.add_evidence();
      e->set_document_id("d");
      e->set_sentence("s");
      e->set_byte_begin(static_cast<uint32_t>(i));
      e->set_byte_end(static_cast<uint32_t>(i) + 1);
      e->set_rule("r");
      e->set_confidence(1);
      facts.push_back(std::move(f));
    }
    ASSERT_TRUE(store_.AddFacts(facts).ok());
  }

  // Heap held when the first row is emitted (the groups or rows are all
  // built by then), above what it was before the query.
  int64_t HeldAtFirstRow(const std::string& query) {
    QueryOptions options;
    options.max_memory_bytes = 0;
    options.max_rows = 0;
    const int64_t before = HeapInUse();
    int64_t held = -1;
    const absl::Status status =
        ExecuteQuery(store_, query, options, [&](kg::v1::QueryRow) {
          if (held < 0) held = HeapInUse() - before;
          return true;
        });
    EXPECT_TRUE(status.ok()) << status;
    return held;
  }

  absl::Status RunWithin(const std::string& query, uint64_t bytes) {
    QueryOptions options;
    options.max_memory_bytes = bytes;
    options.max_rows = 0;
    return ExecuteQuery(store_, query, options,
                        [](kg::v1::QueryRow) { return true; });
  }

  MemoryGraphStore store_;
};

TEST_F(QueryMemoryTest, GroupByIsChargedAtLeastWhatItHolds) {
  const std::string query =
      "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s rel ?o } GROUP BY ?s";
  const int64_t held = HeldAtFirstRow(query);
  if (held <= 0) GTEST_SKIP() << "the allocator does not report its use";
  const uint64_t charged = kGroups * ResultCollector::GroupBytes(1, 1);
  std::cout << kGroups << " groups hold " << held << " heap bytes; charged "
            << charged << std::endl;
  EXPECT_GE(charged, static_cast<uint64_t>(held)) << "held " << held;
  EXPECT_LE(charged, 4 * static_cast<uint64_t>(held)) << "held " << held;
  // A budget below what the groups hold stops the query.
  EXPECT_EQ(RunWithin(query, static_cast<uint64_t>(held) * 9 / 10).code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(RunWithin(query, charged + (1 << 20)).ok());
}

TEST_F(QueryMemoryTest, DistinctRowsAreChargedAtLeastWhatTheyHold) {
  const std::string query = "SELECT DISTINCT ?s WHERE { ?s rel ?o }";
  const int64_t held = HeldAtFirstRow(query + " ORDER BY ?s");
  if (held <= 0) GTEST_SKIP() << "the allocator does not report its use";
  EXPECT_EQ(
      RunWithin(query + " ORDER BY ?s", static_cast<uint64_t>(held) * 9 / 10)
          .code(),
      absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace kg::graph
