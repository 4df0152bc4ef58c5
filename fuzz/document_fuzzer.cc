// libFuzzer target: the whole extraction pipeline (UTF-8 check, normaliser,
// sentences, tokens, entities, coreference, relation rules) on arbitrary
// bytes. Any outcome but a crash, a hang or a sanitizer report is fine; an
// OK result must hold only facts with in-range evidence offsets.
//
// KG_FUZZ_DATA_DIR names the gazetteer folder (run.sh sets it).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "extractor_service/pipeline/extractor.h"

namespace {

const kg::extractor::Extractor& TheExtractor() {
  static const kg::extractor::Extractor* extractor = [] {
    kg::extractor::ExtractorOptions options;
    const char* dir = std::getenv("KG_FUZZ_DATA_DIR");
    options.data_dir = dir != nullptr ? dir : "extractor_service/data";
    options.max_document_bytes = 1 << 20;
    auto created = kg::extractor::Extractor::Create(options);
    if (!created.ok()) {
      std::fprintf(stderr, "cannot load extractor data: %s\n",
                   created.status().ToString().c_str());
      std::abort();
    }
    return created->release();
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kg::v1::Document document;
  document.set_id("fuzz");
  document.set_text(std::string(reinterpret_cast<const char*>(data), size));
  auto facts = TheExtractor().Extract(document);
  if (!facts.ok()) return 0;
  for (const kg::v1::Fact& fact : *facts) {
    for (const kg::v1::Evidence& evidence : fact.evidence()) {
      if (evidence.byte_begin() > evidence.byte_end() ||
          evidence.byte_end() > size || evidence.begin() > evidence.end()) {
        std::fprintf(stderr, "evidence offsets out of range\n");
        std::abort();
      }
    }
  }
  return 0;
}
