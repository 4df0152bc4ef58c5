#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "graph_service/io/exporter.h"
#include "graph_service/io/importer.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph::io {
namespace {

kg::v1::Fact MakeFact(const std::string& s, const std::string& p,
                      const kg::v1::Value& v, const std::string& doc,
                      uint32_t offset) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  *fact.mutable_value() = v;
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat("Sentence ", offset, " about ", s, " — “quoted”."));
  e->set_begin(offset);
  e->set_end(offset + 20);
  e->set_byte_begin(offset);
  e->set_byte_end(offset + 24);
  e->set_rule("rule_" + p);
  e->set_confidence(0.7f);
  return fact;
}

std::vector<kg::v1::Fact> Sample() {
  kg::v1::Value entity, text, integer, decimal, date;
  entity.set_entity("Operation Quill");
  text.set_text("Chief \"Inspector\"\nof Ward 3");
  integer.set_integer(1234567890123);
  decimal.set_decimal("-0.25");
  date.set_date("2024-02-29");
  std::vector<kg::v1::Fact> facts = {
      MakeFact("Ann Reed", "leads", entity, "doc one", 0),
      MakeFact("Ann Reed", "has_role", text, "doc one", 30),
      MakeFact("Operation Quill", "arrests", integer, "doc two", 5),
      MakeFact("Operation Quill", "share", decimal, "doc two", 50),
      MakeFact("Operation Quill", "started", date, "doc/3%", 7),
      MakeFact("Ann Reed", "leads", entity, "doc two", 90)};
  facts[1].mutable_evidence(0)->set_reported_date("2021-06-02");
  kg::v1::Evidence* derived = facts[0].add_evidence();
  *derived = facts[0].evidence(0);
  derived->set_rule("some_rule");
  derived->set_byte_begin(0);
  derived->set_byte_end(0);
  kg::v1::Triple* premise = derived->add_premises();
  premise->set_subject("Ann Reed");
  premise->set_predicate("has_role");
  *premise->mutable_value() = text;
  return facts;
}

std::string Export(const GraphStore& store, kg::v1::ExportFormat format,
                   size_t chunk_bytes = 100) {
  std::string out;
  ExportOptions options;
  options.format = format;
  options.chunk_bytes = chunk_bytes;
  const absl::Status status = ExportStore(store, options, [&](absl::string_view c) {
    EXPECT_EQ(c.back(), '\n');
    out.append(c.data(), c.size());
    return true;
  });
  EXPECT_TRUE(status.ok()) << status;
  return out;
}

std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Feeds `text` in awkward 7-byte pieces.
absl::StatusOr<ImportStats> Import(GraphStore& store, kg::v1::ExportFormat format,
                                   const std::string& text) {
  Importer importer(format, [&](const std::vector<kg::v1::Fact>& facts) {
    return store.ImportFacts(facts);
  }, /*batch_facts=*/2);
  for (size_t i = 0; i < text.size(); i += 7) {
    const absl::Status s = importer.Feed(absl::string_view(text).substr(i, 7));
    if (!s.ok()) return s;
  }
  return importer.Finish();
}

class ExportImportTest : public ::testing::TestWithParam<bool> {
 protected:
  std::unique_ptr<GraphStore> NewStore() {
    if (!GetParam()) return std::make_unique<MemoryGraphStore>();
    static int counter = 0;
    RocksDbGraphStoreOptions options;
    options.path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/io-", ++counter);
    options.sync_writes = false;
    return *RocksDbGraphStore::Open(options);
  }
};

TEST_P(ExportImportTest, JsonLinesRoundTripIsExact) {
  std::unique_ptr<GraphStore> source = NewStore();
  ASSERT_TRUE(source->AddFacts(Sample()).ok());
  const std::string exported = Export(*source, kg::v1::JSONL);
  EXPECT_EQ(SortedLines(exported).size(), 5u);  // Five distinct facts.
  std::unique_ptr<GraphStore> copy = NewStore();
  absl::StatusOr<ImportStats> stats = Import(*copy, kg::v1::JSONL, exported);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->facts_new, 5u);
  EXPECT_EQ(stats->evidence_new, 7u);
  // Same facts, same evidence, same ingestion times.
  EXPECT_EQ(SortedLines(Export(*copy, kg::v1::JSONL)), SortedLines(exported));
  EXPECT_NE(exported.find("\"reportedDate\":\"2021-06-02\""), std::string::npos)
      << exported;
  EXPECT_EQ(*copy->ListDocumentInfo(), *source->ListDocumentInfo());
  // Importing again adds nothing.
  stats = Import(*copy, kg::v1::JSONL, exported);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->evidence_new, 0u);
}

TEST_P(ExportImportTest, NQuadsKeepFactsAndDocuments) {
  std::unique_ptr<GraphStore> source = NewStore();
  ASSERT_TRUE(source->AddFacts(Sample()).ok());
  const std::string quads = Export(*source, kg::v1::NQUADS);
  EXPECT_EQ(SortedLines(quads).size(), 6u);  // Two records share a document.
  EXPECT_THAT(quads, ::testing::HasSubstr(
      "<urn:kg:entity:Ann%20Reed> <urn:kg:predicate:leads> "
      "<urn:kg:entity:Operation%20Quill> <urn:kg:document:doc%20one> .\n"));
  std::unique_ptr<GraphStore> copy = NewStore();
  ASSERT_TRUE(Import(*copy, kg::v1::NQUADS, quads).ok());
  EXPECT_EQ(SortedLines(Export(*copy, kg::v1::NTRIPLES)),
            SortedLines(Export(*source, kg::v1::NTRIPLES)));
  std::vector<std::string> docs;
  const absl::StatusOr<std::vector<DocumentInfo>> infos = copy->ListDocumentInfo();
  for (const DocumentInfo& d : *infos) docs.push_back(d.document_id);
  EXPECT_THAT(docs, ::testing::ElementsAre("doc one", "doc two", "doc/3%"));

  std::unique_ptr<GraphStore> from_triples = NewStore();
  ASSERT_TRUE(Import(*from_triples, kg::v1::NTRIPLES,
                     Export(*source, kg::v1::NTRIPLES)).ok());
  EXPECT_EQ(from_triples->GetStats()->facts, 5u);
  EXPECT_THAT(*from_triples->ListDocuments(),
              ::testing::ElementsAre(std::string(kDefaultDocument)));
}

TEST_P(ExportImportTest, ImportErrorsNameTheLine) {
  std::unique_ptr<GraphStore> store = NewStore();
  absl::StatusOr<ImportStats> stats =
      Import(*store, kg::v1::NTRIPLES,
             "# comment\n\n<urn:kg:entity:a> <urn:kg:predicate:p> <urn:kg:entity:b> .\n"
             "<urn:kg:entity:a> <urn:kg:predicate:p> oops .\n");
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(stats.status().message(), ::testing::HasSubstr("line 4"));
  stats = Import(*store, kg::v1::JSONL, "{\"subject\": 3\n");
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  stats = Import(*store, kg::v1::JSONL,
                 "{\"subject\":\"a\",\"predicate\":\"Bad Predicate\","
                 "\"value\":{\"text\":\"x\"},\"evidence\":[{\"documentId\":\"d\","
                 "\"confidence\":1}]}");
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  stats = Import(*store, kg::v1::EXPORT_FORMAT_UNSPECIFIED, "x");
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Stores, ExportImportTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "RocksDb" : "Memory";
                         });

}  // namespace
}  // namespace kg::graph::io
