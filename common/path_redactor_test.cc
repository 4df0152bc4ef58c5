#include "common/path_redactor.h"

#include <filesystem>

#include "gtest/gtest.h"

namespace kg {
namespace {

using Paths = std::vector<std::pair<std::string, std::string>>;

TEST(PathRedactorTest, ReplacesEveryOccurrenceWithItsLabel) {
  const PathRedactor redactor(Paths{{"/var/lib/kg/graph", "<store>"},
                                     {"/var/backups/kg", "<backup dir>"}});
  EXPECT_EQ(redactor.Redact("rocksdb get (/var/lib/kg/graph): Corruption: "
                            "block checksum mismatch in "
                            "/var/lib/kg/graph/000123.sst"),
            "rocksdb get (<store>): Corruption: block checksum mismatch in "
            "<store>/000123.sst");
  EXPECT_EQ(redactor.Redact("cannot write /var/backups/kg/3"),
            "cannot write <backup dir>/3");
  EXPECT_EQ(redactor.Redact("no path here"), "no path here");
}

TEST(PathRedactorTest, LongestPathFirstAndRelativePathsAlsoAbsolute) {
  const PathRedactor redactor(
      Paths{{"/data", "<a>"}, {"/data/kg", "<store>"}, {"", "<x>"}});
  EXPECT_EQ(redactor.Redact("/data/kg/LOCK and /data/other"),
            "<store>/LOCK and <a>/other");
  const PathRedactor relative(Paths{{"kg-graph", "<store>"}});
  const std::string absolute = std::filesystem::absolute("kg-graph").string();
  EXPECT_EQ(relative.Redact(absolute + "/CURRENT"), "<store>/CURRENT");
}

}  // namespace
}  // namespace kg
