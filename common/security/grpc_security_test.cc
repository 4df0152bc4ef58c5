// TLS, mutual TLS and token roles on a real loopback server.
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "common/grpc_server.h"
#include "common/security/client_channel.h"
#include "common/security/grpc_auth.h"
#include "common/security/server_security.h"
#include "common/security/testing/health_probe.h"
#include "common/security/token_store.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::security {
namespace {

constexpr char kCerts[] = "common/security/testdata/";
constexpr char kReader[] = "reader-token-0123456789";
constexpr char kWriter[] = "writer-token-0123456789";

std::string Cert(const std::string& name) { return kCerts + name; }

// GetStats answers; DeleteDocument additionally checks the writer role
// inside the handler, as the extractor does for forwarding.
class FakeGraph final : public kg::v1::GraphService::Service {
 public:
  explicit FakeGraph(const TokenStore* tokens) : tokens_(tokens) {}
  grpc::Status GetStats(grpc::ServerContext*, const kg::v1::GetStatsRequest*,
                        kg::v1::GetStatsResponse* response) override {
    response->set_facts(7);
    return grpc::Status::OK;
  }
  grpc::Status ListDocuments(grpc::ServerContext* context,
                             const kg::v1::ListDocumentsRequest*,
                             kg::v1::ListDocumentsResponse*) override {
    return RequireRole(*context, tokens_, Role::kWriter, "listing for writers");
  }

 private:
  const TokenStore* tokens_;
};

class SecureServer {
 public:
  explicit SecureServer(ServerSecurityOptions security) {
    if (security.tokens == nullptr) {
      security.tokens = std::make_shared<const TokenStore>(*TokenStore::Parse(
          std::string(kReader) + " reader r\n" + kWriter + " writer w\n",
          "test"));
    }
    tokens_ = security.tokens;
    service_ = std::make_unique<FakeGraph>(tokens_.get());
    GrpcServerOptions options;
    options.security = security;
    absl::StatusOr<RunningGrpcServer> running =
        StartGrpcServer(options, {service_.get()});
    EXPECT_TRUE(running.ok()) << running.status();
    server_ = std::move(running->server);
    port_ = running->port;
  }
  ~SecureServer() { server_->Shutdown(); }

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  std::shared_ptr<const TokenStore> tokens_;
  std::unique_ptr<FakeGraph> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

grpc::Status CallGetStats(const std::string& address,
                          const ClientSecurityOptions& client,
                          kg::v1::GetStatsResponse* response = nullptr) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      OpenChannel(address, client);
  EXPECT_TRUE(channel.ok()) << channel.status();
  auto stub = kg::v1::GraphService::NewStub(*channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  kg::v1::GetStatsResponse ignored;
  return stub->GetStats(&context, kg::v1::GetStatsRequest(),
                        response != nullptr ? response : &ignored);
}

grpc::StatusCode CallDelete(const std::string& address,
                            const ClientSecurityOptions& client) {
  auto stub = kg::v1::GraphService::NewStub(*OpenChannel(address, client));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  kg::v1::DeleteDocumentResponse response;
  return stub->DeleteDocument(&context, kg::v1::DeleteDocumentRequest(),
                              &response)
      .error_code();
}

ClientSecurityOptions Tls(const std::string& token = kReader) {
  ClientSecurityOptions client;
  client.tls_ca_file = Cert("ca.pem");
  client.tls_server_name = "localhost";
  client.token = token;
  return client;
}

ServerSecurityOptions ServerTls() {
  ServerSecurityOptions server;
  server.tls_cert_file = Cert("server.pem");
  server.tls_key_file = Cert("server.key");
  return server;
}

TEST(GrpcSecurityTest, TokensGateMethodsByRole) {
  SecureServer server(ServerSecurityOptions{});
  ClientSecurityOptions client;
  grpc::Status status = CallGetStats(server.address(), client);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(),
            "/kg.v1.GraphService/GetStats needs a token: send metadata "
            "'authorization: Bearer TOKEN'");

