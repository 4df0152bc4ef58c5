// Full-pipeline extraction throughput on one core (one thread).
//
//   extractor_bench --write_corpus=FILE [--mb=6]   write the corpus and exit
//   extractor_bench --corpus=FILE [--rounds=3]     extract every document
//   extractor_bench --corpus=FILE --dump=OUT       also write every fact with
//                                                  its evidence (for checking
//                                                  that output is unchanged)
//
// Prints one JSON line: {"tool":"kg-extractor","mb":..,"seconds":..,
// "mb_per_s":..,"cpu_seconds":..,"mb_per_cpu_s":..,"docs":..,"facts":..,
// "entities":..}. The best of `rounds` passes is reported (the machine is
// shared): wall-clock seconds, and the thread's CPU seconds (what one core
// spends, whatever else the machine runs). Each document's facts are built
// on a per-document arena and freed inside the timed loop, as the service
// builds and frees its response (with --dump they are also copied out).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "bench/extractor/corpus.h"
#include "extractor_service/pipeline/data_dir.h"
#include "extractor_service/pipeline/extractor.h"
#include "google/protobuf/arena.h"
#include "kg/v1/extractor.pb.h"

ABSL_FLAG(std::string, corpus, "", "Corpus file to extract (documents split by form feed lines).");
ABSL_FLAG(std::string, write_corpus, "", "Write the generated corpus here and exit.");
ABSL_FLAG(int, mb, 6, "Corpus size to generate, MB.");
ABSL_FLAG(int, rounds, 3, "Passes over the corpus; the fastest counts.");
ABSL_FLAG(std::string, data_dir, "", "Gazetteer folder (default: shipped).");
ABSL_FLAG(std::string, dump, "",
          "Write the facts of the last round here, one text-format Fact a line.");

namespace {

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// One line per fact: its text-format proto on one line.
void Dump(const std::string& path, const std::vector<std::vector<kg::v1::Fact>>& all) {
  std::ofstream out(path, std::ios::binary);
  for (const std::vector<kg::v1::Fact>& facts : all) {
    for (const kg::v1::Fact& f : facts) out << f.ShortDebugString() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string out = absl::GetFlag(FLAGS_write_corpus);
  if (!out.empty()) {
    std::ofstream(out, std::ios::binary)
        << kg::bench::GenerateCorpus(static_cast<size_t>(absl::GetFlag(FLAGS_mb)) << 20);
    return 0;
  }
  std::string corpus;
  if (absl::GetFlag(FLAGS_corpus).empty()) {
    corpus = kg::bench::GenerateCorpus(static_cast<size_t>(absl::GetFlag(FLAGS_mb)) << 20);
  } else {
    std::stringstream buf;
    buf << std::ifstream(absl::GetFlag(FLAGS_corpus), std::ios::binary).rdbuf();
    corpus = buf.str();
  }
  kg::extractor::ExtractorOptions options;
  options.data_dir = absl::GetFlag(FLAGS_data_dir).empty()
                         ? kg::extractor::DefaultDataDir(argv[0])
                         : absl::GetFlag(FLAGS_data_dir);
  auto extractor = kg::extractor::Extractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  const std::vector<std::string> texts = kg::bench::SplitCorpus(corpus);
  std::vector<kg::v1::Document> docs(texts.size());
  size_t bytes = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    docs[i].set_id("bench-" + std::to_string(i));
    docs[i].set_text(texts[i]);
    bytes += texts[i].size();
  }
  double best = 1e30, best_cpu = 1e30;
  size_t facts = 0, entities = 0;
  const bool dump = !absl::GetFlag(FLAGS_dump).empty();
  std::vector<std::vector<kg::v1::Fact>> kept(dump ? docs.size() : 0);
  for (int round = 0; round < absl::GetFlag(FLAGS_rounds); ++round) {
    facts = entities = 0;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuSeconds();
    for (size_t i = 0; i < docs.size(); ++i) {
      // As the service does it: the answer on a per-call arena.
      google::protobuf::Arena arena;
      auto* response =
          google::protobuf::Arena::CreateMessage<kg::v1::ExtractResponse>(&arena);
      const absl::Status status =
          (*extractor)->ExtractInto(docs[i], response->mutable_facts(),
                                    kg::extractor::StopCheck());
      if (!status.ok()) {
        std::fprintf(stderr, "%s\n", status.ToString().c_str());
        return 1;
      }
      facts += response->facts_size();
      for (const kg::v1::Fact& x : response->facts()) {
        entities += x.predicate() == "type";
      }
      if (dump) kept[i].assign(response->facts().begin(), response->facts().end());
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < best) best = s;
    const double cpu = ThreadCpuSeconds() - cpu_start;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  if (dump) Dump(absl::GetFlag(FLAGS_dump), kept);
  const double mb = bytes / 1048576.0;
  std::printf("{\"tool\":\"kg-extractor\",\"task\":\"entities+relations\",\"mb\":%.3f,"
              "\"seconds\":%.3f,\"mb_per_s\":%.3f,\"cpu_seconds\":%.3f,"
              "\"mb_per_cpu_s\":%.3f,\"docs\":%zu,\"facts\":%zu,"
              "\"entities\":%zu}\n",
              mb, best, mb / best, best_cpu, mb / best_cpu, docs.size(), facts, entities);
  return 0;
}
