#include "clients/cli/connection.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/credentials.h"
#include "common/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace kg::cli {

std::unique_ptr<kg::v1::GraphService::Stub> GraphStub(
    const std::string& address) {
  return kg::v1::GraphService::NewStub(CliChannel(address));
}

std::unique_ptr<kg::v1::ExtractorService::Stub> ExtractorStub(
    const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxSendMessageSize(-1);
  return kg::v1::ExtractorService::NewStub(CliChannel(address, arguments));
}

std::unique_ptr<grpc::health::v1::Health::Stub> HealthStub(
    const std::string& address) {
  return grpc::health::v1::Health::NewStub(CliChannel(address));
}

void SetTimeout(grpc::ClientContext& context, absl::Duration timeout) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

namespace {

// What gRPC's UNAVAILABLE message says went wrong on the way to a server,
// in the user's terms (flags to check); "" when it is none of the known
// causes. The texts are gRPC 1.51's.
std::string UnavailableCause(absl::string_view message,
                             const std::string& address_flag) {
  const std::string env_name = absl::AsciiStrToUpper(address_flag);
  const std::string where =
      absl::StrCat("set --", address_flag, " or KG_", env_name);
  if (absl::StrContains(message, "Connection refused")) {
    return absl::StrCat("nothing is listening there (connection refused): is "
                        "it running? (", where, ")");
  }
  if (absl::StrContains(message, "DNS resolution failed")) {
    return absl::StrCat("the host name does not resolve (", where, ")");
  }
  if (absl::StrContains(message, "Peer name") &&
      absl::StrContains(message, "not in peer certificate")) {
    return "its TLS certificate does not name the host it was reached as: "
           "set --tls_server_name to a name in the certificate";
  }
  if (absl::StrContains(message, "Ssl handshake failed") ||
      absl::StrContains(message, "certificate verify failed")) {
    return "the TLS handshake failed: the server's certificate is not signed "
           "by --tls_ca (or, with mutual TLS, the server refused --tls_cert)";
  }
  if (absl::StrContains(message, "failed to connect") &&
      absl::StrContains(message, "Socket closed")) {
    return "the server closed the connection while it was being set up: a "
           "TLS server reached without --tls_ca, or a plaintext one with it?";
  }
  if (!absl::StrContains(message, "failed to connect")) {
    return "the connection was lost during the call (the server stopped or "
           "crashed); what it acknowledged before is stored";
  }
  return "";
}

}  // namespace

std::string DescribeError(const grpc::Status& status,
                          const std::string& service_name,
                          const std::string& address,
                          const std::string& address_flag) {
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE &&
      status.error_message().find("graph service at") == std::string::npos) {
    const std::string cause =
        UnavailableCause(status.error_message(), address_flag);
    if (!cause.empty()) {
      return absl::StrCat("cannot reach the ", service_name, " at ", address,
                          ": ", cause);
    }
    return absl::StrCat("cannot reach the ", service_name, " at ", address,
                        " (set --", address_flag, " or KG_",
                        absl::AsciiStrToUpper(address_flag), "): ",
                        status.error_message());
  }
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    return absl::StrCat("UNIMPLEMENTED: the ", service_name, " at ", address,
                        " does not offer this call (an older server?)");
  }
  return absl::StrCat(GrpcCodeName(status.error_code()), ": ",
                      status.error_message());
}

}  // namespace kg::cli
