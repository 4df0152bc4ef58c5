#include "common/grpc_server.h"

#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "absl/strings/str_cat.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/resource_quota.h"
#include "grpcpp/server_builder.h"

namespace kg {
namespace {

// OK when `host`:`port` can be bound; FailedPrecondition when another
// socket listens there. gRPC would report only that the server failed to
// start, and by default it shares a port (SO_REUSEPORT) with whoever holds
// it, so that two servers would split the calls between two stores; it is
// told not to (GRPC_ARG_ALLOW_REUSEPORT below), and this check says why.
absl::Status CheckPortFree(const std::string& host, int port) {
  if (port == 0) return absl::OkStatus();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* addresses = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.c_str(), service.c_str(), &hints, &addresses) != 0) {
    return absl::OkStatus();  // gRPC reports an unresolvable host itself.
  }
  absl::Status status = absl::OkStatus();
  for (addrinfo* a = addresses; a != nullptr && status.ok(); a = a->ai_next) {
    const int fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    // As gRPC does: a closed server's TIME_WAIT connections do not count.
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 && errno == EADDRINUSE) {
      status = absl::FailedPreconditionError(absl::StrCat(
          "port ", port, " on ", host,
          " is already in use by another process; one server per port"));
    }
    close(fd);
  }
  freeaddrinfo(addresses);
  return status;
}

}  // namespace

absl::Status CheckMaxThreads(int max_threads) {
  if (max_threads == 0 || max_threads >= 4) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "--max_threads ", max_threads, " must be 0 (no cap) or at least 4"));
}

absl::StatusOr<RunningGrpcServer> StartGrpcServer(
    const GrpcServerOptions& options,
    const std::vector<grpc::Service*>& services) {
  if (absl::Status threads = CheckMaxThreads(options.max_threads);
      !threads.ok()) {
    return threads;
  }
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      security::MakeServerCredentials(options.security);
  if (!credentials.ok()) return credentials.status();
  grpc::ServerBuilder builder;
  const std::string address = absl::StrCat(
      options.host.find(':') == std::string::npos ? options.host
                                                  : "[" + options.host + "]",
      ":", options.port);
  if (absl::Status free = CheckPortFree(options.host, options.port);
      !free.ok()) {
    return free;
  }
  RunningGrpcServer running;
  builder.AddListeningPort(address, *credentials, &running.port);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  if (options.max_threads > 0) {
    grpc::ResourceQuota quota("kg-server-threads");
    quota.SetMaxThreads(options.max_threads);
    builder.SetResourceQuota(quota);
  }
  for (grpc::Service* service : services) builder.RegisterService(service);
  running.server = builder.BuildAndStart();
  if (running.server == nullptr || running.port == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", address,
        options.security.tls_cert_file.empty()
            ? " (address in use or not permitted)"
            : " (address in use or not permitted, or the TLS certificate "
              "and key are not valid PEM or do not match: --tls_cert, "
              "--tls_key)"));
  }
  return running;
}

absl::Time CallerDeadline(const grpc::ServerContext& context) {
  const auto deadline = context.deadline();
  return deadline == std::chrono::system_clock::time_point::max()
             ? absl::InfiniteFuture()
             : absl::FromChrono(deadline);
}

void ShutdownGracefully(grpc::Server& server, absl::Duration grace) {
  if (grpc::HealthCheckServiceInterface* health =
          server.GetHealthCheckService()) {
    health->SetServingStatus(false);
  }
  server.Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

void BlockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

int WaitForTerminationSignal() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  int signal_number = 0;
  while (sigwait(&signals, &signal_number) != 0) {
  }
  return signal_number;
}

}  // namespace kg
