// Token authentication for gRPC servers: an AuthMetadataProcessor that
// admits a call only when its `authorization: Bearer TOKEN` metadata names a
// token whose role covers the method (method_roles.h). Refused calls end
// with UNAUTHENTICATED (no, malformed or unknown token) or PERMISSION_DENIED
// (role too low) before any service code runs. Tokens are never logged.
#ifndef KG_COMMON_SECURITY_GRPC_AUTH_H_
#define KG_COMMON_SECURITY_GRPC_AUTH_H_

#include <memory>

#include "common/security/token_store.h"
#include "grpcpp/security/auth_metadata_processor.h"
#include "grpcpp/server_context.h"

namespace kg::security {

class TokenAuthProcessor final : public grpc::AuthMetadataProcessor {
 public:
  // `tokens` is shared with whoever else checks roles (RequireRole).
  explicit TokenAuthProcessor(std::shared_ptr<const TokenStore> tokens);

  // Lookups are in memory: run inline on the transport thread.
  bool IsBlocking() const override { return false; }

  grpc::Status Process(const InputMetadata& auth_metadata,
                       grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

 private:
  const std::shared_ptr<const TokenStore> tokens_;
};

// For services whose needed role depends on the request (Extract with
// forward needs writer): OK when `tokens` is null (authentication off) or
// the call's token has `needed`; otherwise UNAUTHENTICATED or
// PERMISSION_DENIED as Authorize says.
grpc::Status RequireRole(const grpc::ServerContext& context,
                         const TokenStore* tokens, Role needed,
                         absl::string_view what);

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_GRPC_AUTH_H_
