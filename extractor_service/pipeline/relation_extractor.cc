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

}  // namespace

RelationExtractor::RelationExtractor(RuleSet rules) : rules_(std::move(rules)) {
  for (const RelationRule& r : rules_.rules()) {
    builtins_.push_back(r.builtin.empty() ? nullptr : FindBuiltinMatcher(r.builtin));
    needs_author_.push_back(r.builtin.empty() && r.pattern.NeedsAuthorMentions());
  }
}

void RelationExtractor::RunRule(const RelationRule& rule, BuiltinMatcher builtin,
                                const RuleContext& ctx,
                                std::vector<FactDraft>* out) const {
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
  std::vector<FactDraft> out;
  out.reserve(doc.mentions.size() * 2);
  const std::string force = PrimaryForce(doc);
  size_t next = 0, next_author = 0;
  const std::vector<RelationRule>& rules = rules_.rules();
  RuleContext ctx{doc, 0, {}, force, {}};
  MatcherMemo memo;
  ctx.memo = &memo;
  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    ctx.sentence = s;
    ctx.mentions.clear();
    while (next < doc.mentions.size() && doc.mentions[next].sentence == s) {
      ctx.mentions.push_back(&doc.mentions[next++]);
    }
    ctx.author_mentions.clear();
    while (next_author < doc.author_mentions.size() &&
           doc.author_mentions[next_author].sentence == s) {
      ctx.author_mentions.push_back(&doc.author_mentions[next_author++]);
    }
    for (size_t r = 0; r < rules.size(); ++r) {
      if (needs_author_[r] && ctx.author_mentions.empty()) continue;
      RunRule(rules[r], builtins_[r], ctx, &out);
    }
  }
  return out;
}

}  // namespace kg::extractor
