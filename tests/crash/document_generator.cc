#include "tests/crash/document_generator.h"

#include <random>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/content_hash.h"
#include "common/value_text.h"
#include "tests/crash/fact_key.h"

namespace kg::crash {
namespace {

constexpr int kSubjects = 40;
constexpr int kTexts = 10;
constexpr int kIntegers = 30;
constexpr int kDecimals = 10;
constexpr int kDates = 15;
constexpr const char* kPredicates[] = {
    "crash_leads", "crash_member_of", "crash_located_in",
    "crash_has_role", "crash_count", "crash_dated",
};
constexpr int kPredicateCount = sizeof(kPredicates) / sizeof(kPredicates[0]);

// std::mt19937_64 is fully specified by the standard; the distributions are
// not, so values are drawn with plain modulo to stay reproducible anywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  uint64_t Below(uint64_t n) { return engine_() % n; }

 private:
  std::mt19937_64 engine_;
};

std::string SubjectName(int i) {
  return absl::StrFormat("Crash Subject %02d", i);
}

kg::v1::Value RandomValue(Rng& rng) {
  kg::v1::Value value;
  switch (rng.Below(5)) {
    case 0:
      value.set_entity(SubjectName(static_cast<int>(rng.Below(kSubjects))));
      break;
    case 1:
      value.set_text(absl::StrCat("crash text ", rng.Below(kTexts)));
      break;
    case 2:
      value.set_integer(static_cast<int64_t>(rng.Below(kIntegers)));
      break;
    case 3:
      value.set_decimal(absl::StrCat(rng.Below(kDecimals), ".5"));
      break;
    default: {
      const uint64_t d = rng.Below(kDates);
      value.set_date(absl::StrFormat("2021-%02d-%02d", 1 + d / 5, 1 + d % 5));
      break;
    }
  }
  return value;
}

// One evidence record naming `document_id` for a sentence at byte `offset`.
void AddEvidence(const std::string& document_id, uint32_t offset, Rng& rng,
                 kg::v1::Fact& fact) {
  const std::string sentence =
      absl::StrCat(fact.subject(), " ", fact.predicate(), " ",
                   ValueLexicalForm(fact.value()), ".");
  kg::v1::Evidence* evidence = fact.add_evidence();
  evidence->set_document_id(document_id);
  evidence->set_sentence(sentence);
  // ASCII only: code point offsets equal byte offsets.
  const uint32_t end = offset + static_cast<uint32_t>(sentence.size());
  evidence->set_begin(offset);
  evidence->set_end(end);
  evidence->set_byte_begin(offset);
  evidence->set_byte_end(end);
  evidence->set_rule(absl::StrCat("crash_rule_", rng.Below(3)));
  evidence->set_confidence(static_cast<float>(1 + rng.Below(100)) / 100.0f);
}

}  // namespace

DocumentGenerator::DocumentGenerator(uint64_t seed) : seed_(seed) {
  for (int i = 0; i < kSubjects; ++i) subjects_.push_back(SubjectName(i));
}

std::string DocumentGenerator::DocumentId(uint64_t index) {
  return absl::StrCat("doc-", index);
}

kg::v1::IngestRequest DocumentGenerator::Generate(uint64_t index) const {
  Rng rng(seed_ * 0x9e3779b97f4a7c15ULL + index);
  kg::v1::IngestRequest request;
  request.set_document_id(DocumentId(index));
  const int wanted = kMinFacts + static_cast<int>(rng.Below(
                                     kMaxFacts - kMinFacts + 1));
  std::set<std::string> seen;
  uint32_t offset = 0;
  while (request.facts_size() < wanted) {
    kg::v1::Fact fact;
    fact.set_subject(subjects_[rng.Below(subjects_.size())]);
    fact.set_predicate(kPredicates[rng.Below(kPredicateCount)]);
    *fact.mutable_value() = RandomValue(rng);
    // Distinct triples: one evidence record per (fact, document).
    if (!seen.insert(FactKey(fact)).second) continue;
    AddEvidence(request.document_id(), offset, rng, fact);
    offset = fact.evidence(0).byte_end() + 1;
    *request.add_facts() = std::move(fact);
  }
  request.set_content_hash(ContentHash(request.SerializeAsString()));
  return request;
}

}  // namespace kg::crash
