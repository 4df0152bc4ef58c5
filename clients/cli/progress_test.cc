#include "clients/cli/progress.h"

#include <algorithm>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

IngestProgress Halfway() {
  IngestProgress p;
  p.total = 40;
  p.done = 20;
  p.errors = 1;
  p.facts = 212;
  p.facts_new = 200;
  p.unchanged = 2;
  p.elapsed = absl::Seconds(4);
  return p;
}

TEST(ProgressTest, BarShowsRateFactsErrors) {
  const std::string bar = RenderProgressBar(Halfway(), 80);
  EXPECT_EQ(bar.rfind(" 50% [", 0), 0u) << bar;
  EXPECT_NE(bar.find("20/40 docs  5.0 docs/s  212 facts  1 error"),
            std::string::npos) << bar;
  EXPECT_EQ(bar.size(), 80u);
  const size_t open = bar.find('['), close = bar.find(']');
  const std::string cells = bar.substr(open + 1, close - open - 1);
  EXPECT_EQ(static_cast<size_t>(std::count(cells.begin(), cells.end(), '#')), cells.size() / 2);
}

TEST(ProgressTest, NarrowTerminalKeepsTenCells) {
  const std::string bar = RenderProgressBar(Halfway(), 20);
  const size_t open = bar.find('['), close = bar.find(']');
  EXPECT_EQ(close - open - 1, 10u);
}

TEST(ProgressTest, Summary) {
  EXPECT_EQ(RenderSummary(Halfway()),
            "ingested 19 of 40 documents in 4.0s (5.0 docs/s): 212 facts, 200 "
            "new, 2 unchanged, 1 error");
  IngestProgress empty;
  EXPECT_EQ(DocumentsPerSecond(empty), 0.0);
  EXPECT_NE(RenderProgressBar(empty, 60).find("100%"), std::string::npos);
}

}  // namespace
}  // namespace kg::cli
