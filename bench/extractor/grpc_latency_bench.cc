// Latency of one ~5 KB document through gRPC: starts a real extractor
// server on 127.0.0.1 port 0 (extract only, no graph), warms up, then sends
// --calls documents one at a time and prints one JSON line with p50/p90/p99.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "bench/extractor/corpus.h"
#include "extractor_service/pipeline/data_dir.h"
#include "extractor_service/server.h"
#include "grpcpp/grpcpp.h"
#include "kg/v1/extractor.grpc.pb.h"

ABSL_FLAG(int, calls, 2000, "Timed calls.");
ABSL_FLAG(int, warmup, 200, "Untimed calls first.");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  kg::extractor::ExtractorServerOptions options;
  options.grpc.host = "127.0.0.1";
  options.grpc.port = 0;
  options.extractor.data_dir = kg::extractor::DefaultDataDir(argv[0]);
  auto server = kg::extractor::ExtractorServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "%s\n", server.status().ToString().c_str());
    return 1;
  }
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string((*server)->port()),
                                     grpc::InsecureChannelCredentials());
  auto stub = kg::v1::ExtractorService::NewStub(channel);
  std::vector<double> micros;
  size_t bytes = 0;
  const int warmup = absl::GetFlag(FLAGS_warmup), calls = absl::GetFlag(FLAGS_calls);
  for (int i = 0; i < warmup + calls; ++i) {
    kg::v1::ExtractRequest request;
    request.mutable_document()->set_id("lat-" + std::to_string(i % 50));
    request.mutable_document()->set_text(kg::bench::GenerateDocument(1 + i % 50));
    kg::v1::ExtractResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    const auto start = std::chrono::steady_clock::now();
    const grpc::Status status = stub->Extract(&context, request, &response);
    const double us = std::chrono::duration<double, std::micro>(
                          std::chrono::steady_clock::now() - start).count();
    if (!status.ok()) {
      std::fprintf(stderr, "call %d: %s\n", i, status.error_message().c_str());
      return 1;
    }
    if (i >= warmup) {
      micros.push_back(us);
      bytes += request.document().text().size();
    }
  }
  std::sort(micros.begin(), micros.end());
  auto pct = [&](double p) { return micros[static_cast<size_t>(p * (micros.size() - 1))]; };
  std::printf("{\"bench\":\"grpc_extract_latency\",\"calls\":%d,\"avg_doc_bytes\":%zu,"
              "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f}\n",
              calls, bytes / micros.size(), pct(0.5) / 1000, pct(0.9) / 1000,
              pct(0.99) / 1000, micros.back() / 1000);
  (*server)->Shutdown(absl::Seconds(1));
  return 0;
}
