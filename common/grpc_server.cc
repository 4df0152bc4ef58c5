#include "common/grpc_server.h"

#include <signal.h>

#include "absl/strings/str_cat.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace kg {

absl::StatusOr<RunningGrpcServer> StartGrpcServer(
    const GrpcServerOptions& options,
    const std::vector<grpc::Service*>& services) {
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
  RunningGrpcServer running;
  builder.AddListeningPort(address, *credentials,
                           &running.port);
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  for (grpc::Service* service : services) builder.RegisterService(service);
  running.server = builder.BuildAndStart();
  if (running.server == nullptr || running.port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", address,
                     " (address in use or not permitted)"));
  }
  return running;
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
