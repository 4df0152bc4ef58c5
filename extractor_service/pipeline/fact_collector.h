// Turns the fact drafts of one document into Fact protos: one Fact per
// (subject, predicate, value), holding one evidence record per sentence that
// states it (document id, sentence text, code-point and byte offsets, rule,
// confidence), in first-seen order.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_FACT_COLLECTOR_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_FACT_COLLECTOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extractor_service/pipeline/analyzed_document.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "kg/v1/extractor.pb.h"
#include "kg/v1/fact.pb.h"

namespace kg::extractor {

class FactCollector {
 public:
  // Facts are appended to `*out` (which may live on an arena); the facts
  // already there are left alone. All three must outlive the collector.
  // Every evidence record carries `reported_date` (may be empty; see
  // reported_date.h).
  FactCollector(const kg::v1::Document& document, const AnalyzedDocument& doc,
                std::string reported_date,
                google::protobuf::RepeatedPtrField<kg::v1::Fact>* out);
  FactCollector(const FactCollector&) = delete;
  FactCollector& operator=(const FactCollector&) = delete;

  // Records that sentence `sentence` (through `last_sentence` when that is
  // greater: a quotation over several sentences) states the fact. Entity
  // names are stored with straight quotation marks ("St James’ ward" and "St
  // James' ward" are one node); text values keep the article's typography.
  // A fact already evidenced by the same sentence gains nothing; an empty
  // subject or value is ignored. Cost: one hash lookup for a known fact.
  void Add(std::string_view subject, std::string_view predicate,
           std::string_view value, bool is_entity, int sentence,
           int last_sentence, std::string_view rule, float confidence);

 private:
  struct SentenceOffsets {
    uint32_t byte_begin, byte_end, begin, end;
  };
  struct FactKey {
    std::string_view subject, predicate, value;
    bool is_entity;
  };
  // Hash and equality over indices into *facts_, looked up by FactKey
  // without building a string for the key.
  struct IndexHash {
    using is_transparent = void;
    size_t operator()(const FactKey& k) const;
    size_t operator()(uint32_t i) const;
    const google::protobuf::RepeatedPtrField<kg::v1::Fact>* facts;
  };
  struct IndexEq {
    using is_transparent = void;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(const FactKey& k, uint32_t i) const;
    bool operator()(uint32_t i, const FactKey& k) const { return (*this)(k, i); }
    const google::protobuf::RepeatedPtrField<kg::v1::Fact>* facts;
  };
  static FactKey KeyOf(const kg::v1::Fact& f);

  const kg::v1::Document& document_;
  const std::string reported_date_;
  const AnalyzedDocument& doc_;
  std::vector<SentenceOffsets> offsets_;
  google::protobuf::RepeatedPtrField<kg::v1::Fact>* const facts_;
  absl::flat_hash_set<uint32_t, IndexHash, IndexEq> index_;
  absl::flat_hash_set<std::pair<uint32_t, uint32_t>> evidence_seen_;  // fact, sentence byte
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_FACT_COLLECTOR_H_
