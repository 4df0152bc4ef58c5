// A caller that gives up stops the extraction: a 12 MB document (inside the
// extractor's limit, seconds of work) with a 300 ms deadline gets
// DEADLINE_EXCEEDED, and within a second of it the server's threads are
// idle again. Before, the extraction ran to its end after the caller had
// gone (minutes for a 16 MB document, and past SIGTERM's grace).
#include <sys/resource.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "extractor_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/extractor.grpc.pb.h"

namespace kg {
namespace {

double ProcessCpuSeconds() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 1e-6;
}

std::string BigDocument(size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) {
    absl::StrAppend(&text, "Insp Carol Baines of the Larchwood Unit said ",
                    "officers in Salford arrested ", i % 97,
                    " people during Operation Fernhill.\n");
  }
  return text;
}

TEST(ExtractionDeadlineTest, CallerDeadlineStopsTheWork) {
  extractor::ExtractorServerOptions options;
  options.extractor.data_dir = "extractor_service/data";
  options.extractor.max_document_bytes = 16 << 20;
  options.grpc.max_receive_message_bytes = 17 << 20;
  auto server = extractor::ExtractorServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                                     grpc::InsecureChannelCredentials());
  auto stub = kg::v1::ExtractorService::NewStub(channel);

  kg::v1::ExtractRequest request;
  request.mutable_document()->set_id("big");
  request.mutable_document()->set_text(BigDocument(12 << 20));
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(300)));
  const grpc::Status status = stub->Extract(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << status.error_message();

  // Within a second of the deadline the server stops working on it: the
  // next second costs the process (client and server) well under a core.
  absl::SleepFor(absl::Seconds(1));
  const double before = ProcessCpuSeconds();
  absl::SleepFor(absl::Seconds(1));
  EXPECT_LT(ProcessCpuSeconds() - before, 0.3);

  // And the server still answers.
  kg::v1::ExtractRequest small;
  small.mutable_document()->set_id("small");
  small.mutable_document()->set_text("Insp Carol Baines leads the Larchwood Unit.");
  grpc::ClientContext small_context;
  EXPECT_TRUE(stub->Extract(&small_context, small, &response).ok());
  (*server)->Shutdown(absl::Seconds(1));
}

}  // namespace
}  // namespace kg
