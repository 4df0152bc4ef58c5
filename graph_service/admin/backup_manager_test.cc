#include "graph_service/admin/backup_manager.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

namespace kg::graph::admin {
namespace {

namespace fs = std::filesystem;

std::string TempDir(const std::string& name) {
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base != nullptr ? base : "/tmp") / name;
  fs::remove_all(dir);
  return dir.string();
}

// Writes what a checkpoint looks like: a CURRENT file and one table.
absl::Status FakeCheckpoint(const std::string& dir) {
  fs::create_directories(dir);
  std::ofstream(fs::path(dir) / "CURRENT") << "MANIFEST-000001\n";
  std::ofstream(fs::path(dir) / "000001.sst") << std::string(100, 'x');
  return absl::OkStatus();
}

TEST(BackupManagerTest, BacksUpAndLists) {
  BackupManager manager(FakeCheckpoint, TempDir("backups"));
  absl::StatusOr<BackupResult> result = manager.Backup("nightly-1");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->backup.name, "nightly-1");
  EXPECT_EQ(result->backup.files, 2u);
  EXPECT_EQ(result->backup.bytes, 116u);
  absl::StatusOr<BackupResult> named = manager.Backup("");
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->backup.name.rfind("backup-", 0), 0u);
  auto backups = manager.ListBackups();
  ASSERT_TRUE(backups.ok());
  ASSERT_EQ(backups->size(), 2u);
  EXPECT_EQ((*backups)[1].name, "nightly-1");
  EXPECT_TRUE(absl::IsAlreadyExists(manager.Backup("nightly-1").status()));
}

TEST(BackupManagerTest, RefusesUnsafeNames) {
  BackupManager manager(FakeCheckpoint, TempDir("unsafe"));
  for (const char* name : {"..", ".", "../escape", "a/b", "with space"}) {
    EXPECT_TRUE(absl::IsInvalidArgument(manager.Backup(name).status()))
        << name;
  }
  EXPECT_FALSE(fs::exists(TempDir("escape")));
}

TEST(BackupManagerTest, OffWithoutARoot) {
  BackupManager manager(FakeCheckpoint, "");
  EXPECT_TRUE(absl::IsFailedPrecondition(manager.Backup("x").status()));
  EXPECT_TRUE(absl::IsFailedPrecondition(manager.ListBackups().status()));
}

TEST(BackupManagerTest, PassesCheckpointErrorsThrough) {
  BackupManager manager(
      [](const std::string&) { return absl::UnavailableError("disk full"); },
      TempDir("failing"));
  EXPECT_EQ(manager.Backup("b").status(), absl::UnavailableError("disk full"));
}

}  // namespace
}  // namespace kg::graph::admin
