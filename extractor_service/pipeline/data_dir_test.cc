#include "extractor_service/pipeline/data_dir.h"

#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

TEST(DataDirTest, PrefersRunfilesNextToBinary) {
  const std::string tmp = std::getenv("TEST_TMPDIR");
  const std::string bin = tmp + "/server";
  for (const std::string& d :
       {bin + ".runfiles", bin + ".runfiles/kg", bin + ".runfiles/kg/extractor_service",
        bin + ".runfiles/kg/extractor_service/data"}) {
    mkdir(d.c_str(), 0755);
  }
  EXPECT_EQ(DefaultDataDir(bin.c_str()),
            bin + ".runfiles/kg/extractor_service/data");
}

TEST(DataDirTest, FallsBackToRelativePath) {
  unsetenv("RUNFILES_DIR");
  EXPECT_EQ(DefaultDataDir("/nonexistent/bin/server"), "extractor_service/data");
  EXPECT_EQ(DefaultDataDir(nullptr), "extractor_service/data");
}

}  // namespace
}  // namespace kg::extractor
