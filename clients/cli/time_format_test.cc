#include "clients/cli/time_format.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

kg::v1::Fact Stated(const std::string& s, const std::string& p,
                    const std::string& text,
                    std::vector<std::pair<std::string, std::string>> sources) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  fact.mutable_value()->set_text(text);
  for (const auto& [doc, date] : sources) {
    kg::v1::Evidence* e = fact.add_evidence();
    e->set_document_id(doc);
    e->set_sentence(s + " is " + text + ".");
    e->set_reported_date(date);
  }
  return fact;
}

TEST(TimeFormatTest, TimelineByReportedDateUndatedLast) {
  kg::v1::GetEntityResponse entity;
  *entity.add_outgoing() = Stated("Ana Ruiz", "has_role", "Superintendent",
                                  {{"b", "2021-05-01"}, {"c", ""}});
  *entity.add_outgoing() =
      Stated("Ana Ruiz", "has_role", "Chief Inspector", {{"a", "2020-02-01"}});
  *entity.add_outgoing() = Stated("Ana Ruiz", "alias", "Ms Ruiz", {{"a", "2020-02-01"}});
  const std::string out = RenderTimeline(entity);
  const size_t first = out.find("2020-02-01  Ana Ruiz has_role \"Chief Inspector\"");
  const size_t second = out.find("2021-05-01  Ana Ruiz has_role \"Superintendent\"");
  const size_t undated = out.find("undated     Ana Ruiz has_role \"Superintendent\"");
  ASSERT_NE(first, std::string::npos) << out;
  ASSERT_NE(second, std::string::npos) << out;
  ASSERT_NE(undated, std::string::npos) << out;
  EXPECT_LT(first, second);
  EXPECT_LT(second, undated);
  EXPECT_NE(out.find("[a] Ana Ruiz is Chief Inspector."), std::string::npos);
  EXPECT_EQ(out.find("Ms Ruiz"), std::string::npos);  // Aliases left out.
}

TEST(TimeFormatTest, ConflictsNameTheKindAndPeriods) {
  kg::v1::ConflictsResponse response;
  kg::v1::Conflict* c = response.add_conflicts();
  c->set_entity("Ana Ruiz");
  c->set_predicate("has_role");
  c->set_kind(kg::v1::Conflict::SUCCESSION);
  *c->add_facts() = Stated("Ana Ruiz", "has_role", "Chief Inspector",
                           {{"a", "2020-02-01"}, {"d", "2020-09-01"}});
  *c->add_facts() =
      Stated("Ana Ruiz", "has_role", "Superintendent", {{"b", "2021-05-01"}});
  const std::string out = RenderConflicts(response);
  EXPECT_NE(out.find("Ana Ruiz has_role: succession"), std::string::npos) << out;
  EXPECT_NE(out.find("2020-02-01 .. 2020-09-01"), std::string::npos) << out;
  EXPECT_NE(out.find("\"Superintendent\""), std::string::npos) << out;
  EXPECT_NE(out.find("2021-05-01 [b] Ana Ruiz is Superintendent."),
            std::string::npos) << out;
}

}  // namespace
}  // namespace kg::cli
