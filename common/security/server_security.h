// Transport security and authentication of a gRPC server, by configuration.
#ifndef KG_COMMON_SECURITY_SERVER_SECURITY_H_
#define KG_COMMON_SECURITY_SERVER_SECURITY_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/security/token_store.h"
#include "grpcpp/security/server_credentials.h"

namespace kg::security {

struct ServerSecurityOptions {
  // PEM files of the server's certificate chain and private key. Both set:
  // TLS; both empty: plaintext (loopback development only).
  std::string tls_cert_file;
  std::string tls_key_file;
  // PEM file of the CA that signs client certificates. When set (TLS only)
  // every client must present a certificate it signed: mutual TLS.
  std::string tls_client_ca_file;
  // When set, every call except health checks and reflection needs a bearer
  // token of the right role (grpc_auth.h). Null: no token checks. Tokens
  // without TLS are accepted from loopback peers only: a plaintext server
  // with tokens refuses connections from other hosts.
  std::shared_ptr<const TokenStore> tokens;
};

// The credentials to listen with. InvalidArgument when only one of cert and
// key is given or a client CA without TLS; NotFound when a file cannot be
// read (the message names the file, never its contents).
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerSecurityOptions& options);

// Reads a whole file. NotFound naming the path when it cannot be read.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_SERVER_SECURITY_H_
