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

TEST(Utf8Test, AppendUtf8EncodesEveryLength) {
  std::string out;
  for (uint32_t cp : {0x41u, 0xE9u, 0x2019u, 0x1F601u}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x81");
  EXPECT_TRUE(ValidateUtf8(out).ok());
  EXPECT_EQ(CountCodePoints(out), 4u);
}

}  // namespace
}  // namespace kg
