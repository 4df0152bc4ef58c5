// Channels to kg services with the caller's transport security and token:
// used by the extractor (towards the graph), the CLI and tests.
#ifndef KG_COMMON_SECURITY_CLIENT_CHANNEL_H_
#define KG_COMMON_SECURITY_CLIENT_CHANNEL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "grpcpp/support/channel_arguments.h"

namespace kg::security {

struct ClientSecurityOptions {
  // PEM file of the CA that signed the server's certificate. Set: TLS;
  // empty: plaintext.
  std::string tls_ca_file;
  // The client's own certificate chain and key, for mutual TLS. Both or
  // neither; TLS only.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Name to verify in the server certificate instead of the host in the
  // address (e.g. "localhost" when dialling 127.0.0.1).
  std::string tls_server_name;
  // Bearer token sent as `authorization: Bearer TOKEN` on every call; empty
  // sends none. Never logged.
  std::string token;
};

// A channel to `address` (host:port) that applies `options` to every call.
// InvalidArgument for inconsistent options; NotFound for unreadable files.
// Creating a channel does not connect: an unreachable server shows up as
// UNAVAILABLE on the first call.
absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(
    const std::string& address, const ClientSecurityOptions& options,
    grpc::ChannelArguments arguments = grpc::ChannelArguments());

// The first non-blank line of a token file, whitespace-trimmed. NotFound
// when unreadable, InvalidArgument when it holds no token.
absl::StatusOr<std::string> ReadTokenFile(const std::string& path);

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_CLIENT_CHANNEL_H_
