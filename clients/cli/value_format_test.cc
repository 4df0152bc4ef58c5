#include "clients/cli/value_format.h"

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

kg::v1::Value Entity(const std::string& name) {
  kg::v1::Value value;
  value.set_entity(name);
  return value;
}

kg::v1::Value Text(const std::string& text) {
  kg::v1::Value value;
  value.set_text(text);
  return value;
}

TEST(ValueFormatTest, EntityBareTextQuoted) {
  EXPECT_EQ(FormatValue(Entity("Ada Brook")), "Ada Brook");
  EXPECT_EQ(FormatValue(Text("Commander")), "\"Commander\"");
}

TEST(ValueFormatTest, NumbersAndDates) {
  kg::v1::Value value;
  value.set_integer(-42);
  EXPECT_EQ(FormatValue(value), "-42");
  EXPECT_EQ(ValueToJson(value), "-42");
  value.set_decimal("8.50");
  EXPECT_EQ(ValueToJson(value), "\"8.50\"");
  value.set_date("2021-05-01");
  EXPECT_EQ(FormatValue(value), "2021-05-01");
}

TEST(ValueFormatTest, JsonEscapes) {
  EXPECT_EQ(JsonString("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
  EXPECT_EQ(JsonString(std::string("\x01", 1)), "\"\\u0001\"");
  EXPECT_EQ(JsonString("caf\xc3\xa9 \xe2\x80\x99"), "\"caf\xc3\xa9 \xe2\x80\x99\"");
}

TEST(ValueFormatTest, InvalidUtf8BecomesReplacement) {
  EXPECT_EQ(JsonString("a\xff" "b"), "\"a\\ufffdb\"");
  EXPECT_EQ(JsonString("\xe2\x80"), "\"\\ufffd\\ufffd\"");
}

}  // namespace
}  // namespace kg::cli
