#include "common/malloc_tuning.h"

#include <cstdlib>
#include <vector>

#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(MallocTuningTest, GlibcAcceptsTheSettings) {
  EXPECT_TRUE(LimitMallocRetention());
}

TEST(MallocTuningTest, AllocationStillWorksAcrossTheThreshold) {
  ASSERT_TRUE(LimitMallocRetention());
  std::vector<void*> blocks;
  for (size_t bytes : {size_t{64}, size_t{200} << 10, size_t{300} << 10,
                       size_t{8} << 20}) {
    void* block = std::malloc(bytes);
    ASSERT_NE(block, nullptr) << bytes;
    static_cast<char*>(block)[bytes - 1] = 1;
    blocks.push_back(block);
  }
  for (void* block : blocks) std::free(block);
}

}  // namespace
}  // namespace kg
