#include "graph_service/store/graph_store.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {
namespace {

using ::testing::HasSubstr;

kg::v1::Fact GoodFact() {
  kg::v1::Fact f;
  f.set_subject("Jane Connors");
  f.set_predicate("works_for");
  f.mutable_value()->set_entity("Acme Corp");
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id("doc-1");
  e->set_sentence("Jane Connors works for Acme Corp.");
  e->set_begin(0);
  e->set_end(33);
  e->set_byte_begin(0);
  e->set_byte_end(33);
  e->set_rule("works_for.v1");
  e->set_confidence(0.9f);
  return f;
}

void ExpectInvalid(const kg::v1::Fact& f, const std::string& field) {
  const absl::Status s = ValidateFact(f);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr(field));
}

TEST(ValidateFactTest, AcceptsGoodFact) {
  EXPECT_TRUE(ValidateFact(GoodFact()).ok());
}

TEST(ValidateFactTest, AcceptsEveryValueKind) {
  kg::v1::Fact f = GoodFact();
  f.mutable_value()->set_text("chief executive");
  EXPECT_TRUE(ValidateFact(f).ok());
  f.mutable_value()->set_integer(-42);
  EXPECT_TRUE(ValidateFact(f).ok());
  for (const char* d : {"8.50", "-0.25", "0", "12"}) {
    f.mutable_value()->set_decimal(d);
    EXPECT_TRUE(ValidateFact(f).ok()) << d;
  }
  for (const char* d : {"2024-02-29", "1999-12-31", "2000-02-29"}) {
    f.mutable_value()->set_date(d);
    EXPECT_TRUE(ValidateFact(f).ok()) << d;
  }
}

TEST(ValidateFactTest, RejectsBadSubject) {
  kg::v1::Fact f = GoodFact();
  f.set_subject("");
  ExpectInvalid(f, "subject");
  f.set_subject("bad \xC3\x28 utf8");
  ExpectInvalid(f, "subject");
  f.set_subject("overlong \xC0\xAF");
  ExpectInvalid(f, "subject");
  f.set_subject("surrogate \xED\xA0\x80");
  ExpectInvalid(f, "subject");
}

TEST(ValidateFactTest, AcceptsMultibyteUtf8) {
  kg::v1::Fact f = GoodFact();
  f.set_subject("Zo\xC3\xAB M\xC3\xBCller \xE6\x9D\xB1 \xF0\x9F\x98\x80");
  EXPECT_TRUE(ValidateFact(f).ok());
}

TEST(ValidateFactTest, RejectsBadPredicate) {
  for (const char* p : {"", "WorksFor", "works-for", "works for", "_x", "x_",
                        "works__for", "1abc"}) {
    kg::v1::Fact f = GoodFact();
    f.set_predicate(p);
    ExpectInvalid(f, "predicate");
  }
  kg::v1::Fact f = GoodFact();
  f.set_predicate("born_in_2");
  EXPECT_TRUE(ValidateFact(f).ok());
}

TEST(ValidateFactTest, RejectsBadValue) {
  kg::v1::Fact f = GoodFact();
  f.clear_value();
  ExpectInvalid(f, "value");
  f.mutable_value()->set_entity("");
  ExpectInvalid(f, "value.entity");
  for (const char* d : {"8.", ".5", "1e3", "+1", "1,5", "", "--1", "NaN"}) {
    f.mutable_value()->set_decimal(d);
    ExpectInvalid(f, "value.decimal");
  }
  for (const char* d : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01",
                        "24-01-01", "2024/01/01", "2024-04-31", "1900-02-29"}) {
    f.mutable_value()->set_date(d);
    ExpectInvalid(f, "value.date");
  }
}

TEST(ValidateFactTest, RejectsBadEvidence) {
  kg::v1::Fact f = GoodFact();
  f.clear_evidence();
  ExpectInvalid(f, "evidence");

  for (float c : {0.0f, -0.5f, 1.01f, std::nanf("")}) {
    kg::v1::Fact g = GoodFact();
    g.mutable_evidence(0)->set_confidence(c);
    ExpectInvalid(g, "confidence");
  }
  kg::v1::Fact g = GoodFact();
  g.mutable_evidence(0)->set_confidence(1.0f);
  EXPECT_TRUE(ValidateFact(g).ok());

  g.mutable_evidence(0)->set_document_id("");
  ExpectInvalid(g, "evidence[0].document_id");

  kg::v1::Fact h = GoodFact();
  *h.add_evidence() = h.evidence(0);
  h.mutable_evidence(1)->set_byte_begin(40);
  h.mutable_evidence(1)->set_byte_end(10);
  ExpectInvalid(h, "evidence[1]");
}

TEST(ValidateFactTest, EveryFieldHasASizeLimitAtItsEdge) {
  struct Case {
    const char* field;
    size_t limit;
    void (*set)(kg::v1::Fact*, const std::string&);
  };
  const Case cases[] = {
      {"subject", kMaxNameBytes,
       [](kg::v1::Fact* f, const std::string& s) { f->set_subject(s); }},
      {"value.entity", kMaxNameBytes,
       [](kg::v1::Fact* f, const std::string& s) { f->mutable_value()->set_entity(s); }},
      {"value.text", kMaxTextValueBytes,
       [](kg::v1::Fact* f, const std::string& s) { f->mutable_value()->set_text(s); }},
      {"evidence[0].document_id", kMaxNameBytes,
       [](kg::v1::Fact* f, const std::string& s) {
         f->mutable_evidence(0)->set_document_id(s);
       }},
      {"evidence[0].sentence", kMaxSentenceBytes,
       [](kg::v1::Fact* f, const std::string& s) { f->mutable_evidence(0)->set_sentence(s); }},
      {"evidence[0].rule", kMaxPredicateBytes,
       [](kg::v1::Fact* f, const std::string& s) { f->mutable_evidence(0)->set_rule(s); }},
      {"predicate", kMaxPredicateBytes,
       [](kg::v1::Fact* f, const std::string& s) { f->set_predicate(s); }},
  };
  for (const Case& c : cases) {
    kg::v1::Fact f = GoodFact();
    c.set(&f, std::string(c.limit, 'a'));
    EXPECT_TRUE(ValidateFact(f).ok()) << c.field;
    c.set(&f, std::string(c.limit + 1, 'a'));
    ExpectInvalid(f, absl::StrCat(c.field, " is ", c.limit + 1,
                                  " bytes, over the limit of ", c.limit));
  }
}

}  // namespace
}  // namespace kg::graph
