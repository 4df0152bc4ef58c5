// The graph service stops and comes back while the extractor forwards
// documents: every Extract(forward) that answered OK is in the graph after
// the restart, and every other one answered UNAVAILABLE (never OK and lost).
#include <atomic>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "extractor_service/server.h"
#include "graph_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg {
namespace {

constexpr char kText[] =
    "Commander Priya Nandakumar, who leads Operation Halyard, said officers "
    "from Northshire Police arrested two men in Lowbridge.";

std::unique_ptr<graph::GraphServer> StartGraph(const std::string& path,
                                               int port) {
  graph::GraphServerOptions options;
  options.db_path = path;
  options.grpc.port = port;
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto server = graph::GraphServer::Start(options);
    if (server.ok()) return std::move(*server);
    absl::SleepFor(absl::Milliseconds(100));  // Port or lock still held.
  }
  ADD_FAILURE() << "graph did not restart";
  return nullptr;
}

TEST(GraphRestartTest, AcknowledgedDocumentsSurviveAndOthersAreUnavailable) {
  const std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/graph");
  std::unique_ptr<graph::GraphServer> graph = StartGraph(path, 0);
  ASSERT_NE(graph, nullptr);
  const int port = graph->port();

  extractor::ExtractorServerOptions options;
  options.extractor.data_dir = "extractor_service/data";
  options.graph_address = absl::StrCat("127.0.0.1:", port);
  options.retry.max_attempts = 3;
  options.retry.initial_backoff = absl::Milliseconds(50);
  options.retry.attempt_timeout = absl::Seconds(1);
  options.forward_timeout = absl::Milliseconds(600);
  auto extractor = extractor::ExtractorServer::Start(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  auto stub = v1::ExtractorService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", (*extractor)->port()),
      grpc::InsecureChannelCredentials()));

  std::atomic<bool> stop{false};
  std::set<std::string> acknowledged;
  int unavailable = 0, other = 0;
  std::thread client([&] {
    for (int i = 0; i < 2000 && !stop; ++i) {
      const std::string id = absl::StrCat("doc-", i);
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
      v1::ExtractRequest request;
      request.mutable_document()->set_id(id);
      request.mutable_document()->set_text(kText);
      request.set_forward(true);
      v1::ExtractResponse response;
      const grpc::Status status = stub->Extract(&context, request, &response);
      if (status.ok()) {
        acknowledged.insert(id);
      } else if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
        ++unavailable;
      } else {
        ++other;
        ADD_FAILURE() << id << ": " << status.error_message();
      }
    }
  });
  for (int round = 0; round < 3; ++round) {
    absl::SleepFor(absl::Milliseconds(400));
    graph->Shutdown(absl::ZeroDuration());
    graph.reset();
    absl::SleepFor(absl::Milliseconds(1000));  // Down for longer than retries.
    graph = StartGraph(path, port);
    ASSERT_NE(graph, nullptr);
  }
  absl::SleepFor(absl::Milliseconds(400));
  stop = true;
  client.join();

  auto graph_stub = v1::GraphService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  v1::ListDocumentsResponse documents;
  ASSERT_TRUE(graph_stub->ListDocuments(&context, {}, &documents).ok());
  std::set<std::string> stored;
  for (const auto& document : documents.documents()) {
    stored.insert(document.document_id());
  }
  for (const std::string& id : acknowledged) {
    EXPECT_TRUE(stored.count(id)) << id << " was acknowledged but is missing";
  }
  std::printf("{\"acknowledged\":%zu,\"unavailable\":%d,\"other\":%d,"
              "\"stored\":%zu,\"restarts\":3}\n",
              acknowledged.size(), unavailable, other, stored.size());
  EXPECT_GT(acknowledged.size(), 0u);
  EXPECT_GT(unavailable, 0);
  EXPECT_EQ(other, 0);
  (*extractor)->Shutdown(absl::ZeroDuration());
}

}  // namespace
}  // namespace kg
