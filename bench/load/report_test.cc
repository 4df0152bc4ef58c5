#include "bench/load/report.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/load/load_workers.h"
#include "gtest/gtest.h"

namespace kg::load {
namespace {

TEST(JsonSafeTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonSafe("a\"b\\c\nd"), "a\\\"b\\\\c\\u000ad");
  EXPECT_EQ(JsonSafe("plain"), "plain");
}

TEST(WindowJsonTest, CarriesCountsPercentilesAndMemory) {
  std::vector<KindSummary> kinds(kOperationKindCount);
  const std::vector<std::string> names = OperationKindNames();
  for (size_t i = 0; i < kinds.size(); ++i) kinds[i].kind = names[i];
  kinds[kAllIngests].ok = 12;
  kinds[kAllIngests].p99_ms = 45.5;
  kinds[kAllReads].failed = 3;
  WindowSample sample;
  sample.index = 4;
  sample.elapsed = absl::Seconds(50);
  sample.graph.rss_kb = 2048;
  sample.store.ok = true;
  sample.store.facts = 77;
  const std::string line = WindowJson(sample, kinds);
  EXPECT_NE(line.find("\"window\": 4,"), std::string::npos) << line;
  EXPECT_NE(line.find("\"ingest_ok\": 12,"), std::string::npos) << line;
  EXPECT_NE(line.find("\"ingest_p99_ms\": 45.50"), std::string::npos) << line;
  EXPECT_NE(line.find("\"read_failed\": 3,"), std::string::npos) << line;
  EXPECT_NE(line.find("\"graph_rss_mb\": 2.0,"), std::string::npos) << line;
  EXPECT_NE(line.find("\"facts\": 77,"), std::string::npos) << line;
  EXPECT_NE(line.find("\"neighbourhood\": {"), std::string::npos) << line;
  EXPECT_EQ(line.front(), '{');
  EXPECT_EQ(line.back(), '}');
}

TEST(VerdictJsonTest, NamesTheReasonWhenUnbounded) {
  RssVerdict verdict;
  verdict.bounded = false;
  verdict.reason = "grew";
  const std::string json = VerdictJson("graph", verdict, 4096);
  EXPECT_NE(json.find("\"bounded\": false, \"reason\": \"grew\""),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"peak_rss_mb\": 4.0"), std::string::npos) << json;
}

TEST(DirectoryBytesTest, SumsFilesRecursively) {
  const std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/sizes";
  std::filesystem::create_directories(dir + "/sub");
  std::ofstream(dir + "/a") << std::string(100, 'x');
  std::ofstream(dir + "/sub/b") << std::string(23, 'y');
  EXPECT_EQ(DirectoryBytes(dir), 123);
  EXPECT_EQ(DirectoryBytes(dir + "/missing"), 0);
}

TEST(LoadAverageTest, ReadsProc) { EXPECT_GE(LoadAverage(), 0); }

}  // namespace
}  // namespace kg::load
