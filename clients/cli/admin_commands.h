// `kg backup`, `kg backups` and `kg restore`: administration of the graph
// service. Each returns the process exit code: 0 success, 1 the request
// failed, 2 bad usage.
#ifndef KG_CLIENTS_CLI_ADMIN_COMMANDS_H_
#define KG_CLIENTS_CLI_ADMIN_COMMANDS_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "grpcpp/channel.h"

namespace kg::cli {

struct AdminEnv {
  // Channel to the graph service (CliChannel), and its address for messages.
  std::shared_ptr<grpc::Channel> graph;
  std::string graph_address;
  absl::Duration timeout = absl::Seconds(300);
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

// kg backup [NAME]: an online snapshot under the server's --backup_dir.
// Prints "backup NAME: PATH (N files, B bytes, T ms)". Needs role admin.
int RunBackup(const AdminEnv& env, const std::vector<std::string>& args);

// kg backups: the backups on the server, one per line.
int RunListBackups(const AdminEnv& env, const std::vector<std::string>& args);

// kg restore BACKUP_DIR NEW_DB_PATH: offline, on the server's machine, with
// the graph stopped; then start graph_server --db_path=NEW_DB_PATH.
int RunRestore(const AdminEnv& env, const std::vector<std::string>& args);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_ADMIN_COMMANDS_H_
