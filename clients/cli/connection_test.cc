#include "clients/cli/connection.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Unavailable(const std::string& grpc_message) {
  return DescribeError(grpc::Status(grpc::StatusCode::UNAVAILABLE, grpc_message),
                       "graph service", "10.0.0.7:50051", "graph_addr");
}

// The messages are gRPC 1.51's, as kg received them from a closed port, a
// TLS server reached in plaintext, a rogue CA, a wrong --tls_server_name,
// an unknown host and a server killed mid-call.
TEST(DescribeErrorTest, SaysWhichHopFailedAndWhy) {
  EXPECT_THAT(Unavailable("failed to connect to all addresses; last error: "
                          "UNKNOWN: ipv4:10.0.0.7:50051: Failed to connect to "
                          "remote host: Connection refused"),
              HasSubstr("cannot reach the graph service at 10.0.0.7:50051: "
                        "nothing is listening there (connection refused): is "
                        "it running? (set --graph_addr or KG_GRAPH_ADDR)"));
  EXPECT_THAT(Unavailable("failed to connect to all addresses; last error: "
                          "UNAVAILABLE: ipv4:10.0.0.7:50051: Socket closed"),
              HasSubstr("closed the connection while it was being set up"));
  EXPECT_THAT(Unavailable("failed to connect to all addresses; last error: "
                          "UNKNOWN: ipv4:10.0.0.7:50051: Ssl handshake failed: "
                          "SSL_ERROR_SSL: error:0A000086:SSL routines::"
                          "certificate verify failed"),
              HasSubstr("TLS handshake failed"));
  EXPECT_THAT(Unavailable("failed to connect to all addresses; last error: "
                          "UNKNOWN: ipv4:10.0.0.7:50051: Peer name other.example "
                          "is not in peer certificate"),
              HasSubstr("set --tls_server_name"));
  EXPECT_THAT(Unavailable("DNS resolution failed for nowhere.invalid:50051: "
                          "Domain name not found"),
              HasSubstr("the host name does not resolve"));
  const std::string lost = Unavailable("Socket closed");
  EXPECT_THAT(lost, HasSubstr("lost during the call"));
  EXPECT_THAT(lost, Not(HasSubstr("is it running")));
  // Unknown causes keep gRPC's own words.
  EXPECT_THAT(Unavailable("failed to connect to all addresses; last error: "
                          "something new"),
              HasSubstr("something new"));
}

TEST(DescribeErrorTest, OtherCodesKeepTheirNameAndMessage) {
  EXPECT_EQ(DescribeError(grpc::Status(grpc::StatusCode::NOT_FOUND, "no entity"),
                          "graph service", "a:1", "graph_addr"),
            "NOT_FOUND: no entity");
}

}  // namespace
}  // namespace kg::cli
