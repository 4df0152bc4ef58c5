// The gRPC face of the backup manager (kg.v1.AdminService). Thin: unpack,
// call BackupManager, map the status. The admin role is enforced by the
// server's token check (common/security), not here.
#ifndef KG_GRAPH_SERVICE_ADMIN_ADMIN_SERVICE_IMPL_H_
#define KG_GRAPH_SERVICE_ADMIN_ADMIN_SERVICE_IMPL_H_

#include "graph_service/admin/backup_manager.h"
#include "kg/v1/admin.grpc.pb.h"

namespace kg::graph::admin {

class AdminServiceImpl final : public kg::v1::AdminService::Service {
 public:
  // `backups` is not owned and must outlive the service.
  explicit AdminServiceImpl(BackupManager* backups);

  grpc::Status Backup(grpc::ServerContext* context,
                      const kg::v1::BackupRequest* request,
                      kg::v1::BackupResponse* response) override;
  grpc::Status ListBackups(grpc::ServerContext* context,
                           const kg::v1::ListBackupsRequest* request,
                           kg::v1::ListBackupsResponse* response) override;

 private:
  BackupManager* const backups_;
};

}  // namespace kg::graph::admin

#endif  // KG_GRAPH_SERVICE_ADMIN_ADMIN_SERVICE_IMPL_H_
