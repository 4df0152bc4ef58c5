// graph_bench: measures a running graph_server over gRPC and prints JSON
// lines (one per measurement). run.sh starts the server; see
// docs/benchmarks.md.
//
//   graph_bench --address=127.0.0.1:PORT --mode=load --batch_facts=0
//   graph_bench --address=127.0.0.1:PORT --mode=query --queries=queries.tsv
//   graph_bench --address=127.0.0.1:PORT --mode=echo
//
// load:  the generated fact set (same flags as gen_facts) through one
//        pipelined Ingest stream; batches are built before timing starts.
// query: every query of --queries, --repeat times, each one QueryBatches
//        RPC (--query_rpc=rows: the one-message-per-row Query RPC, e.g. for
//        an older server) whose rows are all read (limit 1000000); p50/p99
//        per shape. The first
//        pass's row counts are printed so they can be compared with
//        Oxigraph's. Also GetNeighbourhood(hops=2) on the two_hop keys when
//        the server implements it (--neighbourhood=false skips it).
// echo:  the health Check RPC of the same server: the gRPC round-trip floor.
// walks: GetNeighbourhood (2 hops) and FindPath with the server's default
//        limits, as `kg viz` calls them (bench/graph/walk_bench.h).
// overhead: a query's round trip layer by layer (echo, plan, an empty
//        stream, one row; bench/graph/overhead_bench.h).
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "bench/graph/ingest_load.h"
#include "bench/graph/latency.h"
#include "bench/graph/query_set.h"
#include "bench/graph/shape_timing.h"
#include "bench/graph/overhead_bench.h"
#include "bench/graph/walk_bench.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "kg/v1/graph.grpc.pb.h"

ABSL_FLAG(std::string, address, "", "graph_server address, HOST:PORT.");
ABSL_FLAG(std::string, mode, "", "load, query, echo, walks or overhead (comma-separated).");
ABSL_FLAG(std::string, label, "ours", "Tag for the JSON lines.");
ABSL_FLAG(uint64_t, facts, 1000000, "load: fact statements (as gen_facts).");
ABSL_FLAG(uint32_t, entities, 100000, "load: entities (as gen_facts).");
ABSL_FLAG(uint32_t, documents, 50000, "load: documents (as gen_facts).");
ABSL_FLAG(uint64_t, seed, 1, "load: generator seed (as gen_facts).");
ABSL_FLAG(double, zipf, 0.8, "load: popularity exponent (as gen_facts).");
ABSL_FLAG(int, batch_facts, 0, "load: 0 = one batch per document, else N.");
ABSL_FLAG(int, window, 64, "load: batches in flight.");
ABSL_FLAG(bool, bulk, false,
          "load: the bulk path (metadata kg-ingest-mode: bulk; needs "
          "--batch_facts > 0).");
ABSL_FLAG(std::string, queries, "", "query: the queries.tsv of gen_facts.");
ABSL_FLAG(int, repeat, 3, "query: passes over the queries (1 warm-up more).");
ABSL_FLAG(std::string, query_rpc, "batches",
          "query: batches (QueryBatches) or rows (Query).");
ABSL_FLAG(bool, neighbourhood, true,
          "query: also time GetNeighbourhood(hops=2) on the two_hop keys.");
ABSL_FLAG(int, echo_calls, 3000, "echo: calls.");

