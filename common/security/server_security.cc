#include "common/security/server_security.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "common/security/grpc_auth.h"
#include "common/status_macros.h"

namespace kg::security {

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerSecurityOptions& options) {
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        "TLS needs both a certificate and a key file");
  }
  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (options.tls_cert_file.empty()) {
    if (!options.tls_client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "a client CA (mutual TLS) needs TLS: set the certificate and key");
    }
    // Plaintext with tokens: the "local" credentials speak plaintext on the
    // wire but accept loopback peers only, and unlike insecure credentials
    // run the token check. Tokens never cross a network unencrypted.
    credentials = options.tokens != nullptr
                      ? grpc::experimental::LocalServerCredentials(LOCAL_TCP)
                      : grpc::InsecureServerCredentials();
  } else {
    grpc::SslServerCredentialsOptions ssl;
    grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
    ASSIGN_OR_RETURN(pair.cert_chain, ReadFileToString(options.tls_cert_file));
    ASSIGN_OR_RETURN(pair.private_key, ReadFileToString(options.tls_key_file));
    ssl.pem_key_cert_pairs.push_back(std::move(pair));
    if (!options.tls_client_ca_file.empty()) {
      ASSIGN_OR_RETURN(ssl.pem_root_certs,
                       ReadFileToString(options.tls_client_ca_file));
      ssl.client_certificate_request =
          GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
    }
    credentials = grpc::SslServerCredentials(ssl);
  }
  if (options.tokens != nullptr) {
    credentials->SetAuthMetadataProcessor(
        std::make_shared<TokenAuthProcessor>(options.tokens));
  }
  return credentials;
}

}  // namespace kg::security
