// Prints the facts the extraction core finds in each FILE as JSON lines
// (the `kg extract` format), without any server:
//
//   bazel run //tests/extraction:extract_file -- $PWD/doc.txt
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "extractor_service/pipeline/data_dir.h"
#include "extractor_service/pipeline/extractor.h"

namespace {

std::string Json(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  kg::extractor::ExtractorOptions options;
  options.data_dir = kg::extractor::DefaultDataDir(argv[0]);
  auto extractor = kg::extractor::Extractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    kg::v1::Document doc;
    std::string id = argv[i];
    id = id.substr(id.find_last_of('/') + 1);
    doc.set_id(id.substr(0, id.find('.')));
    doc.set_text(buf.str());
    auto facts = (*extractor)->Extract(doc);
    if (!facts.ok()) {
      std::fprintf(stderr, "%s: %s\n", argv[i], facts.status().ToString().c_str());
      return 1;
    }
    for (const kg::v1::Fact& f : *facts) {
      for (const kg::v1::Evidence& e : f.evidence()) {
        const bool entity = f.value().has_entity();
        std::printf(
            "{\"doc\":%s,\"s\":%s,\"p\":%s,\"o\":%s,\"o_is_entity\":%s,"
            "\"evidence\":%s,\"begin\":%u,\"end\":%u,\"rule\":%s,\"confidence\":%.2f}\n",
            Json(doc.id()).c_str(), Json(f.subject()).c_str(), Json(f.predicate()).c_str(),
            Json(entity ? f.value().entity() : f.value().text()).c_str(),
            entity ? "true" : "false", Json(e.sentence()).c_str(), e.begin(), e.end(),
            Json(e.rule()).c_str(), e.confidence());
      }
    }
  }
  return 0;
}
