#include "common/value_text.h"

#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(ValueTextTest, EveryKind) {
  kg::v1::Value value;
  EXPECT_EQ(ValueLexicalForm(value), "");
  value.set_entity("Ada Brook");
  EXPECT_EQ(ValueLexicalForm(value), "Ada Brook");
  value.set_text("Commander");
  EXPECT_EQ(ValueLexicalForm(value), "Commander");
  value.set_integer(-9223372036854775807 - 1);
  EXPECT_EQ(ValueLexicalForm(value), "-9223372036854775808");
  value.set_decimal("8.50");
  EXPECT_EQ(ValueLexicalForm(value), "8.50");
  value.set_date("2021-05-01");
  EXPECT_EQ(ValueLexicalForm(value), "2021-05-01");
}

}  // namespace
}  // namespace kg
