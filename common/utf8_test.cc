#include "common/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace kg {
namespace {

TEST(Utf8Test, AcceptsAsciiAndMultibyte) {
  EXPECT_TRUE(ValidateUtf8("plain text").ok());
  EXPECT_TRUE(ValidateUtf8("Met\xE2\x80\x99s \xC2\xA3" "8.5m \xF0\x9F\x98\x81").ok());
  EXPECT_TRUE(ValidateUtf8("").ok());
}

TEST(Utf8Test, NamesOffsetOfFirstBadByte) {
  absl::Status s = ValidateUtf8("abc\xFFxyz");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte 3"), std::string::npos) << s.message();
}

TEST(Utf8Test, RejectsTruncatedSequence) {
  absl::Status s = ValidateUtf8("ab\xE2\x80");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte 4"), std::string::npos) << s.message();
}

TEST(Utf8Test, RejectsOverlongAndSurrogate) {
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());
  EXPECT_FALSE(ValidateUtf8("\xE0\x80\xAF").ok());
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80").ok());
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(CountCodePoints("Met\xE2\x80\x99s"), 5u);
  EXPECT_EQ(CountCodePoints(""), 0u);
}

}  // namespace
}  // namespace kg
