// A running extractor service: the extraction core, the optional client of
// the graph service, and the gRPC server, owned together. Used by main.cc and
// end-to-end tests.
#ifndef KG_EXTRACTOR_SERVICE_SERVER_H_
#define KG_EXTRACTOR_SERVICE_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/grpc_server.h"
#include "common/security/client_channel.h"
#include "extractor_service/extractor_service_impl.h"
#include "extractor_service/graph_client.h"
#include "extractor_service/pipeline/extractor.h"

namespace kg::extractor {

struct ExtractorServerOptions {
  GrpcServerOptions grpc;
  ExtractorOptions extractor;
  // host:port of the graph service; empty disables forwarding.
  std::string graph_address;
  // Transport security and token towards the graph service.
  security::ClientSecurityOptions graph_security;
  RetryPolicy retry;
  // Longest a forwarding call may take, retries included.
  absl::Duration forward_timeout = absl::Seconds(30);
  // Forwards that may wait for the graph at once (see ForwardSlots).
  int max_pending_forwards = 64;
  AnswerLimits answer_limits;
};

class ExtractorServer {
 public:
  // Loads the extractor's data and starts serving. Errors from loading the
  // gazetteers or binding the port are returned as they are.
  static absl::StatusOr<std::unique_ptr<ExtractorServer>> Start(
      const ExtractorServerOptions& options);

  ~ExtractorServer();

  int port() const { return port_; }

  // Stops accepting calls, lets in-flight ones finish within `grace`.
  // Idempotent.
  void Shutdown(absl::Duration grace = absl::Seconds(5));

 private:
  ExtractorServer() = default;

  std::unique_ptr<Extractor> extractor_;
  std::unique_ptr<GraphClient> graph_;
  std::unique_ptr<ExtractorServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  bool shut_down_ = false;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_SERVER_H_
