#include "common/content_hash.h"

#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(ContentHashTest, KnownFnv1aVectors) {
  EXPECT_EQ(ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(ContentHash("a"), "af63dc4c8601ec8c");
}

TEST(ContentHashTest, DiffersOnOneByte) {
  EXPECT_NE(ContentHash("Operation A"), ContentHash("Operation B"));
}

}  // namespace
}  // namespace kg
