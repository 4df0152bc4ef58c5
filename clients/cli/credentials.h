// How `kg` authenticates to the services: TLS, mutual TLS and a bearer
// token, from flags or the environment.
//
//   --tls_ca=FILE      or $KG_TLS_CA     TLS, verifying servers with this CA
//   --tls_cert=FILE    or $KG_TLS_CERT   client certificate (mutual TLS)
//   --tls_key=FILE     or $KG_TLS_KEY    its key
//   --tls_server_name  or $KG_TLS_SERVER_NAME
//   --token_file=FILE  or $KG_TOKEN_FILE first line: the bearer token
//   $KG_TOKEN                            the token itself (no flag: a token
//                                        on the command line shows in ps)
#ifndef KG_CLIENTS_CLI_CREDENTIALS_H_
#define KG_CLIENTS_CLI_CREDENTIALS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/security/client_channel.h"
#include "grpcpp/channel.h"

namespace kg::cli {

// The options from the flags, falling back to the environment. Errors of
// security::ReadTokenFile and InvalidArgument for a certificate without key.
absl::StatusOr<security::ClientSecurityOptions> CliSecurityOptions();

// A channel to `address` with CliSecurityOptions(). On an options error the
// channel is a plaintext one and the error is printed once to stderr, so
// commands fail with a clear message rather than crash.
std::shared_ptr<grpc::Channel> CliChannel(
    const std::string& address,
    grpc::ChannelArguments arguments = grpc::ChannelArguments());

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_CREDENTIALS_H_
