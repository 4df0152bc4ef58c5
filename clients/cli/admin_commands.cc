#include "clients/cli/admin_commands.h"

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "graph_service/admin/restore.h"
#include "grpcpp/client_context.h"
#include "kg/v1/admin.grpc.pb.h"

namespace kg::cli {

namespace {

std::string Describe(const grpc::Status& status, const AdminEnv& env) {
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    return absl::StrCat("cannot reach the graph service at ",
                        env.graph_address, ": ", status.error_message());
  }
  return absl::StrCat(GrpcCodeName(status.error_code()), ": ",
                      status.error_message());
}

void PrintBackup(const kg::v1::BackupInfo& backup, std::ostream& out) {
  out << "backup " << backup.name() << ": " << backup.path() << " ("
      << backup.files() << " files, " << backup.bytes() << " bytes";
}

}  // namespace

int RunBackup(const AdminEnv& env, const std::vector<std::string>& args) {
  if (args.size() > 1) {
    *env.err << "usage: kg backup [NAME]\n";
    return 2;
  }
  auto stub = kg::v1::AdminService::NewStub(env.graph);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + env.timeout));
  kg::v1::BackupRequest request;
  if (!args.empty()) request.set_name(args[0]);
  kg::v1::BackupResponse response;
  const grpc::Status status = stub->Backup(&context, request, &response);
  if (!status.ok()) {
    *env.err << "kg backup: " << Describe(status, env) << "\n";
    return 1;
  }
  PrintBackup(response.backup(), *env.out);
  *env.out << ", " << response.duration_ms() << " ms)\n";
  return 0;
}

int RunListBackups(const AdminEnv& env, const std::vector<std::string>& args) {
  if (!args.empty()) {
    *env.err << "usage: kg backups\n";
    return 2;
  }
  auto stub = kg::v1::AdminService::NewStub(env.graph);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + env.timeout));
  kg::v1::ListBackupsResponse response;
  const grpc::Status status =
      stub->ListBackups(&context, kg::v1::ListBackupsRequest(), &response);
  if (!status.ok()) {
    *env.err << "kg backups: " << Describe(status, env) << "\n";
    return 1;
  }
  for (const kg::v1::BackupInfo& backup : response.backups()) {
    PrintBackup(backup, *env.out);
    *env.out << ")\n";
  }
  return 0;
}

int RunRestore(const AdminEnv& env, const std::vector<std::string>& args) {
  if (args.size() != 2) {
    *env.err << "usage: kg restore BACKUP_DIR NEW_DB_PATH\n";
    return 2;
  }
  const absl::Status status =
      kg::graph::admin::RestoreCheckpoint(args[0], args[1]);
  if (!status.ok()) {
    *env.err << "kg restore: " << status.message() << "\n";
    return 1;
  }
  *env.out << "restored " << args[0] << " into " << args[1]
           << "; start graph_server --db_path=" << args[1] << "\n";
  return 0;
}

}  // namespace kg::cli
