#include "clients/cli/table.h"

#include <sstream>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

TEST(TableTest, AlignsColumnsByCodePoints) {
  Table table({"p", "org"});
  table.AddRow({"Zoë Hart", "North Unit"});
  table.AddRow({"Al", "X"});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "p         org\n"
            "--------  ----------\n"
            "Zoë Hart  North Unit\n"
            "Al        X\n");
}

TEST(TableTest, TruncatesLongCells) {
  Table table({"q"});
  table.AddRow({"abcdefghij"});
  std::ostringstream out;
  table.Print(out, 5);
  EXPECT_NE(out.str().find("abcd\xE2\x80\xA6"), std::string::npos);
  EXPECT_EQ(out.str().find("abcde"), std::string::npos);
}

TEST(TableTest, PadsShortRows) {
  Table table({"a", "b"});
  table.AddRow({"1"});
  EXPECT_EQ(table.row_count(), 1u);
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(), "a  b\n-  -\n1\n");
}

}  // namespace
}  // namespace kg::cli