namespace {

using kg::bench::BenchQuery;
using kg::bench::QueryShape;


int Load(kg::v1::GraphService::Stub& stub) {
  kg::bench::GeneratorOptions gen;
  gen.facts = absl::GetFlag(FLAGS_facts);
  gen.entities = absl::GetFlag(FLAGS_entities);
  gen.documents = absl::GetFlag(FLAGS_documents);
  gen.seed = absl::GetFlag(FLAGS_seed);
  gen.zipf_exponent = absl::GetFlag(FLAGS_zipf);
  kg::bench::FactGenerator generator(gen);
  kg::bench::LoadOptions options;
  options.batch_facts = absl::GetFlag(FLAGS_batch_facts);
  options.window = absl::GetFlag(FLAGS_window);
  options.bulk = absl::GetFlag(FLAGS_bulk);
  const auto batches = kg::bench::MakeBatches(generator, options.batch_facts);
  auto result = kg::bench::LoadBatches(stub, batches, options);
  if (!result.ok()) {
    std::fprintf(stderr, "graph_bench: load: %s\n",
                 result.status().ToString().c_str());
    return 1;
  }
  const std::string batching =
      options.bulk              ? absl::StrFormat("bulk%d", options.batch_facts)
      : options.batch_facts == 0 ? std::string("document")
                                 : absl::StrFormat("%d", options.batch_facts);
  std::printf(
      "{\"bench\":\"load\",\"system\":\"%s\",\"batching\":\"%s\","
      "\"facts\":%llu,\"batches\":%llu,\"facts_new\":%llu,"
      "\"evidence_new\":%llu,\"seconds\":%.3f,\"facts_per_s\":%.0f}\n",
      absl::GetFlag(FLAGS_label).c_str(),
      batching.c_str(),
      (unsigned long long)result->facts, (unsigned long long)result->batches,
      (unsigned long long)result->facts_new,
      (unsigned long long)result->evidence_new, result->seconds,
      result->facts / result->seconds);
  return 0;
}

// Reads every message of `reader`; returns the row count, -1 on error.
template <typename Message>
long ReadAll(grpc::ClientReader<Message>& reader, const std::string& text,
             int (*rows_in)(const Message&)) {
  Message message;
  long rows = 0;
  while (reader.Read(&message)) rows += rows_in(message);
  const grpc::Status status = reader.Finish();
  if (!status.ok()) {
    std::fprintf(stderr, "graph_bench: %s: %s\n", text.c_str(),
                 status.error_message().c_str());
    return -1;
  }
  return rows;
}

// Runs one query, reading every row. Returns the row count, -1 on error.
long RunQuery(kg::v1::GraphService::Stub& stub, const std::string& text,
              bool batches) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
  kg::v1::QueryRequest request;
  request.set_query(text);
  request.set_limit(1000000);
  if (batches) {
    auto reader = stub.QueryBatches(&context, request);
    return ReadAll<kg::v1::QueryRowBatch>(
        *reader, text,
        [](const kg::v1::QueryRowBatch& b) { return b.rows_size(); });
  }
  auto reader = stub.Query(&context, request);
  return ReadAll<kg::v1::QueryRow>(*reader, text,
                                   [](const kg::v1::QueryRow&) { return 1; });
}

long RunNeighbourhood(kg::v1::GraphService::Stub& stub, const std::string& name,
                      grpc::StatusCode* code) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
  kg::v1::GetNeighbourhoodRequest request;
  request.set_name(name);
  request.set_hops(2);
  request.set_limit(1000000);
  kg::v1::GetNeighbourhoodResponse response;
  const grpc::Status status = stub.GetNeighbourhood(&context, request, &response);
  *code = status.error_code();
  return status.ok() ? response.facts_size() : -1;
}


