#include "common/security/method_roles.h"

#include "gtest/gtest.h"

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

TEST(MethodRolesTest, UnknownMethodsNeedAdmin) {
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/SomethingNew"), Role::kAdmin);
  EXPECT_EQ(RequiredRole(""), Role::kAdmin);
  EXPECT_EQ(RequiredRole("/grpc.health.v1.HealthX/Check"), Role::kAdmin);
}

}  // namespace
}  // namespace kg::security
