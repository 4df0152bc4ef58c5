#include "common/security/grpc_auth.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "common/grpc_status.h"
#include "common/security/method_roles.h"

namespace kg::security {
namespace {

absl::string_view View(grpc::string_ref ref) {
  return absl::string_view(ref.data(), ref.size());
}

// The first value of `key`, or empty.
template <typename Multimap>
absl::string_view FirstValue(const Multimap& metadata, absl::string_view key) {
  for (const auto& [name, value] : metadata) {
    if (View(name) == key) return View(value);
  }
  return {};
}

}  // namespace

TokenAuthProcessor::TokenAuthProcessor(std::shared_ptr<const TokenStore> tokens)
    : tokens_(std::move(tokens)) {}

grpc::Status TokenAuthProcessor::Process(const InputMetadata& auth_metadata,
                                         grpc::AuthContext* /*context*/,
                                         OutputMetadata* /*consumed*/,
                                         OutputMetadata* /*response*/) {
  const absl::string_view method = FirstValue(auth_metadata, ":path");
  const std::optional<Role> needed = RequiredRole(method);
  if (!needed.has_value()) return grpc::Status::OK;
  const absl::StatusOr<Caller> caller = tokens_->Authorize(
      FirstValue(auth_metadata, "authorization"), *needed, method);
  return caller.ok() ? grpc::Status::OK : ToGrpcStatus(caller.status());
}

grpc::Status RequireRole(const grpc::ServerContext& context,
                         const TokenStore* tokens, Role needed,
                         absl::string_view what) {
  if (tokens == nullptr) return grpc::Status::OK;
  const absl::StatusOr<Caller> caller = tokens->Authorize(
      FirstValue(context.client_metadata(), "authorization"), needed, what);
  return caller.ok() ? grpc::Status::OK : ToGrpcStatus(caller.status());
}

}  // namespace kg::security