int Queries(kg::v1::GraphService::Stub& stub) {
  auto queries = kg::bench::ReadQueryFile(absl::GetFlag(FLAGS_queries));
  if (!queries.ok()) {
    std::fprintf(stderr, "graph_bench: %s\n", queries.status().ToString().c_str());
    return 1;
  }
  const int repeat = absl::GetFlag(FLAGS_repeat);
  const std::string rpc = absl::GetFlag(FLAGS_query_rpc);
  if (rpc != "batches" && rpc != "rows") {
    std::fprintf(stderr, "graph_bench: --query_rpc is batches or rows\n");
    return 1;
  }
  const bool batches = rpc == "batches";
  const char* rpc_name = batches ? "QueryBatches" : "Query";
  const int total_failures = kg::bench::TimeQueryShapes(
      *queries, repeat, absl::GetFlag(FLAGS_label), rpc_name,
      [&](const std::string& text) { return RunQuery(stub, text, batches); });
  if (!absl::GetFlag(FLAGS_neighbourhood)) {
    return total_failures == 0 ? 0 : 1;
  }
  // The 2-hop neighbourhood RPC, when the server has it (both directions, so
  // not comparable row for row with the two_hop query).
  std::vector<double> micros;
  long facts = 0;
  grpc::StatusCode code = grpc::StatusCode::OK;
  for (int pass = 0; pass <= repeat && code == grpc::StatusCode::OK; ++pass) {
    for (const BenchQuery& query : *queries) {
      if (query.shape != QueryShape::kTwoHop) continue;
      const absl::Time start = absl::Now();
      const long n = RunNeighbourhood(stub, query.a, &code);
      if (code != grpc::StatusCode::OK) break;
      if (pass > 0) micros.push_back(kg::bench::MicrosSince(start));
      if (pass == 1) facts += n;
    }
  }
  if (code == grpc::StatusCode::OK) {
    kg::bench::PrintQueryLine(absl::GetFlag(FLAGS_label), "neighbourhood_rpc",
                              "GetNeighbourhood", micros, facts, 0);
  } else {
    std::printf("{\"bench\":\"query\",\"system\":\"%s\",\"shape\":"
                "\"neighbourhood_rpc\",\"status_code\":%d}\n",
                absl::GetFlag(FLAGS_label).c_str(), static_cast<int>(code));
  }
  return total_failures == 0 ? 0 : 1;
}

int Echo(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  std::vector<double> micros;
  const int calls = absl::GetFlag(FLAGS_echo_calls);
  for (int i = 0; i < calls + calls / 10; ++i) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    const absl::Time start = absl::Now();
    const grpc::Status status = stub->Check(&context, request, &response);
    if (!status.ok()) {
      std::fprintf(stderr, "graph_bench: health Check: %s\n",
                   status.error_message().c_str());
      return 1;
    }
    if (i >= calls / 10) micros.push_back(kg::bench::MicrosSince(start));  // Warm-up first.
  }
  std::printf("{\"bench\":\"echo\",\"system\":\"grpc_health_check\",%s}\n",
              kg::bench::JsonFields(kg::bench::Summarize(micros)).c_str());
  return 0;
}

// GetNeighbourhood and FindPath with the server's default limits.
int Walks(kg::v1::GraphService::Stub& stub) {
  auto queries = kg::bench::ReadQueryFile(absl::GetFlag(FLAGS_queries));
  if (!queries.ok()) {
    std::fprintf(stderr, "graph_bench: %s\n", queries.status().ToString().c_str());
    return 1;
  }
  return kg::bench::RunWalks(stub, absl::GetFlag(FLAGS_label), *queries,
                             absl::GetFlag(FLAGS_repeat));
}

// The layers of a query's round trip (bench/graph/overhead_bench.h).
int Overhead(const std::shared_ptr<grpc::Channel>& channel) {
  auto queries = kg::bench::ReadQueryFile(absl::GetFlag(FLAGS_queries));
  if (!queries.ok()) {
    std::fprintf(stderr, "graph_bench: %s\n", queries.status().ToString().c_str());
    return 1;
  }
  return kg::bench::RunOverhead(channel, *queries, absl::GetFlag(FLAGS_echo_calls));
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Measures a running graph_server.");
  absl::ParseCommandLine(argc, argv);
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(-1);
  arguments.SetMaxSendMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(absl::GetFlag(FLAGS_address),
                                           grpc::InsecureChannelCredentials(),
                                           arguments);
  auto stub = kg::v1::GraphService::NewStub(channel);
  int exit_code = 0;
  for (absl::string_view mode : absl::StrSplit(absl::GetFlag(FLAGS_mode), ',')) {
    int code = 2;
    if (mode == "load") code = Load(*stub);
    if (mode == "query") code = Queries(*stub);
    if (mode == "echo") code = Echo(channel);
    if (mode == "walks") code = Walks(*stub);
    if (mode == "overhead") code = Overhead(channel);
    if (code == 2) std::fprintf(stderr, "graph_bench: unknown mode '%s'\n",
                                std::string(mode).c_str());
    std::fflush(stdout);
    exit_code = std::max(exit_code, code);
  }
  return exit_code;
}
