// AddBatch must leave the database byte for byte as the general WriteTxn
// does for the same add-only writes, through either sink.
#include "graph_service/store/internal/add_batch.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph_service/store/internal/rocksdb_keys.h"
#include "graph_service/store/internal/rocksdb_write_txn.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace kg::graph::rocksdb_internal {
namespace {

constexpr int64_t kNow = 1700000000000000;

// One opened database with its column families.
struct Db {
  std::shared_ptr<rocksdb::Cache> block_cache;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb_util::ColumnFamilies cfs;
  TermCache terms{1 << 20, size_t{1} << 30};

  explicit Db(const std::string& path) {
    std::filesystem::remove_all(path);
    const absl::Status s =
        rocksdb_util::OpenDb(path, size_t{64} << 20, &db, &handles, &block_cache);
    EXPECT_TRUE(s.ok()) << s;
    rocksdb_util::BindColumnFamilies(db.get(), path, handles, &cfs);
  }
  ~Db() {
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
  }

  // Every row of every column family, as "family|key" -> value.
  std::map<std::string, std::string> Dump() const {
    std::map<std::string, std::string> rows;
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      std::unique_ptr<rocksdb::Iterator> it(
          db->NewIterator(rocksdb::ReadOptions(), h));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        rows[absl::StrCat(h->GetName(), "|", it->key().ToString())] =
            it->value().ToString();
      }
      EXPECT_TRUE(it->status().ok());
    }
    return rows;
  }
};

// The add path as RocksDbGraphStore ran it on WriteTxn.
// With `hashed_document`: a first version of that document, as
// ReplaceDocument wrote it on WriteTxn.
WriteStats AddWithTxn(Db& db, const std::vector<kg::v1::Fact>& facts,
                      const std::string& hashed_document = "") {
  WriteStats stats;
  WriteTxn txn(db.cfs, kNow, /*keep_ingested_at=*/false, &db.terms);
  if (!hashed_document.empty()) txn.SetContentHash(hashed_document, "sha:1");
  EXPECT_TRUE(txn.PrefetchTerms(facts).ok());
  for (const kg::v1::Fact& fact : facts) {
    absl::StatusOr<IdTriple> ids = txn.InternFact(fact);
    EXPECT_TRUE(ids.ok());
    for (const kg::v1::Evidence& e : fact.evidence()) {
      EXPECT_TRUE(txn.PutEvidence(*ids, e, /*update_changed=*/false).ok());
    }
  }
  EXPECT_TRUE(txn.Commit(/*sync=*/false, &stats).ok());
  return stats;
}

WriteStats AddWithBatch(Db& db, const std::vector<kg::v1::Fact>& facts,
                        bool table_files,
                        const std::string& hashed_document = "") {
  WriteStats stats;
  AddBatch batch(db.cfs, &db.terms, kNow, /*keep_ingested_at=*/false);
  if (!hashed_document.empty()) batch.SetContentHash(hashed_document, "sha:1");
  batch.Reserve(facts);
  for (const kg::v1::Fact& fact : facts) EXPECT_TRUE(batch.Add(fact).ok());
  EXPECT_TRUE(batch.Build(&stats).ok());
  if (table_files) {
    TableFileSink sink(db.cfs, db.cfs.path + ".bulk");
    EXPECT_TRUE(batch.Emit(sink).ok());
    const absl::Status ingested = sink.Ingest();
    EXPECT_TRUE(ingested.ok()) << ingested;
  } else {
    rocksdb::WriteBatch rows;
    WriteBatchSink sink(db.cfs, &rows);
    EXPECT_TRUE(batch.Emit(sink).ok());
    EXPECT_TRUE(db.db->Write(rocksdb::WriteOptions(), &rows).ok());
  }
  batch.PublishTerms();
  return stats;
}

// Random facts over small vocabularies, so that terms, facts, evidence
// identities and documents repeat within and across batches.
std::vector<kg::v1::Fact> RandomFacts(std::mt19937& rng, int n) {
  const char* const kPredicates[] = {"leads", "type", "said", "arrests",
                                     "started_on", "part_of"};
  std::vector<kg::v1::Fact> facts;
  for (int i = 0; i < n; ++i) {
    kg::v1::Fact f;
    f.set_subject(absl::StrCat("Entity ", rng() % 40));
    const int p = rng() % 6;
    f.set_predicate(kPredicates[p]);
    kg::v1::Value* v = f.mutable_value();
    switch (p) {
      case 2: v->set_text(absl::StrCat("quote ", rng() % 30)); break;
      case 3: v->set_integer(static_cast<int64_t>(rng() % 50) - 10); break;
      case 4: v->set_date(absl::StrCat("2024-0", 1 + rng() % 9, "-1", rng() % 9)); break;
      default: v->set_entity(absl::StrCat("Entity ", rng() % 40));
    }
    const int records = 1 + rng() % 3;
    for (int r = 0; r < records; ++r) {
      kg::v1::Evidence* e = f.add_evidence();
      // Lengths differ, so "E" rows order by length before bytes.
      e->set_document_id(absl::StrCat("doc-", std::string(rng() % 3, 'x'), rng() % 25));
      e->set_sentence(absl::StrCat("Sentence ", rng() % 1000, "."));
      e->set_byte_begin(rng() % 20);
      e->set_byte_end(20 + rng() % 5);
      e->set_rule(rng() % 2 ? "rule.a" : "rule.b");
      e->set_confidence(0.5f + 0.1f * (rng() % 5));
    }
    facts.push_back(std::move(f));
  }
  return facts;
}

