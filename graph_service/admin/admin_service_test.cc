// kg.v1.AdminService over a real database through `kg backup`, `kg backups`
// and `kg restore`, behind the admin-role token check.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "clients/cli/admin_commands.h"
#include "common/grpc_server.h"
#include "common/security/client_channel.h"
#include "graph_service/admin/graph_admin.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"

namespace kg::graph::admin {
namespace {

namespace fs = std::filesystem;

constexpr char kAdminToken[] = "admin-token-0123456789";
constexpr char kReaderToken[] = "reader-token-0123456789";

std::string TempDir(const std::string& name) {
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base != nullptr ? base : "/tmp") / name;
  fs::remove_all(dir);
  return dir.string();
}

class AdminServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, TempDir("db"), &raw).ok());
    db_.reset(raw);
    for (int i = 0; i < 100; ++i) {
      ASSERT_TRUE(db_->Put(rocksdb::WriteOptions(), "key" + std::to_string(i),
                           "value")
                      .ok());
    }
    backup_root_ = TempDir("backups");
    admin_ = std::make_unique<GraphAdmin>(db_.get(), backup_root_);
    GrpcServerOptions grpc;
    grpc.security.tokens = std::make_shared<const security::TokenStore>(
        *security::TokenStore::Parse(std::string(kAdminToken) +
                                         " admin ops\n" + kReaderToken +
                                         " reader dashboard\n",
                                     "test"));
    auto running = StartGrpcServer(grpc, {admin_->service()});
    ASSERT_TRUE(running.ok()) << running.status();
    server_ = std::move(running->server);
    address_ = "127.0.0.1:" + std::to_string(running->port);
  }
  void TearDown() override { server_->Shutdown(); }

  int Run(int (*command)(const kg::cli::AdminEnv&,
                         const std::vector<std::string>&),
          const std::string& token, const std::vector<std::string>& args) {
    security::ClientSecurityOptions client;
    client.token = token;
    kg::cli::AdminEnv env;
    env.graph = *security::OpenChannel(address_, client);
    env.graph_address = address_;
    out_.str("");
    err_.str("");
    env.out = &out_;
    env.err = &err_;
    return command(env, args);
  }

  std::unique_ptr<rocksdb::DB> db_;
  std::string backup_root_;
  std::unique_ptr<GraphAdmin> admin_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(AdminServiceTest, BackupListAndRestore) {
  ASSERT_EQ(Run(kg::cli::RunBackup, kAdminToken, {"first"}), 0) << err_.str();
  EXPECT_EQ(out_.str().rfind("backup first: " + fs::absolute(backup_root_).string() +
                                 "/first (",
                             0),
            0u)
      << out_.str();
  EXPECT_EQ(Run(kg::cli::RunBackup, kAdminToken, {"first"}), 1);
  EXPECT_EQ(err_.str(), "kg backup: ALREADY_EXISTS: backup 'first' already exists\n");
  EXPECT_EQ(Run(kg::cli::RunBackup, kAdminToken, {"../up"}), 1);
  EXPECT_NE(err_.str().find("INVALID_ARGUMENT"), std::string::npos);

  ASSERT_EQ(Run(kg::cli::RunListBackups, kAdminToken, {}), 0);
  EXPECT_EQ(out_.str().rfind("backup first: ", 0), 0u);

  const std::string restored = TempDir("restored");
  ASSERT_EQ(Run(kg::cli::RunRestore, kAdminToken,
                {backup_root_ + "/first", restored}),
            0)
      << err_.str();
  rocksdb::DB* copy = nullptr;
  ASSERT_TRUE(
      rocksdb::DB::OpenForReadOnly(rocksdb::Options(), restored, &copy).ok());
  std::unique_ptr<rocksdb::DB> owned(copy);
  std::string value;
  EXPECT_TRUE(owned->Get(rocksdb::ReadOptions(), "key99", &value).ok());
  EXPECT_EQ(Run(kg::cli::RunRestore, kAdminToken,
                {backup_root_ + "/first", restored}),
            1);
  EXPECT_NE(err_.str().find("not empty"), std::string::npos);
}

TEST_F(AdminServiceTest, NeedsTheAdminRole) {
  EXPECT_EQ(Run(kg::cli::RunBackup, kReaderToken, {"x"}), 1);
  EXPECT_EQ(err_.str(),
            "kg backup: PERMISSION_DENIED: /kg.v1.AdminService/Backup needs "
            "role admin; caller 'dashboard' has role reader\n");
  EXPECT_EQ(Run(kg::cli::RunListBackups, "", {}), 1);
  EXPECT_NE(err_.str().find("UNAUTHENTICATED"), std::string::npos);
  EXPECT_FALSE(fs::exists(fs::path(backup_root_) / "x"));
}

}  // namespace
}  // namespace kg::graph::admin
