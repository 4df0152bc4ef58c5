// Which role each RPC needs. gRPC-free: methods are full paths such as
// "/kg.v1.GraphService/Query".
//
//   open    grpc.health.v1.Health/*, grpc.reflection.v1alpha.ServerReflection/*
//   reader  GraphService Query GetEntity GetStats ListDocuments FindPath
//           GetNeighbourhood Explain PlanQuery Export;
//           ExtractorService Extract (forwarding additionally needs writer,
//           checked by the extractor: see grpc_auth.h RequireRole)
//   writer  GraphService Ingest Import DeleteDocument
//   admin   AdminService/*, and any method not listed (deny by default)
#ifndef KG_COMMON_SECURITY_METHOD_ROLES_H_
#define KG_COMMON_SECURITY_METHOD_ROLES_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "common/security/token_store.h"

namespace kg::security {

// The role `method` needs, or nullopt when it is open to everyone.
std::optional<Role> RequiredRole(absl::string_view method);

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_METHOD_ROLES_H_
