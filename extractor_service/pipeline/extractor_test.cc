#include "extractor_service/pipeline/extractor.h"

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

// A fictional release (curly quotes and a dash exercise the offset map).
constexpr char kRelease[] =
    "Greater Manchester Police Det Supt Priya Nandakumar said: \xE2\x80\x9C"
    "We will not tolerate knife crime.\xE2\x80\x9D\n"
    "Officers from GMP\xE2\x80\x99s Salford Tactical Team \xE2\x80\x93 set up "
    "last year \xE2\x80\x93 will tackle burglary in Salford.\n";

class ExtractorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ExtractorOptions options;
    options.data_dir = std::string(std::getenv("TEST_SRCDIR")) +
                       "/kg/extractor_service/data";
    options.max_document_bytes = 4096;
    auto e = Extractor::Create(options);
    ASSERT_TRUE(e.ok()) << e.status();
    extractor_ = std::move(*e);
  }

  std::vector<kg::v1::Fact> Extract(const std::string& text) {
    kg::v1::Document doc;
    doc.set_id("doc-1");
    doc.set_text(text);
    auto facts = extractor_->Extract(doc);
    EXPECT_TRUE(facts.ok()) << facts.status();
    return facts.ok() ? *facts : std::vector<kg::v1::Fact>{};
  }

  static const kg::v1::Fact* Find(const std::vector<kg::v1::Fact>& facts,
                                  const std::string& s, const std::string& p,
                                  const std::string& value) {
    for (const kg::v1::Fact& f : facts) {
      if (f.subject() == s && f.predicate() == p &&
          (f.value().entity() == value || f.value().text() == value)) {
        return &f;
      }
    }
    return nullptr;
  }

  std::unique_ptr<Extractor> extractor_;
};

TEST_F(ExtractorTest, CreateFailsOnMissingData) {
  ExtractorOptions options;
  options.data_dir = "/nonexistent";
  EXPECT_EQ(Extractor::Create(options).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ExtractorTest, RejectsBadDocuments) {
  kg::v1::Document doc;
  doc.set_text("Some text.");
  EXPECT_EQ(extractor_->Extract(doc).status().code(),
            absl::StatusCode::kInvalidArgument);
  doc.set_id("x");
  doc.set_text(" \n\t ");
  EXPECT_EQ(extractor_->Extract(doc).status().code(),
            absl::StatusCode::kInvalidArgument);
  doc.set_text(std::string(5000, 'a'));
  EXPECT_EQ(extractor_->Extract(doc).status().code(),
            absl::StatusCode::kInvalidArgument);
  doc.set_text("ok \xC3(");
  absl::Status s = extractor_->Extract(doc).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte 4"), std::string::npos) << s;
}

TEST_F(ExtractorTest, FindsFactsWithExactEvidence) {
  const std::string text = kRelease;
  std::vector<kg::v1::Fact> facts = Extract(text);
  const kg::v1::Fact* role =
      Find(facts, "Priya Nandakumar", "has_role", "Detective Superintendent");
  ASSERT_NE(role, nullptr);
  const kg::v1::Evidence& e = role->evidence(0);
  EXPECT_EQ(e.document_id(), "doc-1");
  EXPECT_EQ(e.rule(), "has_role.rank_before_name");
  EXPECT_GT(e.confidence(), 0.0f);
  EXPECT_EQ(text.substr(e.byte_begin(), e.byte_end() - e.byte_begin()),
            e.sentence());
  EXPECT_EQ(e.begin(), 0u);
  EXPECT_EQ(e.byte_end() - e.end(), 4u);  // two 3-byte curly quotes

  const kg::v1::Fact* said = Find(facts, "Priya Nandakumar", "said",
                                  "We will not tolerate knife crime.");
  ASSERT_NE(said, nullptr);
  const kg::v1::Fact* unit = Find(facts, "Salford Tactical Team", "part_of",
                                  "Greater Manchester Police");
  ASSERT_NE(unit, nullptr);
  const kg::v1::Evidence& u = unit->evidence(0);
  EXPECT_EQ(u.sentence().substr(0, 13), "Officers from");
  // Second sentence starts after 1 + (line one code points).
  EXPECT_EQ(u.begin(), e.end() + 1);
  EXPECT_EQ(u.byte_begin(), e.byte_end() + 1);
  EXPECT_NE(Find(facts, "Salford Tactical Team", "targets", "burglary"), nullptr);
  EXPECT_NE(Find(facts, "burglary", "type", "CrimeType"), nullptr);
  EXPECT_NE(Find(facts, "Salford Tactical Team", "type", "Unit"), nullptr);
  EXPECT_NE(Find(facts, "Greater Manchester Police", "alias", "GMP"), nullptr);
}

// Speed is measured by bench/extractor, not asserted here.
TEST_F(ExtractorTest, Deterministic) {
  std::string text;
  while (text.size() < 3500) text += kRelease;
  std::vector<kg::v1::Fact> first = Extract(text);
  std::vector<kg::v1::Fact> second = Extract(text);
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].SerializeAsString(), second[i].SerializeAsString());
  }
}

TEST_F(ExtractorTest, HtmlEvidencePointsIntoTheHtmlAsSent) {
  const std::string html =
      "<!DOCTYPE html><html><body><h1>Arrests</h1>"
      "<p>Officers from the <a href=\"/u\">Burglary Taskforce</a> made "
      "arrests.</p><p>Det Supt Carol Baines said: &ldquo;We will not "
      "stop.&rdquo;</p></body></html>";
  const auto facts = Extract(html);
  const kg::v1::Fact* role = Find(facts, "Carol Baines", "has_role",
                                  "Detective Superintendent");
  ASSERT_NE(role, nullptr);
  const kg::v1::Evidence& e = role->evidence(0);
  EXPECT_EQ(html.substr(e.byte_begin(), e.byte_end() - e.byte_begin()),
            e.sentence());
  EXPECT_EQ(e.sentence(),
            "Det Supt Carol Baines said: &ldquo;We will not stop.&rdquo;");
  EXPECT_NE(Find(facts, "Carol Baines", "said", "We will not stop."), nullptr);
  const kg::v1::Fact* target = Find(facts, "Burglary Taskforce", "targets", "burglary");
  ASSERT_NE(target, nullptr);
  EXPECT_NE(target->evidence(0).sentence().find("<a href"), std::string::npos);
}

}  // namespace
}  // namespace kg::extractor
