// Transaction time on the RocksDB store: what goes to the history CF, that
// it survives reopening, and the migration of a schema-1 store. The reads
// as of an instant are tested on both stores in
// graph_service/temporal/as_of_view_test.cc.
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"
#include "kg/v1/fact.pb.h"
#include "rocksdb/db.h"

namespace kg::graph {
namespace {

kg::v1::Fact MakeFact(const std::string& subject, const std::string& entity,
                      const std::string& document,
                      const std::string& sentence = "A sentence.") {
  kg::v1::Fact f;
  f.set_subject(subject);
  f.set_predicate("leads");
  f.mutable_value()->set_entity(entity);
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id(document);
  e->set_sentence(sentence);
  e->set_byte_end(10);
  e->set_rule("r");
  e->set_confidence(0.75f);
  return f;
}

std::vector<RetractedEvidence> History(const GraphStore& store,
                                       int64_t after = 0) {
  std::vector<RetractedEvidence> out;
  EXPECT_TRUE(store
                  .ScanHistory(after,
                               [&](const RetractedEvidence& r) {
                                 out.push_back(r);
                                 return true;
                               })
                  .ok());
  return out;
}

class RocksDbHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    path_ = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/history_",
                         ::testing::UnitTest::GetInstance()
                             ->current_test_info()
                             ->name());
    Reopen();
  }

  void Reopen() {
    store_.reset();
    RocksDbGraphStoreOptions options;
    options.path = path_;
    absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> store =
        RocksDbGraphStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  // Closes the store and calls `edit` on each column family of the raw
  // database under it.
  void EditRawDb(
      const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle*)>&
          edit) {
    store_.reset();
    std::vector<std::string> names;
    ASSERT_TRUE(
        rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path_, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& name : names) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(
        rocksdb::DB::Open(rocksdb::DBOptions(), path_, families, &handles, &raw)
            .ok());
    for (rocksdb::ColumnFamilyHandle* h : handles) edit(raw, h);
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      ASSERT_TRUE(raw->DestroyColumnFamilyHandle(h).ok());
    }
    delete raw;
  }

  static void PutSchema(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h,
                        const std::string& version) {
    if (h->GetName() != "metadata") return;
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), h, "schema", version).ok());
  }

  // Rewrites the closed store as schema 1 left it: no history CF, no
  // history counters, the old version string.
  void DowngradeToSchema1() {
    EditRawDb([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
      if (h->GetName() == "history") {
        ASSERT_TRUE(db->DropColumnFamily(h).ok());
      } else if (h->GetName() == "metadata") {
        PutSchema(db, h, "kg-rocksdb-graph-store/1");
        ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), h, "count/history").ok());
      }
    });
  }

  std::string path_;
  std::unique_ptr<RocksDbGraphStore> store_;
};

TEST_F(RocksDbHistoryTest, ReplaceAndDeleteKeepWhatTheyRetract) {
  ASSERT_TRUE(store_->ReplaceDocument("d", "", {MakeFact("Ann", "Op X", "d"),
                                                MakeFact("Ann", "Op Y", "d")})
                  .ok());
  const int64_t before_replace = absl::ToUnixMicros(absl::Now());
  ASSERT_TRUE(store_->ReplaceDocument("d", "", {MakeFact("Ann", "Op Y", "d")}).ok());
  ASSERT_EQ(History(*store_).size(), 1u);
  const RetractedEvidence first = History(*store_)[0];
  EXPECT_EQ(store_->DecodeValue(first.fact.value)->entity(), "Op X");
  EXPECT_GE(first.evidence.retracted_at_micros(), before_replace);
  EXPECT_GT(first.evidence.ingested_at_micros(), 0);
  EXPECT_EQ(first.evidence.sentence(), "A sentence.");

  ASSERT_TRUE(store_->DeleteDocument("d").ok());
  EXPECT_EQ(History(*store_).size(), 2u);
  // Only the records retracted after an instant.
  EXPECT_EQ(History(*store_, first.evidence.retracted_at_micros()).size(), 1u);
  EXPECT_EQ(store_->GetStats()->history_records, 2u);
  EXPECT_EQ(store_->GetStats()->evidence, 0u);

  Reopen();
  EXPECT_EQ(History(*store_).size(), 2u);
  EXPECT_EQ(store_->GetHistoryInfo()->records, 2u);
  EXPECT_EQ(store_->GetHistoryInfo()->complete_from_micros, 0);
}

