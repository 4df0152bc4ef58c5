#include "extractor_service/pipeline/relation_extractor.h"

#include <map>
#include <string>
#include <utility>

namespace kg::extractor {
namespace {

// The force named most often in the document ("our", "the force's").
std::string PrimaryForce(const AnalyzedDocument& doc) {
  std::map<std::string, int> counts;
  std::string best;
  for (const Mention& m : doc.mentions) {
    if (m.force && m.cls == EntityClass::kOrganization &&
        ++counts[m.canonical] > counts[best]) {
      best = m.canonical;
    }
  }
  return best;
}

// The title and the opening sentences say what an article is about.
constexpr int kOpeningSentences = 3;
constexpr int kOpeningBonus = 2;

// Per sentence, the one entity of a kind it names (several mentions of the
// same name count as one), or nullptr when it names none or two.
class OnePerSentence {
 public:
  explicit OnePerSentence(size_t sentences)
      : one_(sentences, nullptr), first_(sentences, nullptr), several_(sentences, false) {}

  void Add(const Mention& m) {
    if (first_[m.sentence] == nullptr) first_[m.sentence] = &m;
    if (several_[m.sentence]) return;
    const Mention*& one = one_[m.sentence];
    if (one == nullptr) {
      one = &m;
    } else if (one->canonical != m.canonical) {
      one = nullptr;
      several_[m.sentence] = true;
    }
  }
  std::vector<const Mention*> Take() { return std::move(one_); }
  // Per sentence, the first one it names, one or several.
  std::vector<const Mention*> TakeFirst() { return std::move(first_); }

