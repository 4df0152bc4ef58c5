#include "graph_service/store/internal/term_cache.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::graph::rocksdb_internal {
namespace {

TEST(TermCacheTest, FindsInsertedTermsBothWays) {
  TermCache cache(10, 1 << 20);
  cache.Insert("eAlice", 7);
  EXPECT_EQ(cache.FindId("eAlice"), std::optional<TermId>(7));
  std::string bytes;
  ASSERT_TRUE(cache.FindTerm(7, &bytes));
  EXPECT_EQ(bytes, "eAlice");
  EXPECT_FALSE(cache.FindId("eBob").has_value());
  EXPECT_FALSE(cache.FindTerm(8, &bytes));
}

TEST(TermCacheTest, MissIsAbsentOnlyWhenComplete) {
  TermCache cache(10, 1 << 20);
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

TEST(TermCacheTest, OverflowDropsHalfAndLosesCompleteness) {
  TermCache cache(2, 1 << 20);
  cache.MarkComplete();
  cache.Insert("a", 1);
  cache.Insert("b", 2);
  EXPECT_TRUE(cache.complete());
  cache.Insert("c", 3);  // Drops the odd ids.
  EXPECT_FALSE(cache.complete());
  EXPECT_FALSE(cache.FindId("a").has_value());
  EXPECT_EQ(cache.FindId("b"), std::optional<TermId>(2));
  EXPECT_EQ(cache.FindId("c"), std::optional<TermId>(3));
  cache.Insert("d", 4);  // Drops the even ids this time.
  EXPECT_FALSE(cache.FindId("b").has_value());
  EXPECT_EQ(cache.FindId("c"), std::optional<TermId>(3));
  EXPECT_EQ(cache.FindId("d"), std::optional<TermId>(4));
  EXPECT_EQ(cache.overflows(), 2u);
  bool absent = true;
  EXPECT_FALSE(cache.FindId("a", &absent).has_value());
  EXPECT_FALSE(absent);  // Must be read from the store again.
}

TEST(TermCacheTest, ByteBoundDropsEntriesAndCountsOverflows) {
  const std::string long_term(100, 'x');
  TermCache cache(1000, 2 * TermCache::EntryBytes(long_term));
  cache.MarkComplete();
  cache.Insert(long_term + "1", 1);
  EXPECT_EQ(cache.bytes(), TermCache::EntryBytes(long_term + "1"));
  cache.Insert(long_term + "2", 2);  // Over the bound: drops id 1.
  EXPECT_FALSE(cache.complete());
  EXPECT_EQ(cache.overflows(), 1u);
  EXPECT_FALSE(cache.FindId(long_term + "1").has_value());
  EXPECT_EQ(cache.FindId(long_term + "2"), std::optional<TermId>(2));
  EXPECT_EQ(cache.bytes(), TermCache::EntryBytes(long_term + "2"));
}

TEST(TermCacheTest, TermLargerThanTheBoundIsNotCached) {
  TermCache cache(1000, 64);
  cache.Insert(std::string(200, 'y'), 5);
  std::string bytes;
  EXPECT_FALSE(cache.FindTerm(5, &bytes));
  EXPECT_EQ(cache.bytes(), 0u);
}

}  // namespace
}  // namespace kg::graph::rocksdb_internal
