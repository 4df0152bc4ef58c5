// Flags of the extractor's connection to the graph service:
//
//   --graph_tls_ca=FILE           TLS to the graph, verifying it with this CA
//   --graph_tls_cert/--graph_tls_key=FILE
//                                 client certificate for mutual TLS
//   --graph_tls_server_name=NAME  name expected in the graph's certificate
//   --graph_token_file=FILE       bearer token (role writer) for the graph
#ifndef KG_COMMON_SECURITY_GRAPH_CLIENT_FLAGS_H_
#define KG_COMMON_SECURITY_GRAPH_CLIENT_FLAGS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "common/flag_files.h"
#include "common/security/client_channel.h"

namespace kg::security {

// The options named by the flags, the token read from its file. Errors of
// ReadTokenFile; InvalidArgument for a certificate without key.
absl::StatusOr<ClientSecurityOptions> GraphClientSecurityFromFlags();

// The files the flags above name, for CheckFlagPaths before anything starts.
std::vector<FlagPath> GraphClientFlagPaths();

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_GRAPH_CLIENT_FLAGS_H_
