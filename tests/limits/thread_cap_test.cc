// A sync gRPC server holds one thread per open call, and the graph's Ingest
// handler one more for its acknowledgements: 4,000 idle Ingest streams made
// 8,017 threads. With a thread cap (GrpcServerOptions::max_threads,
// --max_threads) the calls past it get RESOURCE_EXHAUSTED at once, the
// process's threads stay bounded, and the server serves again as soon as
// the streams close. Run here with a cap of 12 and 40 idle streams.
#include <dirent.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg {
namespace {

constexpr int kMaxThreads = 12;
constexpr int kStreams = 40;

int ThreadsOfThisProcess() {
  int threads = 0;
  if (DIR* dir = opendir("/proc/self/task")) {
    while (dirent* entry = readdir(dir)) threads += entry->d_name[0] != '.';
    closedir(dir);
  }
  return threads;
}

grpc::Status Stats(kg::v1::GraphService::Stub& stub) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  kg::v1::GetStatsResponse stats;
  return stub.GetStats(&context, kg::v1::GetStatsRequest(), &stats);
}

TEST(ThreadCapTest, CallsPastTheCapAreRefusedAndThreadsStayBounded) {
  graph::GraphServerOptions options;
  options.db_path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/threads");
  options.sync_writes = false;
  options.grpc.max_threads = kMaxThreads;
  auto server = graph::GraphServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = kg::v1::GraphService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", (*server)->port()),
      grpc::InsecureChannelCredentials()));
  ASSERT_TRUE(Stats(*stub).ok());
  const int threads_before = ThreadsOfThisProcess();

  struct OpenStream {
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReaderWriter<kg::v1::IngestRequest,
                                             kg::v1::IngestResponse>>
        stream;
  };
  std::vector<std::unique_ptr<OpenStream>> streams;
  for (int i = 0; i < kStreams; ++i) {
    auto open = std::make_unique<OpenStream>();
    open->stream = stub->Ingest(&open->context);
    streams.push_back(std::move(open));
  }
  absl::SleepFor(absl::Seconds(1));  // Let the server take them all in.
  const int threads_during = ThreadsOfThisProcess();
  // Each stream accepted costs up to two threads; without the cap 40
  // streams would have added ~80.
  EXPECT_LT(threads_during - threads_before, 2 * kMaxThreads + 8)
      << threads_before << " -> " << threads_during;

  int refused = 0;
  int finished = 0;
  for (auto& open : streams) {
    open->stream->WritesDone();
    const grpc::Status status = open->stream->Finish();
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) ++refused;
    if (status.ok()) ++finished;
  }
  EXPECT_GT(refused, 0);
  EXPECT_EQ(refused + finished, kStreams);
  // Serving again.
  EXPECT_TRUE(Stats(*stub).ok());
  (*server)->Shutdown(absl::Seconds(1));
}

}  // namespace
}  // namespace kg
