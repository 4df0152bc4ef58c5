// What a relation rule sees and what it produces: the document, one sentence
// and that sentence's mentions in; fact drafts out. Shared by the token
// pattern matcher and the built-in matchers.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_RULE_CONTEXT_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_RULE_CONTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "extractor_service/pipeline/analyzed_document.h"

namespace kg::extractor {

// Work built-in matchers share within one document (builtin_matchers.h).
class MatcherMemo;

struct FactDraft {
  std::string subject;
  std::string predicate;
  std::string value;
  bool value_is_entity = false;
  // For entity values: the value's class, so that it gets a type fact.
  EntityClass value_class = EntityClass::kCrimeType;
  int sentence = 0;  // evidence sentence
  // Evidence runs on to the end of this sentence (a quotation over several
  // sentences); -1: `sentence` alone.
  int last_sentence = -1;
  const char* rule = "";  // id of the rule (owned by the rule set)
  float confidence = 1.0f;
};

// What the whole document is about, worked out once before the rules run,
// for rules that attribute a sentence's places or crime types to the
// operation the article reports on rather than to a name in that sentence.
struct DocumentFocus {
  // The named operation or campaign the document is about: named
  // in the most sentences, with the title and opening sentences counting
  // extra; nullptr when no name stands out (two tie, or none is named).
  const Mention* topic = nullptr;
  // Per sentence: the one operation or campaign it names, or nullptr (none,
  // or two different ones).
  std::vector<const Mention*> sentence_activity;
  // Per sentence: the first operation or campaign it names, or nullptr.
  std::vector<const Mention*> sentence_first_activity;
  // People the document ties to a body of their own somewhere: a force or
  // title before the name, or "X of/from/at the Y Unit" after it.
  absl::flat_hash_set<std::string> affiliated;
  // Per sentence: the one unit it names, or nullptr.
  std::vector<const Mention*> sentence_unit;
};

struct RuleContext {
  const AnalyzedDocument& doc;
  int sentence;
  std::vector<const Mention*> mentions;  // in token order
  std::string primary_force;  // most-mentioned force of the document, or ""
  // The sentence's AnalyzedDocument::author_mentions, in token order.
  std::vector<const Mention*> author_mentions;
  // Set by RelationExtractor; nullptr in contexts built for one sentence.
  const DocumentFocus* focus = nullptr;
  // The last operation, campaign or programme named before this sentence,
  // or nullptr: the antecedent of "the operation" across paragraphs.
  const Mention* last_named = nullptr;

  const std::vector<Token>& tokens() const {
    return doc.sentences[sentence].tokens;
  }

  // Set by RelationExtractor, one per document; built-in matchers that
  // need it do nothing without one.
  MatcherMemo* memo = nullptr;
};

// A draft as a rule emits it; the views are valid only during the call to
// the DraftConsumer (the consumer copies what it keeps).
struct FactDraftView {
  std::string_view subject;
  std::string_view predicate;
  std::string_view value;
  bool value_is_entity = false;
  EntityClass value_class = EntityClass::kCrimeType;
  int sentence = 0;
  int last_sentence = -1;
  const char* rule = "";
  float confidence = 1.0f;
};

// Receives every draft as it is emitted, so that no draft is copied on its
// way to the fact collector.
using DraftConsumer = absl::FunctionRef<void(const FactDraftView&)>;

// Where a draft goes: the rule's id, predicate and confidence are stamped on
// every draft. `sentence` < 0 means the context's sentence; evidence runs on
// to `last_sentence` when that is greater.
class DraftSink {
 public:
  DraftSink(const RuleContext& ctx, const char* rule_id,
            const std::string& predicate, float confidence, DraftConsumer out)
      : ctx_(ctx), rule_(rule_id), predicate_(predicate),
        confidence_(confidence), out_(out) {}

  // Drops drafts with an empty side or with subject == value.
  void Emit(std::string_view subject, std::string_view value, bool is_entity,
            EntityClass value_class, int sentence = -1,
            int last_sentence = -1) const {
    if (subject.empty() || value.empty() || subject == value) return;
    FactDraftView d;
    d.subject = subject;
    d.predicate = predicate_;
    d.value = value;
    d.value_is_entity = is_entity;
    d.value_class = value_class;
    d.sentence = sentence < 0 ? ctx_.sentence : sentence;
    if (last_sentence > d.sentence) d.last_sentence = last_sentence;
    d.rule = rule_;
    d.confidence = confidence_;
    out_(d);
  }
  // An entity value; a kRole mention's expansion is a text value.
  void EmitEntity(std::string_view subject, const Mention& value) const {
    Emit(subject, value.canonical, value.cls != EntityClass::kRole, value.cls);
  }

 private:
  const RuleContext& ctx_;
  const char* rule_;
  const std::string& predicate_;
  float confidence_;
  DraftConsumer out_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_RULE_CONTEXT_H_
