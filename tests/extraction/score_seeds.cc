// Extracts the seed documents and prints per-predicate precision/recall
// against the gold, as a table and as JSON.
//
//   bazel run //tests/extraction:score_seeds -- /work/shared [--verbose]
//
// The shared folder defaults to $KG_SHARED_DIR. With KG_DUMP_DOC=<file> it
// also prints that file's facts (subject | predicate | value | rule) and the
// mean extraction time over 100 runs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "extractor_service/pipeline/data_dir.h"
#include "extractor_service/pipeline/extractor.h"
#include "tests/extraction/gold_scorer.h"

int main(int argc, char** argv) {
  std::string shared;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0) {
      verbose = true;
    } else {
      shared = argv[i];
    }
  }
  if (shared.empty() && std::getenv("KG_SHARED_DIR") != nullptr) {
    shared = std::getenv("KG_SHARED_DIR");
  }
  if (shared.empty()) {
    std::fprintf(stderr, "usage: score_seeds SHARED_DIR [--verbose]\n");
    return 2;
  }
  kg::extractor::ExtractorOptions options;
  options.data_dir = kg::extractor::DefaultDataDir(argv[0]);
  auto extractor = kg::extractor::Extractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  auto report = kg::testing::ScoreSeeds(shared, **extractor);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  if (std::getenv("KG_DUMP_DOC") != nullptr) {
    kg::v1::Document doc;
    doc.set_id("dump");
    std::string text, line;
    FILE* f = std::fopen(std::getenv("KG_DUMP_DOC"), "rb");
    char buf[4096];
    size_t got;
    while (f != nullptr && (got = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, got);
    if (f != nullptr) std::fclose(f);
    doc.set_text(text);
    auto facts = (*extractor)->Extract(doc);
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 100; ++i) (void)(*extractor)->Extract(doc);
    const double per = std::chrono::duration<double, std::micro>(
                           std::chrono::steady_clock::now() - t0).count() / 100;
    std::fprintf(stderr, "extract: %.1f us for %zu bytes\n", per, text.size());
    if (facts.ok()) {
      for (const auto& fact : *facts) {
        std::printf("%s | %s | %s | %s\n", fact.subject().c_str(), fact.predicate().c_str(),
                    fact.value().kind_case() == kg::v1::Value::kEntity ? fact.value().entity().c_str()
                                                                       : fact.value().text().c_str(),
                    fact.evidence(0).rule().c_str());
      }
    }
  }
  if (verbose) {
    for (const std::string& m : report->missed) std::printf("MISSED   %s\n", m.c_str());
    for (const std::string& s : report->spurious) std::printf("SPURIOUS %s\n", s.c_str());
  }
  std::printf("scored all seeds in %lld us (extraction + scoring)\n",
              static_cast<long long>(micros));
  std::printf("%s\n%s\n", kg::testing::FormatTable(*report).c_str(),
              kg::testing::FormatJson(*report).c_str());
  return 0;
}
