#include "common/security/server_flags.h"

#include <memory>
#include <utility>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"

ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain to serve TLS with (needs --tls_key).");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA certificate: require client certificates signed by it "
          "(mutual TLS).");
ABSL_FLAG(std::string, auth_tokens_file, "",
          "File of 'TOKEN ROLE NAME' lines (roles reader, writer, admin); "
          "when set every call but health and reflection needs "
          "'authorization: Bearer TOKEN'.");

namespace kg::security {

absl::Status ApplySecurityFlags(GrpcServerOptions* options) {
  ServerSecurityOptions& security = options->security;
  security.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  security.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  security.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  if (security.tls_cert_file.empty() != security.tls_key_file.empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together");
  }
  if (!security.tls_client_ca_file.empty() && security.tls_cert_file.empty()) {
    return absl::InvalidArgumentError(
        "--tls_client_ca needs --tls_cert and --tls_key");
  }
  const std::string tokens_file = absl::GetFlag(FLAGS_auth_tokens_file);
  security.tokens = nullptr;
  if (!tokens_file.empty()) {
    absl::StatusOr<TokenStore> tokens = TokenStore::Load(tokens_file);
    if (!tokens.ok()) return tokens.status();
    security.tokens = std::make_shared<const TokenStore>(*std::move(tokens));
  }
  return absl::OkStatus();
}

std::vector<FlagPath> SecurityFlagPaths() {
  return {{"tls_cert", absl::GetFlag(FLAGS_tls_cert)},
          {"tls_key", absl::GetFlag(FLAGS_tls_key)},
          {"tls_client_ca", absl::GetFlag(FLAGS_tls_client_ca)},
          {"auth_tokens_file", absl::GetFlag(FLAGS_auth_tokens_file)}};
}

std::string DescribeSecurity(const ServerSecurityOptions& options) {
  std::string transport =
      options.tls_cert_file.empty()
          ? "plaintext"
          : (options.tls_client_ca_file.empty() ? "TLS" : "TLS (mutual)");
  if (options.tokens == nullptr) return absl::StrCat(transport, ", no tokens");
  return absl::StrCat(transport, ", tokens: ", options.tokens->size());
}

}  // namespace kg::security
