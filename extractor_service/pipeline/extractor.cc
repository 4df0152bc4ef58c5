#include "extractor_service/pipeline/extractor.h"

#include <iterator>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/entity_recognizer.h"
#include "extractor_service/pipeline/fact_collector.h"
#include "extractor_service/pipeline/gazetteer.h"
#include "extractor_service/pipeline/pos_tagger.h"
#include "extractor_service/pipeline/relation_extractor.h"
#include "extractor_service/pipeline/reported_date.h"
#include "extractor_service/pipeline/rule_set.h"
#include "extractor_service/pipeline/builtin_matchers.h"
#include "extractor_service/pipeline/sentence_splitter.h"
#include "common/utf8.h"

namespace kg::extractor {
namespace {

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

  absl::Status ExtractInto(
      const kg::v1::Document& document,
      google::protobuf::RepeatedPtrField<kg::v1::Fact>* facts,
      const StopCheck& stop) const override;

 private:
  absl::Status Validate(const kg::v1::Document& document) const;
  void Analyze(AnalyzedDocument* doc, const StopCheck& stop) const;

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

void ExtractorImpl::Analyze(AnalyzedDocument* doc,
                            const StopCheck& stop) const {
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
  recognizer_.Recognize(doc, stop);
}

absl::Status ExtractorImpl::ExtractInto(
    const kg::v1::Document& document,
    google::protobuf::RepeatedPtrField<kg::v1::Fact>* out,
    const StopCheck& stop) const {
  RETURN_IF_ERROR(Validate(document));
  ASSIGN_OR_RETURN(std::string reported_date, ReportedDate(document));
  AnalyzedDocument doc(document.text());
  Analyze(&doc, stop);
  if (stop.ShouldStop()) return stop.status();
  FactCollector facts(document, doc, std::move(reported_date), out);
  relations_.Extract(doc, [&](const FactDraftView& d) {
    facts.Add(d.subject, d.predicate, d.value, d.value_is_entity, d.sentence,
              d.last_sentence, d.rule, d.confidence);
    if (d.value_is_entity && d.predicate != "type" &&
        (d.value_class == EntityClass::kCrimeType ||
         d.value_class == EntityClass::kPlace)) {
      facts.Add(d.value, "type", ClassName(d.value_class), true, d.sentence,
                -1, "type.relation_value", 0.8f);
    }
  }, stop);
  return stop.status();
}

}  // namespace

absl::StatusOr<std::vector<kg::v1::Fact>> Extractor::Extract(
    const kg::v1::Document& document) const {
  google::protobuf::RepeatedPtrField<kg::v1::Fact> facts;
  RETURN_IF_ERROR(ExtractInto(document, &facts, StopCheck()));
  return std::vector<kg::v1::Fact>(std::make_move_iterator(facts.begin()),
                                   std::make_move_iterator(facts.end()));
}

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
