// Deterministic synthetic documents for the crash-durability test.
//
// Every document is one Ingest batch: document_id "doc-<index>", a content
// hash, and 20..200 distinct facts, each with exactly one evidence record
// naming the document. Subjects, predicates and values come from small
// pools, so many facts are stated by several documents (one fact, several
// evidence records) and every generated fact's subject is in subjects().
#ifndef KG_TESTS_CRASH_DOCUMENT_GENERATOR_H_
#define KG_TESTS_CRASH_DOCUMENT_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kg/v1/graph.pb.h"

namespace kg::crash {

class DocumentGenerator {
 public:
  static constexpr int kMinFacts = 20;
  static constexpr int kMaxFacts = 200;

  explicit DocumentGenerator(uint64_t seed);

  // "doc-<index>".
  static std::string DocumentId(uint64_t index);

  // The batch of document `index`. The same (seed, index) always yields the
  // same batch, byte for byte, so a batch can be regenerated instead of kept.
  // content_hash is kg::ContentHash of the serialized facts.
  kg::v1::IngestRequest Generate(uint64_t index) const;

  // Every subject a generated fact can have, so GetEntity on each of them
  // lists every generated fact in the store.
  const std::vector<std::string>& subjects() const { return subjects_; }

 private:
  uint64_t seed_;
  std::vector<std::string> subjects_;
};

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_DOCUMENT_GENERATOR_H_
