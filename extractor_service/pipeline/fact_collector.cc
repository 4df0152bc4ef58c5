#include "extractor_service/pipeline/fact_collector.h"

#include <tuple>

#include "absl/hash/hash.h"
#include "absl/strings/str_replace.h"

namespace kg::extractor {
namespace {

// `name`, or, when it has curly apostrophes or quotation marks, a copy in
// `*storage` with them made straight.
std::string_view StraightQuotes(std::string_view name, std::string* storage) {
  if (name.find('\xE2') == std::string_view::npos) return name;
  *storage = absl::StrReplaceAll(
      absl::string_view(name.data(), name.size()),
      {{"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"},
       {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}});
  return *storage;
}

absl::string_view View(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace

FactCollector::FactCollector(const kg::v1::Document& document,
                             const AnalyzedDocument& doc,
                             std::string reported_date,
                             google::protobuf::RepeatedPtrField<kg::v1::Fact>* out)
    : document_(document),
      reported_date_(std::move(reported_date)),
      doc_(doc),
      facts_(out),
      index_(0, IndexHash{out}, IndexEq{out}) {
  // Offsets of every sentence in the original text, bytes and code points.
  const std::string_view text = doc.text.original();
  uint32_t pos = 0, code_points = 0;
  auto advance = [&](uint32_t to) {
    for (; pos < to; ++pos) {
      if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) ++code_points;
    }
    return code_points;
  };
  // A document yields about one fact and one and a half evidence records
  // per mention (bench corpus); sizing the sets for that saves rehashing.
  index_.reserve(doc.mentions.size());
  evidence_seen_.reserve(doc.mentions.size() * 3 / 2);
  offsets_.reserve(doc.sentences.size());
  for (const AnalyzedSentence& s : doc.sentences) {
    SentenceOffsets o;
    o.byte_begin = doc.text.ToOriginal(s.span.begin);
    o.byte_end = doc.text.ToOriginalEnd(s.span.end);
    o.begin = advance(o.byte_begin);
    o.end = advance(o.byte_end);
    offsets_.push_back(o);
  }
}

FactCollector::FactKey FactCollector::KeyOf(const kg::v1::Fact& f) {
  const bool is_entity = f.value().kind_case() == kg::v1::Value::kEntity;
  return FactKey{f.subject(), f.predicate(),
                 is_entity ? f.value().entity() : f.value().text(), is_entity};
}

size_t FactCollector::IndexHash::operator()(const FactKey& k) const {
  return absl::Hash<std::tuple<absl::string_view, absl::string_view,
                               absl::string_view, bool>>{}(
      std::make_tuple(View(k.subject), View(k.predicate), View(k.value),
                      k.is_entity));
}

size_t FactCollector::IndexHash::operator()(uint32_t i) const {
  return (*this)(KeyOf((*facts)[i]));
}

bool FactCollector::IndexEq::operator()(const FactKey& k, uint32_t i) const {
  const FactKey f = KeyOf((*facts)[i]);
  return k.is_entity == f.is_entity && k.subject == f.subject &&
         k.predicate == f.predicate && k.value == f.value;
}

void FactCollector::Add(std::string_view raw_subject, std::string_view predicate,
                        std::string_view raw_value, bool is_entity, int sentence,
                        int last_sentence, std::string_view rule,
                        float confidence) {
  if (raw_subject.empty() || raw_value.empty()) return;
  std::string subject_storage, value_storage;
  const std::string_view subject = StraightQuotes(raw_subject, &subject_storage);
  const std::string_view value =
      is_entity ? StraightQuotes(raw_value, &value_storage) : raw_value;
  const FactKey key{subject, predicate, value, is_entity};
  auto it = index_.find(key);
  uint32_t fact_index;
  if (it != index_.end()) {
    fact_index = *it;
  } else {
    fact_index = static_cast<uint32_t>(facts_->size());
    kg::v1::Fact& f = *facts_->Add();
    f.set_subject(std::string(subject));
    f.set_predicate(std::string(predicate));
    if (is_entity) {
      f.mutable_value()->set_entity(std::string(value));
    } else {
      f.mutable_value()->set_text(std::string(value));
    }
    index_.insert(fact_index);
  }
  SentenceOffsets o = offsets_[sentence];
  if (last_sentence > sentence) {
    o.byte_end = offsets_[last_sentence].byte_end;
    o.end = offsets_[last_sentence].end;
  }
  // One evidence record per fact and sentence; a set, not a scan of the
  // fact's records, so a fact stated in every sentence stays linear.
  if (!evidence_seen_.insert({fact_index, o.byte_begin}).second) return;
  // set_x(std::string(view)) moves the one copy into the arena's string;
  // set_x(data, size) would copy twice (protobuf 3.21 builds a temporary).
  kg::v1::Evidence* e = facts_->Mutable(fact_index)->add_evidence();
  e->set_document_id(document_.id());
  e->set_sentence(std::string(
      doc_.text.original().substr(o.byte_begin, o.byte_end - o.byte_begin)));
  e->set_begin(o.begin);
  e->set_end(o.end);
  e->set_byte_begin(o.byte_begin);
  e->set_byte_end(o.byte_end);
  e->set_rule(std::string(rule));
  e->set_confidence(confidence);
  if (!reported_date_.empty()) e->set_reported_date(reported_date_);
}

}  // namespace kg::extractor
