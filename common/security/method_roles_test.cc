#include "common/security/method_roles.h"

#include <string>

#include "gtest/gtest.h"
#include "kg/v1/extractor.pb.h"
#include "kg/v1/graph.pb.h"

namespace kg::security {
namespace {

TEST(MethodRolesTest, HealthAndReflectionAreOpen) {
  EXPECT_FALSE(RequiredRole("/grpc.health.v1.Health/Check").has_value());
  EXPECT_FALSE(RequiredRole("/grpc.health.v1.Health/Watch").has_value());
  EXPECT_FALSE(
      RequiredRole("/grpc.reflection.v1alpha.ServerReflection/"
                   "ServerReflectionInfo")
          .has_value());
}

TEST(MethodRolesTest, ReadsWritesAndAdmin) {
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/Query"), Role::kReader);
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/Export"), Role::kReader);
  EXPECT_EQ(RequiredRole("/kg.v1.ExtractorService/Extract"), Role::kReader);
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/Ingest"), Role::kWriter);
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/Import"), Role::kWriter);
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/DeleteDocument"), Role::kWriter);
  EXPECT_EQ(RequiredRole("/kg.v1.AdminService/Backup"), Role::kAdmin);
}

// Every RPC of the two services is classified: none falls through to the
// admin default by being forgotten (QueryBatches and Conflicts once did,
// refusing readers their queries).
TEST(MethodRolesTest, EveryServiceMethodIsReaderOrWriter) {
  for (const google::protobuf::ServiceDescriptor* service :
       {kg::v1::QueryRequest::descriptor()->file()->FindServiceByName(
            "GraphService"),
        kg::v1::ExtractRequest::descriptor()->file()->FindServiceByName(
            "ExtractorService")}) {
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      const std::string method = "/" + service->full_name() + "/" +
                                 service->method(i)->name();
      const std::optional<Role> role = RequiredRole(method);
      ASSERT_TRUE(role.has_value()) << method;
      EXPECT_NE(*role, Role::kAdmin) << method;
    }
  }
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/QueryBatches"), Role::kReader);
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/Conflicts"), Role::kReader);
}

TEST(MethodRolesTest, UnknownMethodsNeedAdmin) {
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/SomethingNew"), Role::kAdmin);
  EXPECT_EQ(RequiredRole(""), Role::kAdmin);
  EXPECT_EQ(RequiredRole("/grpc.health.v1.HealthX/Check"), Role::kAdmin);
}

}  // namespace
}  // namespace kg::security
