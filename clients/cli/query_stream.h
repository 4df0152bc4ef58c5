// Reading a query's rows from the graph service.
#ifndef KG_CLIENTS_CLI_QUERY_STREAM_H_
#define KG_CLIENTS_CLI_QUERY_STREAM_H_

#include <functional>

#include "absl/time/time.h"
#include "grpcpp/support/status.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::cli {

// Runs `request` through the QueryBatches RPC, calling `on_row` for every
// row in the server's order, and returns the call's status. A server that
// predates QueryBatches (UNIMPLEMENTED) is asked again with Query. The whole
// exchange must finish by `deadline`. `*truncated` (when not null) tells
// whether a server row limit cut the answer (QueryRowBatch.truncated).
grpc::Status StreamQueryRows(
    kg::v1::GraphService::Stub& stub, const kg::v1::QueryRequest& request,
    absl::Time deadline,
    const std::function<void(const kg::v1::QueryRow&)>& on_row,
    bool* truncated = nullptr);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_QUERY_STREAM_H_
