#include "clients/cli/row_format.h"

#include <sstream>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

kg::v1::QueryRow Row(const std::string& person, const std::string& role,
                     const std::string& sentence = "") {
  kg::v1::QueryRow row;
  kg::v1::Binding* p = row.add_bindings();
  p->set_variable("p");
  p->mutable_value()->set_entity(person);
  kg::v1::Binding* r = row.add_bindings();
  r->set_variable("r");
  r->mutable_value()->set_text(role);
  if (!sentence.empty()) {
    kg::v1::Fact* fact = row.add_support();
    fact->set_subject(person);
    fact->set_predicate("has_role");
    fact->mutable_value()->set_text(role);
    kg::v1::Evidence* e = fact->add_evidence();
    e->set_document_id("doc1");
    e->set_sentence(sentence);
    e->set_rule("r1");
  }
  return row;
}

std::string Print(RowFormat format, bool why,
                  const std::vector<kg::v1::QueryRow>& rows) {
  std::ostringstream out;
  RowPrinter printer(format, why, out);
  for (const auto& row : rows) printer.Add(row);
  printer.Finish();
  return out.str();
}

TEST(RowFormatTest, Table) {
  EXPECT_EQ(Print(RowFormat::kTable, false,
                  {Row("Ann Lee", "Sergeant"), Row("Bo", "Chief, \"Acting\"")}),
            "?p       ?r\n"
            "-------  -----------------\n"
            "Ann Lee  \"Sergeant\"\n"
            "Bo       \"Chief, \"Acting\"\"\n"
            "(2 rows)\n");
  EXPECT_EQ(Print(RowFormat::kTable, false, {}), "(0 rows)\n");
}

TEST(RowFormatTest, TableWhy) {
  EXPECT_EQ(Print(RowFormat::kTable, true, {Row("Ann", "Sgt", "Ann is a Sgt.")}),
            "?p = Ann   ?r = \"Sgt\"\n"
            "    <Ann> has_role \"Sgt\"\n"
            "        \xE2\x86\xB3 [doc1] Ann is a Sgt.\n"
            "(1 row)\n");
}

// Two patterns, two facts: each sentence under the fact it supports (a row
// must not seem to cite a sentence about someone else for its other fact).
TEST(RowFormatTest, TableWhyLabelsEachSentenceWithItsFact) {
  kg::v1::QueryRow row = Row("Ann", "Sgt", "Ann is a Sgt.");
  kg::v1::Fact* unit = row.add_support();
  unit->set_subject("Ann");
  unit->set_predicate("member_of");
  unit->mutable_value()->set_entity("Larchwood Unit");
  kg::v1::Evidence* e = unit->add_evidence();
  e->set_document_id("doc2");
  e->set_sentence("Ann joined the Larchwood Unit.");
  row.add_support();  // an unmatched OPTIONAL pattern: no line
  EXPECT_EQ(Print(RowFormat::kTable, true, {row}),
            "?p = Ann   ?r = \"Sgt\"\n"
            "    <Ann> has_role \"Sgt\"\n"
            "        \xE2\x86\xB3 [doc1] Ann is a Sgt.\n"
            "    <Ann> member_of <Larchwood Unit>\n"
            "        \xE2\x86\xB3 [doc2] Ann joined the Larchwood Unit.\n"
            "(1 row)\n");
}

TEST(RowFormatTest, CsvQuotesAndWhyColumn) {
  EXPECT_EQ(Print(RowFormat::kCsv, true, {Row("Bo", "Chief, \"Acting\"", "S.")}),
            "p,r,_sources\r\n"
            "Bo,\"Chief, \"\"Acting\"\"\",[doc1] S.\r\n");
}

TEST(RowFormatTest, TsvEscapes) {
  EXPECT_EQ(Print(RowFormat::kTsv, false, {Row("A\tB", "x\\y\nz")}),
            "p\tr\nA\\tB\tx\\\\y\\nz\n");
}

TEST(RowFormatTest, JsonAndJsonl) {
  EXPECT_EQ(Print(RowFormat::kJsonl, false, {Row("A", "x"), Row("B", "y")}),
            "{\"p\":\"A\",\"r\":\"x\"}\n{\"p\":\"B\",\"r\":\"y\"}\n");
  EXPECT_EQ(Print(RowFormat::kJson, false, {Row("A", "x"), Row("B", "y")}),
            "[{\"p\":\"A\",\"r\":\"x\"},\n {\"p\":\"B\",\"r\":\"y\"}]\n");
  EXPECT_EQ(Print(RowFormat::kJson, false, {}), "[]\n");
  EXPECT_EQ(RowToJson(Row("A", "x", "S."), true),
            "{\"p\":\"A\",\"r\":\"x\",\"_sources\":[{\"doc\":\"doc1\","
            "\"sentence\":\"S.\",\"rule\":\"r1\"}]}");
}

TEST(RowFormatTest, ParseFormat) {
  EXPECT_EQ(*ParseRowFormat("tsv"), RowFormat::kTsv);
  EXPECT_FALSE(ParseRowFormat("xml").ok());
}

}  // namespace
}  // namespace kg::cli

namespace kg::cli {
namespace {

TEST(EvidenceSourceTest, DerivedEvidenceNamesItsRule) {
  kg::v1::Evidence read;
  read.set_document_id("d1");
  read.set_sentence("Insp Ann Lee leads Operation Alder.");
  EXPECT_EQ(EvidenceSource(read), "[d1] Insp Ann Lee leads Operation Alder.");
  kg::v1::Evidence derived;
  derived.set_document_id("d1");
  derived.set_rule("leads_via_crime_area");
  derived.add_premises()->set_subject("Ann Lee");
  derived.add_premises()->set_subject("Operation Alder");
  EXPECT_EQ(EvidenceSource(derived),
            "[d1] derived by rule leads_via_crime_area from 2 facts (see kg "
            "explain)");
}

TEST(EvidenceSourceTest, EvidenceReadAsOfThePastSaysWhenItWasRetracted) {
  kg::v1::Evidence old;
  old.set_document_id("d1");
  old.set_sentence("Insp Ann Lee leads Operation Alder.");
  old.set_retracted_at_micros(1772357400000250);
  EXPECT_EQ(EvidenceSource(old),
            "[d1, retracted 2026-03-01T09:30:00.000250Z] Insp Ann Lee leads "
            "Operation Alder.");
}

}  // namespace
}  // namespace kg::cli
