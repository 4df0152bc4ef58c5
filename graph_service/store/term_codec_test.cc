#include "graph_service/store/term_codec.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {
namespace {

kg::v1::Value Entity(const std::string& s) {
  kg::v1::Value v;
  v.set_entity(s);
  return v;
}
kg::v1::Value Text(const std::string& s) {
  kg::v1::Value v;
  v.set_text(s);
  return v;
}
kg::v1::Value Integer(int64_t i) {
  kg::v1::Value v;
  v.set_integer(i);
  return v;
}
kg::v1::Value Decimal(const std::string& s) {
  kg::v1::Value v;
  v.set_decimal(s);
  return v;
}
kg::v1::Value Date(const std::string& s) {
  kg::v1::Value v;
  v.set_date(s);
  return v;
}

std::string Encode(const kg::v1::Value& v) {
  absl::StatusOr<std::string> bytes = EncodeValueTerm(v);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : "";
}

void ExpectRoundTrip(const kg::v1::Value& v) {
  absl::StatusOr<kg::v1::Value> back = DecodeValueTerm(Encode(v));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->kind_case(), v.kind_case());
  EXPECT_EQ(back->SerializeAsString(), v.SerializeAsString())
      << v.DebugString() << " came back as " << back->DebugString();
}

TEST(TermCodecTest, ValuesRoundTripExactly) {
  ExpectRoundTrip(Entity("London"));
  ExpectRoundTrip(Text("London"));
  ExpectRoundTrip(Text(""));
  ExpectRoundTrip(Entity("Zo\xC3\xAB"));
  ExpectRoundTrip(Decimal("8.50"));
  ExpectRoundTrip(Decimal("-0.25"));
  ExpectRoundTrip(Date("2024-02-29"));
  for (int64_t i : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{255},
                    int64_t{-256}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    ExpectRoundTrip(Integer(i));
  }
}

TEST(TermCodecTest, DecimalKeepsEveryDigit) {
  absl::StatusOr<kg::v1::Value> back = DecodeValueTerm(Encode(Decimal("8.50")));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->decimal(), "8.50");
  EXPECT_NE(Encode(Decimal("8.50")), Encode(Decimal("8.5")));
}

TEST(TermCodecTest, TypeIsPartOfIdentity) {
  EXPECT_NE(Encode(Entity("London")), Encode(Text("London")));
  EXPECT_NE(Encode(Text("2024-01-01")), Encode(Date("2024-01-01")));
  EXPECT_NE(Encode(Text("12")), Encode(Decimal("12")));
  EXPECT_NE(EncodePredicateTerm("london"), Encode(Entity("london")));
  EXPECT_NE(EncodePredicateTerm("london"), Encode(Text("london")));
  EXPECT_EQ(EncodeEntityTerm("London"), Encode(Entity("London")));
}

TEST(TermCodecTest, IntegersSortNumerically) {
  const std::vector<int64_t> sorted = {
      std::numeric_limits<int64_t>::min(), -1000000, -256, -1, 0, 1, 255,
      1000000, std::numeric_limits<int64_t>::max()};
  for (size_t i = 1; i < sorted.size(); ++i) {
    EXPECT_LT(Encode(Integer(sorted[i - 1])), Encode(Integer(sorted[i])))
        << sorted[i - 1] << " vs " << sorted[i];
  }
  EXPECT_EQ(Encode(Integer(0)).size(), 9u);
}

TEST(TermCodecTest, DatesSortChronologically) {
  EXPECT_LT(Encode(Date("1999-12-31")), Encode(Date("2000-01-01")));
  EXPECT_LT(Encode(Date("2024-02-09")), Encode(Date("2024-02-10")));
}

TEST(TermCodecTest, PredicatesRoundTrip) {
  const std::string bytes = EncodePredicateTerm("works_for");
  EXPECT_TRUE(IsPredicateTerm(bytes));
  absl::StatusOr<std::string> back = DecodePredicateTerm(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "works_for");
  EXPECT_FALSE(DecodeValueTerm(bytes).ok());
  EXPECT_FALSE(DecodePredicateTerm(Encode(Entity("works_for"))).ok());
  EXPECT_FALSE(IsPredicateTerm(Encode(Text("works_for"))));
}

TEST(TermCodecTest, RejectsMalformedBytes) {
  EXPECT_FALSE(EncodeValueTerm(kg::v1::Value()).ok());
  EXPECT_FALSE(DecodeValueTerm("").ok());
  EXPECT_FALSE(DecodeValueTerm(std::string("\x01" "abc", 4)).ok());
  std::string short_int = Encode(Integer(7));
  short_int.pop_back();
  EXPECT_FALSE(DecodeValueTerm(short_int).ok());
  EXPECT_FALSE(DecodeValueTerm(Encode(Integer(7)) + "x").ok());
  EXPECT_FALSE(DecodePredicateTerm("").ok());
}

}  // namespace
}  // namespace kg::graph
