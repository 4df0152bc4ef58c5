// One document of a given size through the whole pipeline: time and memory,
// to show that extraction cost grows linearly with the document (a 16 MB
// document must not take 16² times a 1 MB one).
//
//   big_document_bench --mb=4                 press-release text (the
//                                             generated corpus, one document)
//   big_document_bench --mb=4 --one_sentence  one sentence repeated: every
//                                             fact is evidenced by every
//                                             sentence, the hostile case
//
// Prints one JSON line: {"mb":..,"one_sentence":..,"seconds":..,
// "facts":..,"evidence":..,"rss_mb":..}; rss_mb is the process's peak
// resident memory after the extraction (run one size per process).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/extractor/corpus.h"
#include "extractor_service/pipeline/data_dir.h"
#include "extractor_service/pipeline/extractor.h"
#include "google/protobuf/arena.h"
#include "kg/v1/extractor.pb.h"

ABSL_FLAG(int, mb, 1, "Document size, MiB.");
ABSL_FLAG(bool, one_sentence, false, "Repeat one sentence instead of articles.");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const size_t bytes = static_cast<size_t>(absl::GetFlag(FLAGS_mb)) << 20;
  std::string text;
  if (absl::GetFlag(FLAGS_one_sentence)) {
    while (text.size() < bytes) {
      text += "Insp Carol Baines of the Larchwood Unit said officers in Salford "
              "arrested two people during Operation Fernhill.\n";
    }
  } else {
    text = kg::bench::GenerateCorpus(bytes);
  }
  text.resize(std::min(text.size(), bytes));
  kg::extractor::ExtractorOptions options;
  options.data_dir = kg::extractor::DefaultDataDir(argv[0]);
  options.max_document_bytes = bytes + 1;
  auto extractor = kg::extractor::Extractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  kg::v1::Document document;
  document.set_id("big");
  document.set_text(text);
  google::protobuf::Arena arena;
  auto* response =
      google::protobuf::Arena::CreateMessage<kg::v1::ExtractResponse>(&arena);
  const auto start = std::chrono::steady_clock::now();
  const absl::Status status = (*extractor)->ExtractInto(
      document, response->mutable_facts(), kg::extractor::StopCheck());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  size_t evidence = 0;
  for (const kg::v1::Fact& f : response->facts()) evidence += f.evidence_size();
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("{\"mb\":%d,\"one_sentence\":%s,\"seconds\":%.3f,\"facts\":%d,"
              "\"evidence\":%zu,\"rss_mb\":%.1f}\n",
              absl::GetFlag(FLAGS_mb),
              absl::GetFlag(FLAGS_one_sentence) ? "true" : "false", seconds,
              response->facts_size(), evidence, usage.ru_maxrss / 1024.0);
  return 0;
}
