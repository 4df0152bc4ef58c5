#include "extractor_service/server.h"

#include <utility>

namespace kg::extractor {

absl::StatusOr<std::unique_ptr<ExtractorServer>> ExtractorServer::Start(
    const ExtractorServerOptions& options) {
  absl::StatusOr<std::unique_ptr<Extractor>> extractor =
      Extractor::Create(options.extractor);
  if (!extractor.ok()) return extractor.status();

  std::unique_ptr<ExtractorServer> server(new ExtractorServer());
  server->extractor_ = *std::move(extractor);
  if (!options.graph_address.empty()) {
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
        security::OpenChannel(options.graph_address, options.graph_security);
    if (!channel.ok()) return channel.status();
    server->graph_ = std::make_unique<GraphClient>(
        *std::move(channel), options.graph_address, options.retry);
  }
  server->service_ = std::make_unique<ExtractorServiceImpl>(
      server->extractor_.get(), server->graph_.get(), options.forward_timeout,
      options.grpc.security.tokens, options.max_pending_forwards,
      options.answer_limits);
  absl::StatusOr<RunningGrpcServer> running =
      StartGrpcServer(options.grpc, {server->service_.get()});
  if (!running.ok()) return running.status();
  server->server_ = std::move(running->server);
  server->port_ = running->port;
  return server;
}

ExtractorServer::~ExtractorServer() { Shutdown(absl::ZeroDuration()); }

void ExtractorServer::Shutdown(absl::Duration grace) {
  if (shut_down_) return;
  shut_down_ = true;
  if (server_ == nullptr) return;  // Start failed before the server ran.
  ShutdownGracefully(*server_, grace);
  server_->Wait();
}

}  // namespace kg::extractor
