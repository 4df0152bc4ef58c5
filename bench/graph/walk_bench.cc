#include "bench/graph/walk_bench.h"

#include <cstdio>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/graph/latency.h"

namespace kg::bench {
namespace {

struct Tally {
  std::vector<double> micros;
  long calls = 0;
  long items = 0;      // Facts (neighbourhood) or hops (path).
  long flagged = 0;    // Truncated answers (neighbourhood), paths found.
  long evidence = 0;   // Evidence records in the answers.
  long bytes = 0;      // Answer size on the wire.
  int failures = 0;
};

void Print(const std::string& label, const char* rpc, Tally& tally,
           const char* items_name, const char* flagged_name) {
  std::printf(
      "{\"bench\":\"walk\",\"system\":\"%s\",\"rpc\":\"%s\",%s,"
      "\"calls\":%ld,\"%s\":%ld,\"%s\":%ld,\"evidence\":%ld,"
      "\"mean_bytes\":%ld,\"failures\":%d}\n",
      label.c_str(), rpc, JsonFields(Summarize(tally.micros)).c_str(),
      tally.calls, items_name, tally.items, flagged_name, tally.flagged,
      tally.evidence, tally.calls == 0 ? 0 : tally.bytes / tally.calls,
      tally.failures);
}

}  // namespace

int RunWalks(kg::v1::GraphService::Stub& stub, const std::string& label,
             const std::vector<BenchQuery>& queries, int repeat) {
  std::vector<std::string> keys;
  for (const BenchQuery& query : queries) {
    if (query.shape == QueryShape::kTwoHop) keys.push_back(query.a);
  }
  Tally neighbourhood;
  Tally path;
  for (int pass = 0; pass <= repeat; ++pass) {  // Pass 0 warms up.
    for (size_t i = 0; i < keys.size(); ++i) {
      {
        grpc::ClientContext context;
        context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
        kg::v1::GetNeighbourhoodRequest request;
        request.set_name(keys[i]);
        request.set_hops(2);
        kg::v1::GetNeighbourhoodResponse response;
        const absl::Time start = absl::Now();
        const grpc::Status status =
            stub.GetNeighbourhood(&context, request, &response);
        if (pass > 0) {
          neighbourhood.micros.push_back(MicrosSince(start));
          ++neighbourhood.calls;
          neighbourhood.items += response.facts_size();
          neighbourhood.flagged += response.truncated() ? 1 : 0;
          for (const kg::v1::Fact& fact : response.facts()) {
            neighbourhood.evidence += fact.evidence_size();
          }
          neighbourhood.bytes += static_cast<long>(response.ByteSizeLong());
          if (!status.ok()) ++neighbourhood.failures;
        }
      }
      if (i + 1 < keys.size()) {
        grpc::ClientContext context;
        context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
        kg::v1::FindPathRequest request;
        request.set_from(keys[i]);
        request.set_to(keys[i + 1]);
        kg::v1::FindPathResponse response;
        const absl::Time start = absl::Now();
        const grpc::Status status = stub.FindPath(&context, request, &response);
        if (pass > 0) {
          path.micros.push_back(MicrosSince(start));
          ++path.calls;
          path.items += response.hops_size();
          path.flagged += response.hops_size() > 0 ? 1 : 0;
          for (const kg::v1::PathHop& hop : response.hops()) {
            path.evidence += hop.fact().evidence_size();
          }
          path.bytes += static_cast<long>(response.ByteSizeLong());
          if (!status.ok()) {
            ++path.failures;
            if (pass == 1) {
              std::fprintf(stderr, "walk_bench: FindPath %s -> %s: %s\n",
                           keys[i].c_str(), keys[i + 1].c_str(),
                           status.error_message().c_str());
            }
          }
        }
      }
    }
  }
  Print(label, "GetNeighbourhood", neighbourhood, "facts", "truncated");
  Print(label, "FindPath", path, "hops", "found");
  return neighbourhood.failures + path.failures == 0 ? 0 : 1;
}

}  // namespace kg::bench
