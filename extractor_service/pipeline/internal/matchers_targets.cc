// targets: what a unit, operation, campaign or programme goes after.
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"

namespace kg::extractor::internal {

// "Knife Crime Taskforce" -> targets knife crime (crime type inside the name).
void TargetsInName(const RuleContext& ctx, const RelationRule&, const DraftSink& out) {
  for (const Mention* e : ctx.mentions) {
    if (!IsTargetable(*e)) continue;
    for (const Mention* c : ctx.mentions) {
      if (c->cls == EC::kCrimeType && c->inside_name && c->begin >= e->begin &&
          c->end <= e->end) {
        out.EmitEntity(e->canonical, *c);
      }
    }
  }
}

// "<Unit> ... to tackle knife crime and robbery": a word of $cues with the
// nearest target-able name at most 25 tokens before it (no word of
// $intervening_stops in between) and crime types after it up to a word of
// $clause_stops.
void TargetsByCue(const RuleContext& ctx, const RelationRule& rule,
                  const DraftSink& out) {
  const WordList& cues = rule.Words("cues");
  const WordList& blockers = rule.Words("intervening_stops");
  const std::vector<Token>& t = ctx.tokens();
  for (int c = 0; c < static_cast<int>(t.size()); ++c) {
    if (!cues.contains(t[c].lower)) continue;
    const Mention* subject = nullptr;
    for (const Mention* m : ctx.mentions) {
      if (m->end > c) break;
      if (IsTargetable(*m) && !m->inside_name) subject = m;
    }
    if (subject == nullptr || c - subject->end > 25) continue;
    bool blocked = false;
    for (int k = subject->end; k < c; ++k) blocked |= blockers.contains(t[k].lower);
    if (blocked) continue;
    for (const Mention* crime : CrimesAfter(ctx, c + 1, rule.Words("clause_stops"))) {
      out.EmitEntity(subject->canonical, *crime);
    }
  }
}

// "... a summer campaign against knife crime" next to a sentence naming the
// campaign: the unnamed campaign/operation(s) followed within four tokens by
// a word of $cues; the crime types go to the named antecedents.
void TargetsNominal(const RuleContext& ctx, const RelationRule& rule,
                    const DraftSink& out) {
  const WordList& cues = rule.Words("cues");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  // "The operation is backed by a winter campaign against knife crime":
  // the nominal the cue follows, not the first one.
  Nominal nom;
  int cue = n;
  for (Nominal k = FindNominal(ctx); k.token >= 0; k = FindNominal(ctx, k.token + 1)) {
    cue = k.token + 1;
    while (cue < n && cue - k.token <= 4 && !cues.contains(t[cue].lower)) ++cue;
    if (cue < n && cues.contains(t[cue].lower)) {
      nom = k;
      break;
    }
  }
  if (nom.token < 0) return;
  const std::vector<const Mention*> crimes =
      CrimesAfter(ctx, cue + 1, rule.Words("clause_stops"));
  if (crimes.empty()) return;
  for (const std::string& name : Antecedents(ctx, nom)) {
    for (const Mention* c : crimes) out.EmitEntity(name, *c);
  }
}

}  // namespace kg::extractor::internal
