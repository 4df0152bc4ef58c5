#include "bench/load/load_workers.h"

#include <random>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/client_context.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::load {
namespace {

constexpr uint32_t kRowLimit = 500;
constexpr const char* kRanks[] = {"Commander", "Chief Inspector",
                                  "Detective Superintendent", "Inspector"};
constexpr const char* kCrimes[] = {"knife crime", "robbery", "burglary",
                                   "drugs", "fraud"};

std::string CodeName(const grpc::Status& status) {
  return absl::StatusCodeToString(
      static_cast<absl::StatusCode>(status.error_code()));
}

// Times `call`, records it under `kind`; NOT_FOUND counts as an answer.
template <typename Call>
void Timed(size_t kind, LatencyRecorder& recorder, LoadCounters& counters,
           Call call) {
  const absl::Time start = absl::Now();
  const grpc::Status status = call();
  const absl::Duration latency = absl::Now() - start;
  const bool not_found = status.error_code() == grpc::StatusCode::NOT_FOUND;
  if (not_found) ++counters.not_found;
  const std::string error = status.ok() ? "" : CodeName(status);
  recorder.Record(kind, status.ok() || not_found, latency, error);
  recorder.Record(kind <= kIngestUnchanged ? kAllIngests : kAllReads,
                  status.ok() || not_found, latency, error);
}

void SetDeadline(grpc::ClientContext& context, absl::Duration timeout) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

// One generated query of the given kind (kQueryPattern or kQueryJoin).
std::string MakeQuery(size_t kind, std::mt19937_64& rng,
                      const PressReleaseGenerator& generator) {
  const uint64_t r = rng();
  const char* rank = kRanks[r % 4];
  const char* crime = kCrimes[(r >> 8) % 5];
  if (kind == kQueryPattern) {
    switch ((r >> 16) % 3) {
      case 0:
        return "?op type Operation";
      case 1:
        return absl::StrCat("?p has_role \"", rank, "\"");
      default:
        return absl::StrCat("?op operates_in <", generator.PlaceName(r >> 24),
                            ">");
    }
  }
  switch ((r >> 16) % 3) {
    case 0:
      return absl::StrCat("?p has_role \"", rank,
                          "\" . ?p leads ?op . ?op type Operation");
    case 1:
      return absl::StrCat("?op targets <", crime,
                          "> . ?op operates_in ?place . ?p leads ?op");
    default:
      return absl::StrCat("<", generator.PersonName(r >> 24),
                          "> leads ?op . ?op targets ?crime");
  }
}

grpc::Status RunQuery(kg::v1::GraphService::Stub& stub,
                      const std::string& query, absl::Duration timeout,
                      LoadCounters& counters) {
  grpc::ClientContext context;
  SetDeadline(context, timeout);
  kg::v1::QueryRequest request;
  request.set_query(query);
  request.set_limit(kRowLimit);
  auto reader = stub.Query(&context, request);
  kg::v1::QueryRow row;
  int64_t rows = 0;
  while (reader->Read(&row)) ++rows;
  counters.query_rows += rows;
  return reader->Finish();
}

// One reader call of a random kind.
void ReadOnce(kg::v1::GraphService::Stub& stub, std::mt19937_64& rng,
              const PressReleaseGenerator& generator, absl::Duration timeout,
              LatencyRecorder& recorder, LoadCounters& counters) {
  const uint64_t r = rng();
  const size_t kind = kQueryPattern + r % 5;
  Timed(kind, recorder, counters, [&]() -> grpc::Status {
    grpc::ClientContext context;
    SetDeadline(context, timeout);
    switch (kind) {
      case kGetEntity: {
        kg::v1::GetEntityRequest request;
        request.set_name((r >> 8) % 2 == 0 ? generator.PersonName(r >> 16)
                                           : generator.OperationName(r >> 16));
        kg::v1::GetEntityResponse response;
        return stub.GetEntity(&context, request, &response);
      }
      case kFindPath: {
        kg::v1::FindPathRequest request;
        request.set_from(generator.PersonName(r >> 8));
        request.set_to(generator.PlaceName(r >> 40));
        request.set_max_hops(4);
        kg::v1::FindPathResponse response;
        return stub.FindPath(&context, request, &response);
      }
      case kNeighbourhood: {
        kg::v1::GetNeighbourhoodRequest request;
        request.set_name(generator.OperationName(r >> 8));
        request.set_hops(2);
        request.set_limit(kRowLimit);
        kg::v1::GetNeighbourhoodResponse response;
        return stub.GetNeighbourhood(&context, request, &response);
      }
      default:
        return RunQuery(stub, MakeQuery(kind, rng, generator), timeout,
                        counters);
    }
  });
}

// What a writer sends next: document number, version and kind.
struct NextDocument {
  uint64_t number;
  uint64_t version;
  size_t kind;
};

// Picks the next document among this writer's numbers; `versions` holds
// the version last acknowledged of each owned number (index = number /
// writers). Commit records an acknowledged send.
NextDocument PickDocument(const WriterOptions& options, std::mt19937_64& rng,
                          const std::vector<uint64_t>& versions) {
  const uint64_t index = static_cast<uint64_t>(options.index);
  const uint64_t writers = static_cast<uint64_t>(options.writers);
  const uint64_t owned =
      options.documents > index
          ? (options.documents - index + writers - 1) / writers
          : 0;
  std::uniform_real_distribution<double> unit(0, 1);
  if (versions.size() < owned && (versions.empty() || unit(rng) < 0.5)) {
    return {versions.size() * writers + index, 0, kIngestNew};
  }
  if (versions.empty()) return {index, 0, kIngestNew};  // documents == 0.
  const size_t slot = rng() % versions.size();
  const uint64_t number = slot * writers + index;
  if (unit(rng) < options.unchanged_fraction) {
    return {number, versions[slot], kIngestUnchanged};
  }
  return {number, versions[slot] + 1, kIngestChanged};
}

void Commit(const NextDocument& sent, int writers,
            std::vector<uint64_t>& versions) {
  const size_t slot = sent.number / static_cast<uint64_t>(writers);
  if (slot == versions.size()) versions.push_back(sent.version);
  if (slot < versions.size()) versions[slot] = sent.version;
}

}  // namespace

