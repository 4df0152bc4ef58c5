#include "extractor_service/pipeline/extractor.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/status_macros.h"
#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/entity_recognizer.h"
#include "extractor_service/pipeline/gazetteer.h"
#include "extractor_service/pipeline/pos_tagger.h"
#include "extractor_service/pipeline/relation_extractor.h"
#include "extractor_service/pipeline/rule_set.h"
#include "extractor_service/pipeline/builtin_matchers.h"
#include "extractor_service/pipeline/sentence_splitter.h"
#include "common/utf8.h"

namespace kg::extractor {
namespace {

struct SentenceOffsets {
  uint32_t byte_begin, byte_end, begin, end;
};

// Offsets of every sentence in the original text, bytes and code points.
std::vector<SentenceOffsets> ComputeOffsets(const AnalyzedDocument& doc) {
  std::vector<SentenceOffsets> out;
  const std::string_view text = doc.text.original();
  uint32_t pos = 0, cps = 0;
  auto advance = [&](uint32_t to) {
    for (; pos < to; ++pos) {
      if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) ++cps;
    }
    return cps;
  };
  for (const AnalyzedSentence& s : doc.sentences) {
    SentenceOffsets o;
    o.byte_begin = doc.text.ToOriginal(s.span.begin);
    o.byte_end = doc.text.ToOriginalEnd(s.span.end);
    o.begin = advance(o.byte_begin);
    o.end = advance(o.byte_end);
    out.push_back(o);
  }
  return out;
}

// `name`, or, when it has curly apostrophes or quotation marks, a copy in
// `*storage` with them made straight.
const std::string& StraightQuotes(const std::string& name, std::string* storage) {
  if (name.find('\xE2') == std::string::npos) return name;
  *storage = absl::StrReplaceAll(name, {{"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"},
                                        {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}});
  return *storage;
}

// Collects facts, merging duplicates and their evidence, in first-seen order.
class FactCollector {
 public:
  FactCollector(const kg::v1::Document& document, const AnalyzedDocument& doc)
      : document_(document), doc_(doc), offsets_(ComputeOffsets(doc)) {}

  void Add(const std::string& raw_subject, const std::string& predicate,
           const std::string& raw_value, bool is_entity, int sentence,
           int last_sentence, std::string_view rule, float confidence) {
    if (raw_subject.empty() || raw_value.empty()) return;
    // An entity is one node however an article typesets its name: "St
    // James’ ward" and "St James' ward" are the same place. Text values
    // (aliases, quotations, roles) keep the article's typography.
    std::string subject_storage, value_storage;
    const std::string& subject = StraightQuotes(raw_subject, &subject_storage);
    const std::string& value =
        is_entity ? StraightQuotes(raw_value, &value_storage) : raw_value;
    const std::string key =
        absl::StrCat(subject, "\x1f", predicate, "\x1f", is_entity ? "E" : "T",
                     value);
    auto [it, inserted] = index_.emplace(key, facts_.size());
    if (inserted) {
      kg::v1::Fact f;
      f.set_subject(subject);
      f.set_predicate(predicate);
      if (is_entity) {
        f.mutable_value()->set_entity(value);
      } else {
        f.mutable_value()->set_text(value);
      }
      facts_.push_back(std::move(f));
    }
    kg::v1::Fact& fact = facts_[it->second];
    SentenceOffsets o = offsets_[sentence];
    if (last_sentence > sentence) {
      o.byte_end = offsets_[last_sentence].byte_end;
      o.end = offsets_[last_sentence].end;
    }
    // One evidence record per fact and sentence; a set, not a scan of the
    // fact's records, so a fact stated in every sentence stays linear.
    if (!evidence_seen_.insert({it->second, o.byte_begin}).second) return;
    kg::v1::Evidence* e = fact.add_evidence();
    e->set_document_id(document_.id());
    e->set_sentence(std::string(
        doc_.text.original().substr(o.byte_begin, o.byte_end - o.byte_begin)));
    e->set_begin(o.begin);
    e->set_end(o.end);
    e->set_byte_begin(o.byte_begin);
    e->set_byte_end(o.byte_end);
    e->set_rule(std::string(rule));
    e->set_confidence(confidence);
  }

  std::vector<kg::v1::Fact> Take() { return std::move(facts_); }

