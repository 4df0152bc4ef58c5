// operates_in, located_in and part_of.
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"

namespace kg::extractor::internal {
namespace {

bool IsCountry(const std::string& place) {
  return place == "England" || place == "Scotland" || place == "Wales" ||
         place == "Northern Ireland" || place == "UK" || place == "United Kingdom";
}

}  // namespace

// "West End team" -> operates_in West End (place inside the name). An
// operation's name is a code word, not a place ("Operation Peterborough").
void OperatesInName(const RuleContext& ctx, const RelationRule&, const DraftSink& out) {
  for (const Mention* e : ctx.mentions) {
    if (!IsTargetable(*e) || e->cls == EC::kOperation) continue;
    for (const Mention* p : ctx.mentions) {
      if (p->cls == EC::kPlace && p->inside_name && p->begin >= e->begin &&
          p->end <= e->end) {
        out.EmitEntity(e->canonical, *p);
      }
    }
  }
}

// "The campaign will run in A and B" next to a sentence naming the campaign:
// places after a word of $place_preps go to the named antecedents.
void OperatesNominal(const RuleContext& ctx, const RelationRule& rule,
                     const DraftSink& out) {
  const Nominal nom = FindNominal(ctx);
  if (nom.token < 0) return;
  const WordList& preps = rule.Words("place_preps");
  const std::vector<Token>& t = ctx.tokens();
  std::vector<const Mention*> places;
  int last_end = -1;  // end of the last place taken, for "in A, B and C"
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPlace || m->inside_name || m->begin <= nom.token) continue;
    bool listed = last_end >= 0;
    for (int k = last_end; listed && k < m->begin; ++k) {
      listed = t[k].text == "," || t[k].lower == "and" || t[k].lower == "or";
    }
    if (listed || preps.contains(t[m->begin - 1].lower)) {
      places.push_back(m);
      last_end = m->end;
    }
  }
  for (const std::string& name : Antecedents(ctx, nom)) {
    for (const Mention* p : places) out.EmitEntity(name, *p);
  }
}

// Two places named in one sentence where the gazetteer gives the first the
// second as parent.
void LocatedInParent(const RuleContext& ctx, const RelationRule&, const DraftSink& out) {
  for (const Mention* a : ctx.mentions) {
    if (a->cls != EC::kPlace || a->inside_name || a->parent.empty()) continue;
    // That a town is in England says nothing an article adds.
    if (IsCountry(a->parent)) continue;
    for (const Mention* b : ctx.mentions) {
      if (b->cls == EC::kPlace && !b->inside_name && b->canonical == a->parent) {
        out.EmitEntity(a->canonical, *b);
      }
    }
  }
}

// "the Force's Violence Unit" (or "the force's ...", meaning the document's
// force): the first unit after the possessive and units coordinated with it
// through words of $coordination.
void PartOfPossessive(const RuleContext& ctx, const RelationRule& rule,
                      const DraftSink& out) {
  const WordList& coordination = rule.Words("coordination");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  std::string owner;
  int last_end = -1;  // end of the owner or of the last unit it owns
  int owned = 0;
  for (int k = 0; k + 1 < n; ++k) {
    if (t[k + 1].text == "'s" && t[k].lower == "force" && !ctx.primary_force.empty()) {
      owner = ctx.primary_force;
      last_end = k + 2;
    }
  }
  for (const Mention* m : ctx.mentions) {
    if (m->force && m->end < n && t[m->end].text == "'s") {
      owner = m->canonical;
      last_end = m->end + 1;
      owned = 0;
      continue;
    }
    if (owner.empty() || m->cls != EC::kUnit || m->begin < last_end) continue;
    bool coordinated = true;
    for (int k = last_end; k < m->begin; ++k) {
      coordinated &= coordination.contains(t[k].lower);
    }
    if (owned == 0 ? m->begin - last_end > 20 : !coordinated) {
      owner.clear();
      continue;
    }
    out.Emit(m->canonical, owner, true, EC::kOrganization);
    last_end = m->end;
    ++owned;
  }
}

}  // namespace kg::extractor::internal
