#include "graph_service/admin/admin_service_impl.h"

#include "common/grpc_status.h"

namespace kg::graph::admin {
namespace {

void ToProto(const BackupInfo& info, kg::v1::BackupInfo* proto) {
  proto->set_name(info.name);
  proto->set_path(info.path);
  proto->set_bytes(info.bytes);
  proto->set_files(info.files);
}

}  // namespace

AdminServiceImpl::AdminServiceImpl(BackupManager* backups)
    : backups_(backups) {}

grpc::Status AdminServiceImpl::Backup(grpc::ServerContext* /*context*/,
                                      const kg::v1::BackupRequest* request,
                                      kg::v1::BackupResponse* response) {
  absl::StatusOr<BackupResult> result = backups_->Backup(request->name());
  if (!result.ok()) return ToGrpcStatus(result.status());
  ToProto(result->backup, response->mutable_backup());
  response->set_duration_ms(absl::ToInt64Milliseconds(result->duration));
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::ListBackups(
    grpc::ServerContext* /*context*/,
    const kg::v1::ListBackupsRequest* /*request*/,
    kg::v1::ListBackupsResponse* response) {
  absl::StatusOr<std::vector<BackupInfo>> backups = backups_->ListBackups();
  if (!backups.ok()) return ToGrpcStatus(backups.status());
  for (const BackupInfo& info : *backups) ToProto(info, response->add_backups());
  return grpc::Status::OK;
}

}  // namespace kg::graph::admin