std::vector<std::string> OperationKindNames() {
  return {"ingest_new", "ingest_changed", "ingest_unchanged",
          "query_pattern", "query_join", "get_entity",
          "find_path",  "neighbourhood", "all_ingests", "all_reads"};
}

void RunWriter(const WriterOptions& options,
               std::shared_ptr<grpc::Channel> extractor,
               const PressReleaseGenerator& generator,
               LatencyRecorder& recorder, LoadCounters& counters) {
  auto stub = kg::v1::ExtractorService::NewStub(std::move(extractor));
  std::mt19937_64 rng(options.worker.seed);
  std::vector<uint64_t> versions;
  for (int64_t call = 0;
       call < options.worker.max_calls && absl::Now() < options.worker.stop_at;
       ++call) {
    const NextDocument next = PickDocument(options, rng, versions);
    const PressRelease release = generator.Make(next.number, next.version);
    kg::v1::ExtractRequest request;
    request.set_forward(true);
    request.mutable_document()->set_id(release.id);
    request.mutable_document()->set_text(release.text);
    kg::v1::ExtractResponse response;
    bool ok = false;
    Timed(next.kind, recorder, counters, [&] {
      grpc::ClientContext context;
      SetDeadline(context, options.worker.rpc_timeout);
      grpc::Status status = stub->Extract(&context, request, &response);
      ok = status.ok();
      return status;
    });
    if (!ok) continue;
    Commit(next, options.writers, versions);
    counters.facts_extracted += response.facts_size();
    if (next.kind == kIngestUnchanged && response.has_ingest()) {
      ++(response.ingest().unchanged() ? counters.unchanged_acknowledged
                                       : counters.unchanged_rewritten);
    }
  }
}

void RunReader(const WorkerOptions& options,
               std::shared_ptr<grpc::Channel> graph,
               const PressReleaseGenerator& generator,
               LatencyRecorder& recorder, LoadCounters& counters) {
  auto stub = kg::v1::GraphService::NewStub(std::move(graph));
  std::mt19937_64 rng(options.seed);
  for (int64_t call = 0;
       call < options.max_calls && absl::Now() < options.stop_at; ++call) {
    ReadOnce(*stub, rng, generator, options.rpc_timeout, recorder, counters);
  }
}

}  // namespace kg::load
