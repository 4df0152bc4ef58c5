#include "common/flag_files.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace kg {
namespace {

using Kind = FlagPath::Kind;

std::string TempDir() { return std::getenv("TEST_TMPDIR"); }

TEST(CheckFlagPathsTest, UnsetFlagsAndGoodPathsPass) {
  const std::string file = TempDir() + "/cert.pem";
  std::ofstream(file) << "pem";
  EXPECT_TRUE(CheckFlagPaths({{"tls_cert", "", Kind::kReadableFile},
                              {"tls_key", file, Kind::kReadableFile},
                              {"data_dir", TempDir(), Kind::kDirectory}})
                  .ok());
}

TEST(CheckFlagPathsTest, MissingFileNamesFlagAndPath) {
  const absl::Status s = CheckFlagPaths(
      {{"tls_cert", "/nonexistent/cert.pem", Kind::kReadableFile}});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "--tls_cert=/nonexistent/cert.pem: No such file or directory");
}

TEST(CheckFlagPathsTest, DirectoryWhereFileExpectedAndTheReverse) {
  const std::string file = TempDir() + "/rules.txt";
  std::ofstream(file) << "x";
  EXPECT_EQ(CheckFlagPaths({{"rules", TempDir(), Kind::kReadableFile}}).message(),
            "--rules=" + TempDir() + ": is a directory, not a file");
  EXPECT_EQ(CheckFlagPaths({{"data_dir", file, Kind::kDirectory}}).message(),
            "--data_dir=" + file + ": not a directory");
}

TEST(CheckFlagPathsTest, FirstBadOneIsReported) {
  const absl::Status s =
      CheckFlagPaths({{"tls_key", "/missing/a", Kind::kReadableFile},
                      {"tls_cert", "/missing/b", Kind::kReadableFile}});
  EXPECT_NE(s.message().find("--tls_key=/missing/a"), absl::string_view::npos);
}

TEST(CheckFlagPathsTest, UnreadableFileFails) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  const std::string file = TempDir() + "/secret.key";
  std::ofstream(file) << "key";
  chmod(file.c_str(), 0);
  EXPECT_EQ(CheckFlagPaths({{"tls_key", file, Kind::kReadableFile}}).message(),
            "--tls_key=" + file + ": Permission denied");
}

}  // namespace
}  // namespace kg
