#include "common/security/graph_client_flags.h"

#include <string>

#include "absl/flags/flag.h"
#include "common/status_macros.h"

ABSL_FLAG(std::string, graph_tls_ca, "",
          "PEM CA certificate: connect to the graph over TLS and verify it.");
ABSL_FLAG(std::string, graph_tls_cert, "",
          "PEM client certificate for mutual TLS with the graph.");
ABSL_FLAG(std::string, graph_tls_key, "", "PEM key of --graph_tls_cert.");
ABSL_FLAG(std::string, graph_tls_server_name, "",
          "Name to verify in the graph's certificate (default: the host).");
ABSL_FLAG(std::string, graph_token_file, "",
          "File whose first line is the bearer token for the graph.");

namespace kg::security {

absl::StatusOr<ClientSecurityOptions> GraphClientSecurityFromFlags() {
  ClientSecurityOptions options;
  options.tls_ca_file = absl::GetFlag(FLAGS_graph_tls_ca);
  options.tls_cert_file = absl::GetFlag(FLAGS_graph_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_graph_tls_key);
  options.tls_server_name = absl::GetFlag(FLAGS_graph_tls_server_name);
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        "--graph_tls_cert and --graph_tls_key go together");
  }
  if (!options.tls_cert_file.empty() && options.tls_ca_file.empty()) {
    return absl::InvalidArgumentError(
        "--graph_tls_cert needs --graph_tls_ca (mutual TLS is TLS)");
  }
  const std::string token_file = absl::GetFlag(FLAGS_graph_token_file);
  if (!token_file.empty()) {
    ASSIGN_OR_RETURN(options.token, ReadTokenFile(token_file));
  }
  return options;
}

std::vector<FlagPath> GraphClientFlagPaths() {
  return {{"graph_tls_ca", absl::GetFlag(FLAGS_graph_tls_ca)},
          {"graph_tls_cert", absl::GetFlag(FLAGS_graph_tls_cert)},
          {"graph_tls_key", absl::GetFlag(FLAGS_graph_tls_key)},
          {"graph_token_file", absl::GetFlag(FLAGS_graph_token_file)}};
}

}  // namespace kg::security