 private:
  std::vector<const Mention*> one_;
  std::vector<const Mention*> first_;
  std::vector<bool> several_;
};

DocumentFocus ComputeFocus(const AnalyzedDocument& doc) {
  DocumentFocus focus;
  struct Score {
    const Mention* first = nullptr;
    int score = 0;
    int last_sentence = -1;
  };
  std::map<std::string, Score> scores;
  OnePerSentence activities(doc.sentences.size());
  OnePerSentence units(doc.sentences.size());
  for (const Mention& m : doc.mentions) {
    if (m.cls == EntityClass::kUnit && !m.inside_name && !m.acronym) units.Add(m);
    // A programme (a plan, a strategy) spans more than the article or the
    // sentences around it report on; only an operation or a campaign is
    // taken for their subject.
    if (!IsNamedActivity(m) || m.cls == EntityClass::kProgramme) continue;
    activities.Add(m);
    Score& s = scores[m.canonical];
    if (s.first == nullptr) s.first = &m;
    if (s.last_sentence == m.sentence) continue;  // once per sentence
    s.last_sentence = m.sentence;
    s.score += m.sentence < kOpeningSentences ? 1 + kOpeningBonus : 1;
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& p = doc.mentions[i];
    if (p.cls != EntityClass::kPerson || p.pronoun) continue;
    bool tied = !p.org.empty();
    const std::vector<Token>& t = doc.sentences[p.sentence].tokens;
    for (size_t j = i + 1; !tied && j < doc.mentions.size(); ++j) {
      const Mention& b = doc.mentions[j];
      if (b.sentence != p.sentence || b.begin - p.end > 4) break;
      if (b.cls != EntityClass::kUnit && b.cls != EntityClass::kOrganization) continue;
      bool linked = b.begin > p.end;
      for (int k = p.end; linked && k < b.begin; ++k) {
        const std::string_view w = t[k].lower;
        linked = w == "," || w == "from" || w == "of" || w == "at" || w == "for" ||
                 w == "the" || w == "with";
      }
      tied = linked;
    }
    if (tied) focus.affiliated.insert(p.canonical);
  }
  focus.sentence_activity = activities.Take();
  focus.sentence_first_activity = activities.TakeFirst();
  focus.sentence_unit = units.Take();
  int best = 0, second = 0;
  for (const auto& [name, s] : scores) {
    if (s.score > best) {
      second = best;
      best = s.score;
      focus.topic = s.first;
    } else if (s.score > second) {
      second = s.score;
    }
  }
  if (best == second) focus.topic = nullptr;
  return focus;
}

}  // namespace

RelationExtractor::RelationExtractor(RuleSet rules) : rules_(std::move(rules)) {
  for (const RelationRule& r : rules_.rules()) {
    builtins_.push_back(r.builtin.empty() ? nullptr : FindBuiltinMatcher(r.builtin));
    needs_author_.push_back(r.builtin.empty() && r.pattern.NeedsAuthorMentions());
  }
}

void RelationExtractor::RunRule(const RelationRule& rule, BuiltinMatcher builtin,
                                const RuleContext& ctx,
                                DraftConsumer out) const {
  const DraftSink sink(ctx, rule.id.c_str(), rule.predicate, rule.confidence, out);
  if (!rule.builtin.empty()) {
    if (builtin != nullptr) builtin(ctx, rule, sink);
    return;
  }
  rule.pattern.ForEachMatch(ctx, [&](const PatternBindings& bindings) {
    auto bound = [&](const std::string& slot) -> const BoundMentions* {
      for (const auto& [name, mentions] : bindings) {
        if (name == slot) return &mentions;
      }
      return nullptr;
    };
    const BoundMentions* values = bound(rule.emit_value);
    if (rule.emit_subject == "@force") {
      if (values == nullptr) return;
      for (const Mention* v : *values) sink.Emit(v->canonical, ctx.primary_force, true, EntityClass::kOrganization);
      return;
    }
    const BoundMentions* subjects = bound(rule.emit_subject);
    if (subjects == nullptr) return;
    for (const Mention* s : *subjects) {
      if (rule.emit_value == "@force") {
        sink.Emit(s->canonical, ctx.primary_force, true, EntityClass::kOrganization);
        continue;
      }
      if (values == nullptr) continue;
      for (const Mention* v : *values) sink.EmitEntity(s->canonical, *v);
    }
  });
}

std::vector<FactDraft> RelationExtractor::Extract(const AnalyzedDocument& doc) const {
  std::vector<FactDraft> drafts;
  Extract(doc, [&](const FactDraftView& v) {
    FactDraft d;
    d.subject = std::string(v.subject);
    d.predicate = std::string(v.predicate);
    d.value = std::string(v.value);
    d.value_is_entity = v.value_is_entity;
    d.value_class = v.value_class;
    d.sentence = v.sentence;
    d.last_sentence = v.last_sentence;
    d.rule = v.rule;
    d.confidence = v.confidence;
    drafts.push_back(std::move(d));
  });
  return drafts;
}

void RelationExtractor::Extract(const AnalyzedDocument& doc, DraftConsumer out,
                                const StopCheck& stop) const {
  const std::string force = PrimaryForce(doc);
  size_t next = 0, next_author = 0;
  const std::vector<RelationRule>& rules = rules_.rules();
  const DocumentFocus focus = ComputeFocus(doc);
  RuleContext ctx{doc, 0, {}, force, {}};
  ctx.focus = &focus;
  const Mention* last_named = nullptr;
  MatcherMemo memo;
  ctx.memo = &memo;
  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    if (stop.ShouldStop()) return;
    ctx.sentence = s;
    ctx.last_named = last_named;
    ctx.mentions.clear();
    while (next < doc.mentions.size() && doc.mentions[next].sentence == s) {
      const Mention& m = doc.mentions[next++];
      ctx.mentions.push_back(&m);
      if (IsNamedActivity(m)) last_named = &m;
    }
    ctx.author_mentions.clear();
    while (next_author < doc.author_mentions.size() &&
           doc.author_mentions[next_author].sentence == s) {
      ctx.author_mentions.push_back(&doc.author_mentions[next_author++]);
    }
    for (size_t r = 0; r < rules.size(); ++r) {
      if (needs_author_[r] && ctx.author_mentions.empty()) continue;
      RunRule(rules[r], builtins_[r], ctx, out);
    }
  }
}

}  // namespace kg::extractor
