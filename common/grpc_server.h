// Start-up and shutdown shared by both services: listening address, message
// limits, health checking, reflection, and graceful stop on SIGTERM; and the
// caller's deadline as their handlers read it.
#ifndef KG_COMMON_GRPC_SERVER_H_
#define KG_COMMON_GRPC_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/security/server_security.h"
#include "grpcpp/server.h"
#include "grpcpp/server_context.h"

namespace kg {

struct GrpcServerOptions {
  // Interface to listen on. Loopback by default: exposing a service is a
  // decision, not an accident.
  std::string host = "127.0.0.1";
  // 0 picks a free port; the chosen one is returned by StartGrpcServer.
  int port = 0;
  int max_receive_message_bytes = 64 * 1024 * 1024;
  // Threads the server may run calls on (gRPC's resource quota). A sync
  // server holds one thread per open call, so without a cap idle streams
  // grow the process without bound; past the cap a new call gets
  // RESOURCE_EXHAUSTED at once. 0: no cap.
  int max_threads = 256;
  // TLS, mutual TLS and bearer-token roles (common/security/). The default
  // is plaintext without tokens. security/server_flags.h fills it from
  // flags.
  security::ServerSecurityOptions security;
};

struct RunningGrpcServer {
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};

// InvalidArgument unless `max_threads` is 0 (no cap) or at least 4: fewer
// threads than gRPC's own pollers need would serve nothing.
absl::Status CheckMaxThreads(int max_threads);

// Builds and starts a server with the standard health service (reports
// SERVING) and server reflection. `services` are not owned and must outlive
// the server. Unavailable when the address cannot be bound; the errors of
// security::MakeServerCredentials for bad security options and of
// CheckMaxThreads.
absl::StatusOr<RunningGrpcServer> StartGrpcServer(
    const GrpcServerOptions& options,
    const std::vector<grpc::Service*>& services);

// The deadline the caller set on this call, or InfiniteFuture when it set
// none.
absl::Time CallerDeadline(const grpc::ServerContext& context);

// Health goes NOT_SERVING, new calls are refused, in-flight calls get
// `grace` to finish before they are cancelled.
void ShutdownGracefully(grpc::Server& server, absl::Duration grace);

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts
// later. Call first thing in main, before any thread exists.
void BlockTerminationSignals();

// Waits for SIGTERM or SIGINT (blocked by BlockTerminationSignals) and
// returns its number.
int WaitForTerminationSignal();

}  // namespace kg

#endif  // KG_COMMON_GRPC_SERVER_H_