  client.token = "not-a-known-token-at-all";
  status = CallGetStats(server.address(), client);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message().find("not-a-known"), std::string::npos);

  client.token = kReader;
  kg::v1::GetStatsResponse response;
  EXPECT_TRUE(CallGetStats(server.address(), client, &response).ok());
  EXPECT_EQ(response.facts(), 7);
  EXPECT_EQ(CallDelete(server.address(), client),
            grpc::StatusCode::PERMISSION_DENIED);

  client.token = kWriter;
  // Past the gate; the fake does not implement DeleteDocument.
  EXPECT_EQ(CallDelete(server.address(), client),
            grpc::StatusCode::UNIMPLEMENTED);
}

TEST(GrpcSecurityTest, HandlerCanRequireAHigherRole) {
  SecureServer server(ServerSecurityOptions{});
  for (const auto& [token, code] :
       {std::pair{kReader, grpc::StatusCode::PERMISSION_DENIED},
        std::pair{kWriter, grpc::StatusCode::OK}}) {
    ClientSecurityOptions client;
    client.token = token;
    auto stub = kg::v1::GraphService::NewStub(
        *OpenChannel(server.address(), client));
    grpc::ClientContext context;
    kg::v1::ListDocumentsResponse response;
    EXPECT_EQ(stub->ListDocuments(&context, {}, &response).error_code(), code);
  }
}

TEST(GrpcSecurityTest, HealthStaysOpen) {
  SecureServer server(ServerTls());
  absl::StatusOr<kg::testing::Health> health =
      kg::testing::CheckHealth(*OpenChannel(server.address(), Tls("")));
  ASSERT_TRUE(health.ok()) << health.status();
  EXPECT_EQ(*health, kg::testing::Health::kServing);
}

TEST(GrpcSecurityTest, TlsServerRefusesPlaintextAndAcceptsTls) {
  SecureServer server(ServerTls());
  ClientSecurityOptions plaintext;
  plaintext.token = kReader;
  EXPECT_EQ(CallGetStats(server.address(), plaintext).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(CallGetStats(server.address(), Tls()).ok());
  ClientSecurityOptions wrong_ca = Tls();
  wrong_ca.tls_ca_file = Cert("rogue_ca.pem");
  EXPECT_EQ(CallGetStats(server.address(), wrong_ca).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST(GrpcSecurityTest, MutualTlsNeedsAClientCertificateFromTheCa) {
  ServerSecurityOptions options = ServerTls();
  options.tls_client_ca_file = Cert("ca.pem");
  SecureServer server(options);
  EXPECT_EQ(CallGetStats(server.address(), Tls()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  ClientSecurityOptions rogue = Tls();
  rogue.tls_cert_file = Cert("rogue_client.pem");
  rogue.tls_key_file = Cert("rogue_client.key");
  EXPECT_EQ(CallGetStats(server.address(), rogue).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  ClientSecurityOptions client = Tls();
  client.tls_cert_file = Cert("client.pem");
  client.tls_key_file = Cert("client.key");
  EXPECT_TRUE(CallGetStats(server.address(), client).ok());
  client.token = "";
  EXPECT_EQ(CallGetStats(server.address(), client).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST(GrpcSecurityTest, BadOptionsAreRefused) {
  ServerSecurityOptions half;
  half.tls_cert_file = Cert("server.pem");
  EXPECT_TRUE(absl::IsInvalidArgument(MakeServerCredentials(half).status()));
  ServerSecurityOptions missing = ServerTls();
  missing.tls_key_file = "/nonexistent.key";
  EXPECT_TRUE(absl::IsNotFound(MakeServerCredentials(missing).status()));
  ClientSecurityOptions client;
  client.tls_cert_file = Cert("client.pem");
  client.tls_key_file = Cert("client.key");
  EXPECT_TRUE(absl::IsInvalidArgument(
      OpenChannel("127.0.0.1:1", client).status()));
}

}  // namespace
}  // namespace kg::security
