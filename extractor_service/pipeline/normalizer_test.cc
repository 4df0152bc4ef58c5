#include "extractor_service/pipeline/normalizer.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

TEST(NormalizerTest, MapsCurlyPunctuationToAscii) {
  const std::string doc =
      "the Force\xE2\x80\x99s \xE2\x80\x9Cplan\xE2\x80\x9D \xE2\x80\x93 "
      "a\xC2\xA0" "b";
  NormalizedText n(doc);
  EXPECT_EQ(n.text(), "the Force's \"plan\" - a b");
}

TEST(NormalizerTest, OffsetsLeadBackToOriginal) {
  const std::string doc = "Force\xE2\x80\x99s unit";
  NormalizedText n(doc);
  ASSERT_EQ(n.text(), "Force's unit");
  EXPECT_EQ(n.ToOriginal(5), 5u);
  EXPECT_EQ(n.ToOriginal(6), 8u);
  EXPECT_EQ(n.OriginalSlice(0, 7), "Force\xE2\x80\x99s");
  EXPECT_EQ(n.OriginalSlice(8, 12), "unit");
  EXPECT_EQ(n.ToOriginal(12), doc.size());
}

TEST(NormalizerTest, KeepsOtherMultibyteCharacters) {
  const std::string doc = "\xC2\xA3" "8.5 million";
  NormalizedText n(doc);
  EXPECT_EQ(n.text(), doc);
  EXPECT_EQ(n.OriginalSlice(0, 2), "\xC2\xA3");
}

}  // namespace
}  // namespace kg::extractor
