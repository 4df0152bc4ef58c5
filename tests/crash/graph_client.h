// The crash test's gRPC calls to a graph_server: reading the whole store
// back and sending single batches. Blocking; safe to call from any thread
// (gRPC stubs are thread-safe).
#ifndef KG_TESTS_CRASH_GRAPH_CLIENT_H_
#define KG_TESTS_CRASH_GRAPH_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kg/v1/graph.grpc.pb.h"
#include "tests/crash/durability_checker.h"

namespace kg::crash {

// A stub on an insecure loopback channel to `address` ("127.0.0.1:PORT")
// that accepts responses of any size (a GetEntity of a busy subject can
// exceed gRPC's 4 MiB default).
std::unique_ptr<kg::v1::GraphService::Stub> NewGraphStub(
    const std::string& address);

// Reads every fact whose subject is one of `subjects` (GetEntity per
// subject, outgoing facts; NOT_FOUND means none) and the GetStats counters.
// Errors: the first failing RPC's status, with the subject named.
absl::StatusOr<StoreSnapshot> ReadSnapshot(
    kg::v1::GraphService::Stub& stub, const std::vector<std::string>& subjects,
    absl::Duration timeout);

// Sends `batch` as the only batch of a new Ingest stream and returns its
// acknowledgement. Errors: the stream's status; Internal if the stream
// ended OK without an acknowledgement.
absl::StatusOr<kg::v1::IngestResponse> IngestOne(
    kg::v1::GraphService::Stub& stub, const kg::v1::IngestRequest& batch,
    absl::Duration timeout);

// Calls DeleteDocument. NOT_FOUND (unknown document) counts as success.
absl::Status DeleteDocument(kg::v1::GraphService::Stub& stub,
                            const std::string& document_id,
                            absl::Duration timeout);

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_GRAPH_CLIENT_H_