TEST_F(RocksDbHistoryTest, AChangedRecordKeepsItsOldVersion) {
  ASSERT_TRUE(store_->ReplaceDocument("d", "", {MakeFact("Ann", "Op X", "d", "Old.")}).ok());
  ASSERT_TRUE(store_->ReplaceDocument("d", "", {MakeFact("Ann", "Op X", "d", "New.")}).ok());
  const std::vector<RetractedEvidence> history = History(*store_);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].evidence.sentence(), "Old.");
  // Re-sending identical evidence retracts nothing.
  ASSERT_TRUE(store_->ReplaceDocument("d", "", {MakeFact("Ann", "Op X", "d", "New.")}).ok());
  EXPECT_EQ(History(*store_).size(), 1u);
}

TEST_F(RocksDbHistoryTest, PurgeRemovesOnlyOlderRecordsAndSurvivesReopen) {
  ASSERT_TRUE(store_->ReplaceDocument("a", "", {MakeFact("Ann", "Op X", "a")}).ok());
  ASSERT_TRUE(store_->DeleteDocument("a").ok());
  absl::SleepFor(absl::Milliseconds(2));
  const int64_t cutoff = absl::ToUnixMicros(absl::Now());
  ASSERT_TRUE(store_->ReplaceDocument("b", "", {MakeFact("Bob", "Op Y", "b")}).ok());
  ASSERT_TRUE(store_->DeleteDocument("b").ok());
  absl::StatusOr<uint64_t> purged = store_->PurgeHistory(cutoff);
  ASSERT_TRUE(purged.ok()) << purged.status();
  EXPECT_EQ(*purged, 1u);
  Reopen();
  ASSERT_EQ(History(*store_).size(), 1u);
  EXPECT_EQ(store_->DecodeValue(History(*store_)[0].fact.subject)->entity(), "Bob");
  EXPECT_EQ(store_->GetHistoryInfo()->records, 1u);
  EXPECT_GT(store_->GetHistoryInfo()->complete_from_micros, 0);
  EXPECT_LT(store_->GetHistoryInfo()->complete_from_micros, cutoff);
}

TEST_F(RocksDbHistoryTest, SchemaOneStoreIsMigratedOnOpen) {
  ASSERT_TRUE(store_->ReplaceDocument("d", "", {MakeFact("Ann", "Op X", "d")}).ok());
  DowngradeToSchema1();
  const int64_t before_open = absl::ToUnixMicros(absl::Now());
  Reopen();
  EXPECT_TRUE(store_->migrated_from_schema1());
  EXPECT_EQ(store_->GetStats()->facts, 1u);
  EXPECT_GE(store_->GetHistoryInfo()->complete_from_micros, before_open);
  ASSERT_TRUE(store_->DeleteDocument("d").ok());
  EXPECT_EQ(History(*store_).size(), 1u);
  Reopen();  // Now schema 2: nothing to migrate.
  EXPECT_FALSE(store_->migrated_from_schema1());
  EXPECT_EQ(History(*store_).size(), 1u);
}

TEST_F(RocksDbHistoryTest, UnknownSchemaIsRefusedByName) {
  EditRawDb([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
    PutSchema(db, h, "kg-rocksdb-graph-store/9");
  });
  RocksDbGraphStoreOptions options;
  options.path = path_;
  absl::StatusOr<std::unique_ptr<RocksDbGraphStore>> store =
      RocksDbGraphStore::Open(options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(store.status().message()),
              ::testing::HasSubstr("kg-rocksdb-graph-store/9"));
}

}  // namespace
}  // namespace kg::graph
