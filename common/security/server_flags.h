// Security flags shared by graph_server and extractor_server:
//
//   --tls_cert=FILE --tls_key=FILE   serve TLS with this certificate chain
//                                    and key (PEM)
//   --tls_client_ca=FILE             mutual TLS: require client certificates
//                                    signed by this CA
//   --auth_tokens_file=FILE          require bearer tokens ("TOKEN ROLE
//                                    NAME" lines, token_store.h)
//
// main.cc calls ApplySecurityFlags once after parsing the command line.
#ifndef KG_COMMON_SECURITY_SERVER_FLAGS_H_
#define KG_COMMON_SECURITY_SERVER_FLAGS_H_

#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/status/status.h"
#include "common/flag_files.h"
#include "common/grpc_server.h"

ABSL_DECLARE_FLAG(std::string, tls_cert);
ABSL_DECLARE_FLAG(std::string, tls_key);
ABSL_DECLARE_FLAG(std::string, tls_client_ca);
ABSL_DECLARE_FLAG(std::string, auth_tokens_file);

namespace kg::security {

// Fills options->security from the flags, loading the token file. Errors
// of TokenStore::Load and inconsistent flags (a key without a certificate,
// a client CA without TLS) as InvalidArgument / NotFound; the caller exits.
absl::Status ApplySecurityFlags(GrpcServerOptions* options);

// The files the flags above name, for CheckFlagPaths before anything starts.
std::vector<FlagPath> SecurityFlagPaths();

// One line for the start-up banner, e.g. "TLS (mutual), tokens: 3"; names
// no file contents and no token.
std::string DescribeSecurity(const ServerSecurityOptions& options);

}  // namespace kg::security

#endif  // KG_COMMON_SECURITY_SERVER_FLAGS_H_
