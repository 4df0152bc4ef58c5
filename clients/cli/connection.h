// Channels to the services, and error messages a person can act on.
#ifndef KG_CLIENTS_CLI_CONNECTION_H_
#define KG_CLIENTS_CLI_CONNECTION_H_

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::cli {

std::unique_ptr<kg::v1::GraphService::Stub> GraphStub(
    const std::string& address);
std::unique_ptr<kg::v1::ExtractorService::Stub> ExtractorStub(
    const std::string& address);
std::unique_ptr<grpc::health::v1::Health::Stub> HealthStub(
    const std::string& address);

// Sets the deadline `timeout` from now.
void SetTimeout(grpc::ClientContext& context, absl::Duration timeout);

// For UNAVAILABLE, which hop failed and why, e.g. "cannot reach the graph
// service at 127.0.0.1:50051: nothing is listening there (connection
// refused): is it running? (set --graph_addr or KG_GRAPH_ADDR)"; likewise a
// host name that does not resolve, a TLS handshake or name mismatch, a
// connection closed during set-up, and one lost mid-call. Otherwise
// "CODE: message".
std::string DescribeError(const grpc::Status& status,
                          const std::string& service_name,
                          const std::string& address,
                          const std::string& address_flag);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_CONNECTION_H_
