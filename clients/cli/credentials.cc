#include "clients/cli/credentials.h"

#include <cstdio>
#include <cstdlib>

#include "absl/flags/flag.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

ABSL_FLAG(std::string, tls_ca, "",
          "CA certificate (PEM) to verify the services with; enables TLS "
          "(default $KG_TLS_CA).");
ABSL_FLAG(std::string, tls_cert, "",
          "Client certificate (PEM) for mutual TLS (default $KG_TLS_CERT).");
ABSL_FLAG(std::string, tls_key, "",
          "Key of --tls_cert (default $KG_TLS_KEY).");
ABSL_FLAG(std::string, tls_server_name, "",
          "Name expected in the server certificate (default "
          "$KG_TLS_SERVER_NAME, else the host).");
ABSL_FLAG(std::string, token_file, "",
          "File whose first line is the bearer token (default "
          "$KG_TOKEN_FILE; $KG_TOKEN holds the token itself).");

namespace kg::cli {
namespace {

std::string FlagOrEnv(const std::string& flag, const char* env_name) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv(env_name);
  return env != nullptr ? env : "";
}

}  // namespace

absl::StatusOr<security::ClientSecurityOptions> CliSecurityOptions() {
  security::ClientSecurityOptions options;
  options.tls_ca_file = FlagOrEnv(absl::GetFlag(FLAGS_tls_ca), "KG_TLS_CA");
  options.tls_cert_file =
      FlagOrEnv(absl::GetFlag(FLAGS_tls_cert), "KG_TLS_CERT");
  options.tls_key_file = FlagOrEnv(absl::GetFlag(FLAGS_tls_key), "KG_TLS_KEY");
  options.tls_server_name =
      FlagOrEnv(absl::GetFlag(FLAGS_tls_server_name), "KG_TLS_SERVER_NAME");
  const std::string token_file =
      FlagOrEnv(absl::GetFlag(FLAGS_token_file), "KG_TOKEN_FILE");
  if (!token_file.empty()) {
    absl::StatusOr<std::string> token = security::ReadTokenFile(token_file);
    if (!token.ok()) return token.status();
    options.token = *std::move(token);
  } else {
    options.token = FlagOrEnv("", "KG_TOKEN");
  }
  return options;
}

std::shared_ptr<grpc::Channel> CliChannel(const std::string& address,
                                          grpc::ChannelArguments arguments) {
  absl::StatusOr<security::ClientSecurityOptions> options =
      CliSecurityOptions();
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      options.ok() ? security::OpenChannel(address, *options, arguments)
                   : absl::StatusOr<std::shared_ptr<grpc::Channel>>(
                         options.status());
  if (channel.ok()) return *std::move(channel);
  static bool reported = false;
  if (!reported) {
    std::fprintf(stderr, "kg: credentials: %s\n",
                 std::string(channel.status().message()).c_str());
    reported = true;
  }
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   arguments);
}

}  // namespace kg::cli