class AddBatchTest : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const {
    const char* tmp = std::getenv("TEST_TMPDIR");
    return absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/add_batch_", name);
  }
};

TEST_F(AddBatchTest, WritesExactlyWhatWriteTxnWrites) {
  Db txn_db(Path("txn"));
  Db batch_db(Path("batch"));
  Db files_db(Path("files"));
  std::mt19937 rng(7);
  for (int round = 0; round < 12; ++round) {
    const std::vector<kg::v1::Fact> facts = RandomFacts(rng, 1 + round * 37);
    const WriteStats expected = AddWithTxn(txn_db, facts);
    const WriteStats batch = AddWithBatch(batch_db, facts, false);
    const WriteStats files = AddWithBatch(files_db, facts, true);
    for (const WriteStats& got : {batch, files}) {
      EXPECT_EQ(got.facts_new, expected.facts_new) << "round " << round;
      EXPECT_EQ(got.evidence_new, expected.evidence_new) << "round " << round;
    }
    const auto rows = txn_db.Dump();
    ASSERT_EQ(batch_db.Dump(), rows) << "round " << round;
    ASSERT_EQ(files_db.Dump(), rows) << "round " << round;
  }
  EXPECT_GT(txn_db.Dump().size(), 1000u);
}

TEST_F(AddBatchTest, FirstVersionOfADocumentIsWrittenAsReplaceWroteIt) {
  Db txn_db(Path("txn_doc"));
  Db batch_db(Path("batch_doc"));
  std::mt19937 rng(11);
  for (int round = 0; round < 6; ++round) {
    const std::string document = absl::StrCat("report-", round);
    std::vector<kg::v1::Fact> facts = RandomFacts(rng, 20);
    for (kg::v1::Fact& f : facts) {
      for (kg::v1::Evidence& e : *f.mutable_evidence()) e.set_document_id(document);
    }
    AddWithTxn(txn_db, facts, document);
    AddWithBatch(batch_db, facts, false, document);
    ASSERT_EQ(batch_db.Dump(), txn_db.Dump()) << "round " << round;
  }
  const auto rows = batch_db.Dump();
  const auto hashed = rows.find(absl::StrCat("documents|D", "report-3"));
  ASSERT_NE(hashed, rows.end());
  EXPECT_EQ(hashed->second.substr(8), "sha:1");
}

TEST_F(AddBatchTest, CountsDistinctFactsAndKeepsTheFirstOfEqualRecords) {
  Db db(Path("dedupe"));
  std::mt19937 rng(3);
  std::vector<kg::v1::Fact> facts = RandomFacts(rng, 1);
  facts[0].mutable_evidence()->DeleteSubrange(1, facts[0].evidence_size() - 1);
  kg::v1::Fact again = facts[0];
  again.mutable_evidence(0)->set_sentence("A later sentence, same identity.");
  facts.push_back(again);
  const WriteStats stats = AddWithBatch(db, facts, false);
  EXPECT_EQ(stats.facts_received, 1u);
  EXPECT_EQ(stats.facts_new, 1u);
  EXPECT_EQ(stats.evidence_new, 1u);
  bool found = false;
  for (const auto& [key, value] : db.Dump()) {
    if (key.rfind("evidence|", 0) != 0) continue;
    kg::v1::Evidence e;
    ASSERT_TRUE(e.ParseFromString(value));
    EXPECT_EQ(e.sentence(), facts[0].evidence(0).sentence());
    EXPECT_EQ(e.ingested_at_micros(), kNow);
    found = true;
  }
  EXPECT_TRUE(found);
  // Adding the same facts again adds nothing.
  const WriteStats repeat = AddWithBatch(db, facts, true);
  EXPECT_EQ(repeat.facts_new, 0u);
  EXPECT_EQ(repeat.evidence_new, 0u);
}

}  // namespace
}  // namespace kg::graph::rocksdb_internal
