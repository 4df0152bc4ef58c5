// Everything the graph server needs to offer kg.v1.AdminService, in one
// object: the backup manager over the store's database and its gRPC shell.
//
//   admin_ = std::make_unique<admin::GraphAdmin>(rocks_store->db(),
//                                                options.backup_dir);
//   StartGrpcServer(options.grpc, {service_.get(), admin_->service()});
#ifndef KG_GRAPH_SERVICE_ADMIN_GRAPH_ADMIN_H_
#define KG_GRAPH_SERVICE_ADMIN_GRAPH_ADMIN_H_

#include <string>

#include "graph_service/admin/admin_service_impl.h"
#include "graph_service/admin/backup_manager.h"

namespace kg::graph::admin {

class GraphAdmin {
 public:
  // `db` is not owned and must outlive this object; an empty `backup_root`
  // turns backups off (the RPCs answer FAILED_PRECONDITION).
  GraphAdmin(rocksdb::DB* db, std::string backup_root)
      : backups_(RocksDbCheckpointFn(db), std::move(backup_root)),
        service_(&backups_) {}

  grpc::Service* service() { return &service_; }
  BackupManager& backups() { return backups_; }

 private:
  BackupManager backups_;
  AdminServiceImpl service_;
};

}  // namespace kg::graph::admin

#endif  // KG_GRAPH_SERVICE_ADMIN_GRAPH_ADMIN_H_