 private:
  const kg::v1::Document& document_;
  const AnalyzedDocument& doc_;
  std::vector<SentenceOffsets> offsets_;
  absl::flat_hash_map<std::string, size_t> index_;
  absl::flat_hash_set<std::pair<size_t, uint32_t>> evidence_seen_;  // fact, sentence byte
  std::vector<kg::v1::Fact> facts_;
};

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(Gazetteer gazetteer, RuleSet rules, size_t max_document_bytes)
      : gaz_(std::move(gazetteer)),
        tagger_(&gaz_),
        recognizer_(&gaz_),
        relations_(std::move(rules)),
        max_document_bytes_(max_document_bytes) {
    for (const std::string& a : gaz_.abbreviations()) {
      splitter_.AddAbbreviation(a);
    }
    splitter_.AddAbbreviation("Op");  // "Op. Tern" names an operation
    for (const RelationRule& r : relations_.rules().rules()) {
      tag_parts_of_speech_ |= r.builtin.empty() && r.pattern.UsesPosTags();
    }
  }

  absl::StatusOr<std::vector<kg::v1::Fact>> Extract(
      const kg::v1::Document& document) const override;

 private:
  absl::Status Validate(const kg::v1::Document& document) const;
  void Analyze(AnalyzedDocument* doc) const;

  Gazetteer gaz_;
  PosTagger tagger_;
  // Tagging costs ~5% of extraction; it runs when a loaded rule's pattern
  // matches on tags (Token::pos stays unset otherwise).
  bool tag_parts_of_speech_ = false;
  SentenceSplitter splitter_;
  EntityRecognizer recognizer_;
  RelationExtractor relations_;
  size_t max_document_bytes_;
};

absl::Status ExtractorImpl::Validate(const kg::v1::Document& document) const {
  if (document.id().empty()) {
    return absl::InvalidArgumentError("document id is empty");
  }
  const std::string& text = document.text();
  if (text.size() > max_document_bytes_) {
    return absl::InvalidArgumentError(
        absl::StrCat("document text is ", text.size(), " bytes; the limit is ",
                     max_document_bytes_));
  }
  RETURN_IF_ERROR(ValidateUtf8(text));
  if (absl::StripAsciiWhitespace(text).empty()) {
    return absl::InvalidArgumentError("document text is empty");
  }
  return absl::OkStatus();
}

void ExtractorImpl::Analyze(AnalyzedDocument* doc) const {
  const std::string& norm = doc->text.text();
  const std::vector<SentenceSpan> spans = splitter_.Split(norm);
  doc->sentences.reserve(spans.size());
  for (const SentenceSpan& span : spans) {
    AnalyzedSentence s;
    s.span = span;
    s.tokens = Tokenize(norm, doc->text.lower(), span.begin, span.end);
    if (s.tokens.empty()) continue;
    gaz_.Annotate(&s.tokens);
    if (tag_parts_of_speech_) tagger_.Tag(&s.tokens);
    doc->sentences.push_back(std::move(s));
  }
  recognizer_.Recognize(doc);
}

absl::StatusOr<std::vector<kg::v1::Fact>> ExtractorImpl::Extract(
    const kg::v1::Document& document) const {
  RETURN_IF_ERROR(Validate(document));
  AnalyzedDocument doc(document.text());
  Analyze(&doc);
  FactCollector facts(document, doc);
  for (const FactDraft& d : relations_.Extract(doc)) {
    facts.Add(d.subject, d.predicate, d.value, d.value_is_entity, d.sentence,
              d.last_sentence, d.rule, d.confidence);
    if (d.value_is_entity && d.predicate != "type" &&
        (d.value_class == EntityClass::kCrimeType ||
         d.value_class == EntityClass::kPlace)) {
      facts.Add(d.value, "type", ClassName(d.value_class), true, d.sentence,
                -1, "type.relation_value", 0.8f);
    }
  }
  return facts.Take();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    const ExtractorOptions& options) {
  ASSIGN_OR_RETURN(Gazetteer gazetteer, Gazetteer::Load(options.data_dir));
  const std::string rules_file =
      options.rules_file.empty()
          ? absl::StrCat(options.data_dir, "/../rules/relations.rules")
          : options.rules_file;
  ASSIGN_OR_RETURN(RuleSet rules,
                   RuleSet::Load(rules_file, BuiltinMatcherNames()));
  if (!options.enabled_rules.empty()) rules.KeepOnly(options.enabled_rules);
  return std::unique_ptr<Extractor>(new ExtractorImpl(
      std::move(gazetteer), std::move(rules), options.max_document_bytes));
}

}  // namespace kg::extractor
