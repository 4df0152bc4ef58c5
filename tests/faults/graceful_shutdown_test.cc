// SIGTERM to a real graph_server while a slow query is in flight: a health
// Watch stream opened before sees SERVING then NOT_SERVING, the query runs
// to its own end (not CANCELLED), new calls are refused (UNAVAILABLE) and
// the process exits 0. (A new Check after SIGTERM is itself a refused call,
// so only an existing Watch can observe NOT_SERVING.)
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/security/testing/health_probe.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg {
namespace {

struct Child {
  pid_t pid = -1;
  int port = 0;
};

// Starts graph_server and reads the port from its first line of output.
Child StartGraphServer(const std::string& db_path) {
  int out[2];
  EXPECT_EQ(pipe(out), 0);
  Child child;
  child.pid = fork();
  if (child.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    const std::string db = "--db_path=" + db_path;
    execl("graph_service/graph_server", "graph_server", "--port=0",
          db.c_str(), "--query_timeout=3s", "--shutdown_grace=10s",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  FILE* stream = fdopen(out[0], "r");
  char line[512] = {0};
  if (fgets(line, sizeof(line), stream) != nullptr) {
    std::smatch match;
    const std::string text = line;
    if (std::regex_search(text, match, std::regex(R"(:(\d+), store)"))) {
      child.port = std::stoi(match[1]);
    }
  }
  return child;
}

grpc::Status Ingest(kg::v1::GraphService::Stub& stub, int facts) {
  grpc::ClientContext context;
  auto stream = stub.Ingest(&context);
  kg::v1::IngestRequest request;
  for (int i = 0; i < facts; ++i) {
    kg::v1::Fact* fact = request.add_facts();
    fact->set_subject(absl::StrCat("Officer ", i));
    fact->set_predicate("member_of");
    fact->mutable_value()->set_entity(absl::StrCat("Unit ", i % 3));
    kg::v1::Evidence* evidence = fact->add_evidence();
    evidence->set_document_id("load");
    evidence->set_sentence("Officers joined units.");
    evidence->set_end(22);
    evidence->set_byte_end(22);
    evidence->set_rule("test");
    evidence->set_confidence(1.0);
  }
  stream->Write(request);
  stream->WritesDone();
  kg::v1::IngestResponse response;
  stream->Read(&response);
  return stream->Finish();
}

// Statuses a grpc.health.v1 Watch stream reports until it ends.
class HealthWatch {
 public:
  explicit HealthWatch(const std::shared_ptr<grpc::Channel>& channel)
      : stub_(grpc::health::v1::Health::NewStub(channel)) {
    context_.set_deadline(
        absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    reader_ = stub_->Watch(&context_, grpc::health::v1::HealthCheckRequest());
    thread_ = std::thread([this] {
      grpc::health::v1::HealthCheckResponse response;
      while (reader_->Read(&response)) seen_.push_back(response.status());
      reader_->Finish().error_code();
    });
  }
  // Waits for the stream to end; the statuses in order.
  std::vector<int> Join() {
    thread_.join();
    return seen_;
  }

 private:
  std::unique_ptr<grpc::health::v1::Health::Stub> stub_;
  grpc::ClientContext context_;
  std::unique_ptr<
      grpc::ClientReader<grpc::health::v1::HealthCheckResponse>>
      reader_;
  std::vector<int> seen_;
  std::thread thread_;
};

TEST(GracefulShutdownTest, SigtermDrainsInFlightCallsAndExitsZero) {
  Child child =
      StartGraphServer(absl::StrCat(std::getenv("TEST_TMPDIR"), "/graph"));
  ASSERT_GT(child.port, 0);
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", child.port),
                                     grpc::InsecureChannelCredentials());
  auto stub = kg::v1::GraphService::NewStub(channel);
  ASSERT_TRUE(Ingest(*stub, 3000).ok());
  EXPECT_EQ(*testing::CheckHealth(channel), testing::Health::kServing);
  HealthWatch watch(channel);

  // A query that runs until the server's 3 s query timeout.
  grpc::Status slow_status;
  absl::Duration slow_took;
  std::thread slow([&] {
    grpc::ClientContext context;
    kg::v1::QueryRequest request;
    request.set_query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?a member_of ?b . ?c member_of ?d . "
        "?e member_of ?f }");
    const absl::Time start = absl::Now();
    auto reader = stub->Query(&context, request);
    kg::v1::QueryRow row;
    while (reader->Read(&row)) {
    }
    slow_status = reader->Finish();
    slow_took = absl::Now() - start;
  });
  absl::SleepFor(absl::Milliseconds(500));
  ASSERT_EQ(kill(child.pid, SIGTERM), 0);
  absl::SleepFor(absl::Milliseconds(300));

  // New calls are refused while the query drains.
  auto fresh = kg::v1::GraphService::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", child.port),
                          grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
  kg::v1::GetStatsResponse stats;
  const grpc::Status refused = fresh->GetStats(&context, {}, &stats);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAVAILABLE)
      << refused.error_message();

  slow.join();
  // The in-flight query ended by its own timeout, not by the shutdown.
  EXPECT_NE(slow_status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_NE(slow_status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << slow_status.error_message();
  EXPECT_GE(slow_took, absl::Milliseconds(2500));

  int wait_status = 0;
  ASSERT_EQ(waitpid(child.pid, &wait_status, 0), child.pid);
  const std::vector<int> health = watch.Join();
  ASSERT_GE(health.size(), 2u);
  EXPECT_EQ(health.front(), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(health.back(), grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  EXPECT_TRUE(WIFEXITED(wait_status));
  EXPECT_EQ(WEXITSTATUS(wait_status), 0);
  std::printf("{\"in_flight\":\"%s\",\"in_flight_ms\":%lld,\"new_call\":%d,"
              "\"exit\":%d}\n",
              slow_status.error_message().c_str(),
              static_cast<long long>(absl::ToInt64Milliseconds(slow_took)),
              refused.error_code(), WEXITSTATUS(wait_status));
}

}  // namespace
}  // namespace kg
