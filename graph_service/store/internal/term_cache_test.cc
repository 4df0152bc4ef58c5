#include "graph_service/store/internal/term_cache.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::graph::rocksdb_internal {
namespace {

TEST(TermCacheTest, FindsInsertedTermsBothWays) {
  TermCache cache(10);
  cache.Insert("eAlice", 7);
  EXPECT_EQ(cache.FindId("eAlice"), std::optional<TermId>(7));
  std::string bytes;
  ASSERT_TRUE(cache.FindTerm(7, &bytes));
  EXPECT_EQ(bytes, "eAlice");
  EXPECT_FALSE(cache.FindId("eBob").has_value());
  EXPECT_FALSE(cache.FindTerm(8, &bytes));
}

TEST(TermCacheTest, MissIsAbsentOnlyWhenComplete) {
  TermCache cache(10);
  bool absent = true;
  EXPECT_FALSE(cache.FindId("eBob", &absent).has_value());
  EXPECT_FALSE(absent);
  cache.MarkComplete();
  EXPECT_FALSE(cache.FindId("eBob", &absent).has_value());
  EXPECT_TRUE(absent);
  cache.Insert("eBob", 2);
  EXPECT_EQ(cache.FindId("eBob", &absent), std::optional<TermId>(2));
  EXPECT_FALSE(absent);
}

TEST(TermCacheTest, OverflowEmptiesAndLosesCompleteness) {
  TermCache cache(2);
  cache.MarkComplete();
  cache.Insert("a", 1);
  cache.Insert("b", 2);
  EXPECT_TRUE(cache.complete());
  cache.Insert("c", 3);
  EXPECT_FALSE(cache.complete());
  EXPECT_FALSE(cache.FindId("a").has_value());
  EXPECT_EQ(cache.FindId("c"), std::optional<TermId>(3));
  bool absent = true;
  EXPECT_FALSE(cache.FindId("a", &absent).has_value());
  EXPECT_FALSE(absent);  // Must be read from the store again.
}

}  // namespace
}  // namespace kg::graph::rocksdb_internal
