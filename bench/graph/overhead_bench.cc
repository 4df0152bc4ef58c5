#include "bench/graph/overhead_bench.h"

#include <cstdio>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/graph/latency.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::bench {
namespace {

// Times `call` (true: it succeeded) `calls` times after calls/10 warm-ups;
// prints its line and returns its p50, or -1 on a failed call.
double Layer(const char* name, int calls, const std::function<bool()>& call) {
  std::vector<double> micros;
  for (int i = 0; i < calls + calls / 10; ++i) {
    const absl::Time start = absl::Now();
    if (!call()) {
      std::fprintf(stderr, "overhead_bench: %s failed\n", name);
      return -1;
    }
    if (i >= calls / 10) micros.push_back(MicrosSince(start));
  }
  const LatencySummary summary = Summarize(micros);
  std::printf("{\"bench\":\"overhead\",\"layer\":\"%s\",%s}\n", name,
              JsonFields(summary).c_str());
  return summary.p50_us;
}

absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }

}  // namespace

int RunOverhead(const std::shared_ptr<grpc::Channel>& channel,
                const std::vector<BenchQuery>& queries, int calls) {
  auto health = grpc::health::v1::Health::NewStub(channel);
  auto graph = kg::v1::GraphService::NewStub(channel);
  std::string entity;
  for (const BenchQuery& q : queries) {
    if (q.shape == QueryShape::kSubject) {
      entity = q.a;
      break;
    }
  }
  if (entity.empty()) {
    std::fprintf(stderr, "overhead_bench: no subject query to take an entity from\n");
    return 1;
  }
  auto stream_rows = [&](const std::string& text) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(Deadline()));
    kg::v1::QueryRequest request;
    request.set_query(text);
    auto reader = graph->QueryBatches(&context, request);
    kg::v1::QueryRowBatch batch;
    while (reader->Read(&batch)) {
    }
    return reader->Finish().ok();
  };
  const double echo = Layer("echo", calls, [&] {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(Deadline()));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(&context, request, &response).ok();
  });
  const double empty = Layer("empty_stream", calls, [&] {
    return stream_rows("<No Such Entity Anywhere> type ?c");
  });
  const double plan = Layer("plan", calls, [&] {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(Deadline()));
    kg::v1::QueryRequest request;
    request.set_query(absl::StrCat("<", entity, "> type ?c"));
    kg::v1::QueryPlan response;
    return graph->PlanQuery(&context, request, &response).ok();
  });
  const double one = Layer("one_row", calls, [&] {
    return stream_rows(absl::StrCat("<", entity, "> type ?c"));
  });
  if (echo < 0 || plan < 0 || empty < 0 || one < 0) return 1;
  // Each layer's p50 above the echo: what it adds to a bare round trip.
  std::printf(
      "{\"bench\":\"overhead_above_echo\",\"echo_us\":%.1f,"
      "\"empty_stream_us\":%.1f,\"plan_us\":%.1f,\"one_row_us\":%.1f}\n",
      echo, empty - echo, plan - echo, one - echo);
  return 0;
}

}  // namespace kg::bench
