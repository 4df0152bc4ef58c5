// leads: who leads an operation, unit, campaign, programme or organisation.
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"

namespace kg::extractor::internal {
namespace {

// End of the relative clause starting at token `from`: a word of
// $clause_ends, or a comma that does not continue a list of names.
int RelativeClauseEnd(const std::vector<Token>& t, int from, const WordList& ends) {
  const int n = static_cast<int>(t.size());
  for (int k = from; k < n; ++k) {
    if (ends.contains(t[k].lower)) return k;
    if (t[k].lower == "," &&
        (k + 1 >= n || t[k + 1].lower == "and" || t[k + 1].lower == "said" ||
         !t[k + 1].capitalized)) {
      return k;
    }
  }
  return n;
}

}  // namespace

// "<Operation> ... led by Det Supt Ann Lee": a word of $led_verbs then "by"
// before a person; the subject is the nearest preceding name that is no
// person or force, else the named antecedent of "the operation".
void LeadsLedBy(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out) {
  const WordList& verbs = rule.Words("led_verbs");
  const std::vector<Token>& t = ctx.tokens();
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->begin < 2 || t[p->begin - 1].lower != "by" ||
        !verbs.contains(t[p->begin - 2].lower)) {
      continue;
    }
    const Mention* subject = nullptr;
    for (const Mention* m : ctx.mentions) {
      if (m->end > p->begin - 2) break;
      if (m->cls != EC::kCrimeType && m->cls != EC::kPlace && m->cls != EC::kPerson &&
          !m->force && !m->inside_name) {
        subject = m;
      }
    }
    if (subject != nullptr) {
      out.EmitEntity(p->canonical, *subject);
      continue;
    }
    const Nominal nom = FindNominal(ctx);
    if (nom.token < 0 || nom.token > p->begin) continue;
    for (const std::string& name : Antecedents(ctx, nom)) {
      out.Emit(p->canonical, name, true, nom.cls);
    }
  }
}

// "Cmdr Ann Lee, who leads Operations Alder and Birch, said ..." and
// "Insp Ann Lee, who has led the Dog Unit since 2019": after "who", words of
// $auxiliaries, then a word of $lead_verbs; every named operation, unit,
// campaign, programme or non-force organisation up to the clause end.
void LeadsWhoClause(const RuleContext& ctx, const RelationRule& rule,
                    const DraftSink& out) {
  const WordList& aux = rule.Words("auxiliaries");
  const WordList& verbs = rule.Words("lead_verbs");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->pronoun) continue;
    int k = p->end;
    if (k < n && t[k].lower == ",") ++k;
    if (k >= n || t[k].lower != "who") continue;
    ++k;
    while (k < n && aux.contains(t[k].lower)) ++k;
    if (k >= n || !verbs.contains(t[k].lower)) continue;
    const int stop = RelativeClauseEnd(t, k + 1, rule.Words("clause_ends"));
    for (const Mention* m : ctx.mentions) {
      if (m->begin <= k || m->begin >= stop || m->inside_name) continue;
      if (IsTargetable(*m) || (m->cls == EC::kOrganization && !m->force)) {
        out.EmitEntity(p->canonical, *m);
      }
    }
  }
}

}  // namespace kg::extractor::internal
