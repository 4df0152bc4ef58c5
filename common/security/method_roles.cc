#include "common/security/method_roles.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"

namespace kg::security {
namespace {

const absl::flat_hash_map<absl::string_view, Role>& MethodTable() {
  static const auto* table = new absl::flat_hash_map<absl::string_view, Role>{
      {"/kg.v1.GraphService/Query", Role::kReader},
      {"/kg.v1.GraphService/QueryBatches", Role::kReader},
      {"/kg.v1.GraphService/Conflicts", Role::kReader},
      {"/kg.v1.GraphService/GetEntity", Role::kReader},
      {"/kg.v1.GraphService/GetStats", Role::kReader},
      {"/kg.v1.GraphService/ListDocuments", Role::kReader},
      {"/kg.v1.GraphService/FindPath", Role::kReader},
      {"/kg.v1.GraphService/GetNeighbourhood", Role::kReader},
      {"/kg.v1.GraphService/Explain", Role::kReader},
      {"/kg.v1.GraphService/PlanQuery", Role::kReader},
      {"/kg.v1.GraphService/Export", Role::kReader},
      {"/kg.v1.ExtractorService/Extract", Role::kReader},
      {"/kg.v1.GraphService/Ingest", Role::kWriter},
      {"/kg.v1.GraphService/Import", Role::kWriter},
      {"/kg.v1.GraphService/DeleteDocument", Role::kWriter},
  };
  return *table;
}

}  // namespace

std::optional<Role> RequiredRole(absl::string_view method) {
  if (absl::StartsWith(method, "/grpc.health.v1.Health/") ||
      absl::StartsWith(method, "/grpc.reflection.v1alpha.ServerReflection/") ||
      absl::StartsWith(method, "/grpc.reflection.v1.ServerReflection/")) {
    return std::nullopt;
  }
  auto it = MethodTable().find(method);
  if (it != MethodTable().end()) return it->second;
  return Role::kAdmin;
}

}  // namespace kg::security
