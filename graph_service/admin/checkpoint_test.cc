// A checkpoint of a real graph store, taken while writes go on, restored
// into a fresh directory, holds the same facts and evidence.
#include "graph_service/admin/checkpoint.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph_service/admin/restore.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace kg::graph::admin {
namespace {

namespace fs = std::filesystem;

std::string TempDir(const std::string& name) {
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base != nullptr ? base : "/tmp") / name;
  fs::remove_all(dir);
  return dir.string();
}

kg::v1::Fact MakeFact(const std::string& document, int i) {
  kg::v1::Fact fact;
  fact.set_subject(absl::StrCat("Officer ", i));
  fact.set_predicate("member_of");
  fact.mutable_value()->set_entity(absl::StrCat("Unit ", i % 7));
  kg::v1::Evidence* evidence = fact.add_evidence();
  evidence->set_document_id(document);
  evidence->set_sentence(absl::StrCat("Officer ", i, " joined Unit ", i % 7, "."));
  evidence->set_end(20);
  evidence->set_byte_end(20);
  evidence->set_rule("test_rule");
  evidence->set_confidence(0.9);
  return fact;
}

// Every fact with its evidence, one sorted line each.
std::vector<std::string> Dump(const GraphStore& store) {
  std::vector<std::string> lines;
  absl::Status status = store.Scan({}, [&](const IdTriple& triple) {
    std::string line = absl::StrCat(
        store.DecodeValue(triple.subject)->ShortDebugString(), " ",
        *store.DecodePredicate(triple.predicate), " ",
        store.DecodeValue(triple.value)->ShortDebugString());
    absl::StatusOr<std::vector<kg::v1::Evidence>> evidence_list =
        store.GetEvidence(triple);
    EXPECT_TRUE(evidence_list.ok());
    for (const kg::v1::Evidence& evidence : *evidence_list) {
      absl::StrAppend(&line, " | ", evidence.ShortDebugString());
    }
    lines.push_back(line);
    return true;
  });
  EXPECT_TRUE(status.ok()) << status;
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::unique_ptr<RocksDbGraphStore> OpenStore(const std::string& path) {
  RocksDbGraphStoreOptions options;
  options.path = path;
  auto store = RocksDbGraphStore::Open(options);
  EXPECT_TRUE(store.ok()) << store.status();
  return std::move(*store);
}

// The raw database behind a closed graph store, with all column families.
struct RawDb {
  explicit RawDb(const std::string& path) {
    std::vector<std::string> names;
    EXPECT_TRUE(
        rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    rocksdb::DB* raw = nullptr;
    EXPECT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), path, families,
                                  &handles, &raw)
                    .ok());
    db.reset(raw);
  }
  ~RawDb() {
    for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  }
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
};

TEST(CheckpointTest, RestoredStoreMatchesTheOriginal) {
  const std::string original = TempDir("original");
  std::vector<std::string> before;
  {
    auto store = OpenStore(original);
    for (int doc = 0; doc < 20; ++doc) {
      std::vector<kg::v1::Fact> facts;
      const std::string id = absl::StrCat("doc-", doc);
      for (int i = doc; i < doc + 15; ++i) facts.push_back(MakeFact(id, i));
      ASSERT_TRUE(store->ReplaceDocument(id, "", facts).ok());
    }
    ASSERT_TRUE(store->DeleteDocument("doc-3").ok());
    before = Dump(*store);
  }
  ASSERT_GT(before.size(), 30u);
  const std::string backup = TempDir("backup");
  {
    RawDb raw(original);
    ASSERT_TRUE(RocksDbCheckpointFn(raw.db.get())(backup).ok());
    EXPECT_TRUE(absl::IsAlreadyExists(RocksDbCheckpointFn(raw.db.get())(backup)));
  }
  const std::string restored = TempDir("restored");
  ASSERT_TRUE(RestoreCheckpoint(backup, restored).ok());
  auto store = OpenStore(restored);
  EXPECT_EQ(Dump(*store), before);
  EXPECT_EQ(store->GetStats()->facts, before.size());
  // The history the delete kept (transaction time) comes along.
  EXPECT_EQ(store->GetHistoryInfo()->records, 15u);
  uint64_t history = 0;
  ASSERT_TRUE(store
                  ->ScanHistory(0,
                                [&](const RetractedEvidence& r) {
                                  EXPECT_EQ(r.evidence.document_id(), "doc-3");
                                  ++history;
                                  return true;
                                })
                  .ok());
  EXPECT_EQ(history, 15u);
}

TEST(CheckpointTest, OnlineCheckpointHoldsEveryEarlierWrite) {
  const std::string path = TempDir("online");
  OpenStore(path).reset();  // Creates the database and its column families.
  RawDb raw(path);
  std::atomic<int> written{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    for (int i = 0; i < 100000 && !stop; ++i) {
      ASSERT_TRUE(raw.db->Put(sync, absl::StrCat("k", i), "v").ok());
      written = i + 1;
    }
  });
  while (written < 200) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const int acknowledged = written;
  const std::string backup = TempDir("online_backup");
  ASSERT_TRUE(RocksDbCheckpointFn(raw.db.get())(backup).ok());
  stop = true;
  writer.join();

  rocksdb::DB* copy = nullptr;
  ASSERT_TRUE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), backup, &copy).ok());
  std::unique_ptr<rocksdb::DB> owned(copy);
  for (int i = 0; i < acknowledged; ++i) {
    std::string value;
    ASSERT_TRUE(owned->Get(rocksdb::ReadOptions(), absl::StrCat("k", i), &value).ok())
        << "write " << i << " acknowledged before the backup is missing";
  }
}

TEST(RestoreTest, NeverOverwritesAStore) {
  const std::string backup = TempDir("r_backup");
  fs::create_directories(backup);
  EXPECT_TRUE(absl::IsNotFound(RestoreCheckpoint(backup, TempDir("r_db"))));
  { std::ofstream(fs::path(backup) / "CURRENT") << "MANIFEST-000001\n"; }
  const std::string occupied = TempDir("r_occupied");
  fs::create_directories(occupied);
  { std::ofstream(fs::path(occupied) / "keep") << "x"; }
  EXPECT_TRUE(absl::IsFailedPrecondition(RestoreCheckpoint(backup, occupied)));
  EXPECT_TRUE(fs::exists(fs::path(occupied) / "keep"));
  const std::string empty = TempDir("r_empty");
  fs::create_directories(empty);
  EXPECT_TRUE(RestoreCheckpoint(backup, empty).ok());
  EXPECT_TRUE(fs::exists(fs::path(empty) / "CURRENT"));
}

}  // namespace
}  // namespace kg::graph::admin
