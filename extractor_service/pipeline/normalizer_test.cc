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

namespace kg::extractor {
namespace {

TEST(NormalizerHtmlTest, StripsMarkupAndKeepsOriginalOffsets) {
  const std::string doc =
      "<html><head><title>News</title><style>p{x:1}</style></head><body>"
      "<p>Insp <b>Carol</b> Baines said &ldquo;thanks&rdquo; &amp; left.</p>"
      "<!-- note --><p>Second&nbsp;line</p></body></html>";
  NormalizedText n(doc);
  ASSERT_TRUE(n.is_html());
  EXPECT_EQ(n.text(),
            "\nNews\n\nInsp Carol Baines said \"thanks\" & left.\n\nSecond line\n");
  const size_t insp = n.text().find("Insp");
  const size_t said_end = n.text().find("said") + 4;
  EXPECT_EQ(n.OriginalSlice(insp, said_end), "Insp <b>Carol</b> Baines said");
  const size_t quote = n.text().find('"');
  EXPECT_EQ(n.OriginalSlice(quote, quote + 1), "&ldquo;");
  const size_t amp = n.text().find('&');
  EXPECT_EQ(doc.substr(n.ToOriginal(amp), 5), "&amp;");
}

TEST(NormalizerHtmlTest, PlainTextIsNotHtml) {
  EXPECT_FALSE(LooksLikeHtml("Officers < 5 & more"));
  EXPECT_TRUE(LooksLikeHtml("  <!DOCTYPE html><p>x</p>"));
  NormalizedText n("a &amp; b");
  EXPECT_EQ(n.text(), "a &amp; b");
}

TEST(NormalizerHtmlTest, NumericReferencesAndBrokenMarkup) {
  NormalizedText n("<p>&#163;8.5 million &#x2019;s &bogus; <unclosed");
  EXPECT_EQ(n.text(), "\n\xC2\xA3" "8.5 million 's &bogus; ");
}

}  // namespace
}  // namespace kg::extractor
