#include "extractor_service/pipeline/relation_extractor.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"

namespace kg::extractor {
namespace {

using EC = EntityClass;

bool In(const std::string& w, std::initializer_list<const char*> words) {
  for (const char* x : words) {
    if (w == x) return true;
  }
  return false;
}

bool IsTargetable(const Mention& m) {
  return m.cls == EC::kUnit || m.cls == EC::kOperation ||
         m.cls == EC::kCampaign || m.cls == EC::kProgramme;
}

bool IsEntity(const Mention& m) {
  return m.cls != EC::kCrimeType && m.cls != EC::kPlace && !m.pronoun;
}

// Verbs and nouns that introduce what a unit or operation goes after.
bool IsCue(const std::string& w) {
  static const auto* cues = new absl::flat_hash_set<std::string>{
      "target", "targets", "targeting", "targetting", "tackle", "tackles",
      "tackling", "crack", "cracking", "bear", "bearing", "focus", "focuses",
      "focused", "focussed", "focusing", "focussing", "reduce", "reducing",
      "suppress", "suppressing", "combat", "combating", "combatting", "fight",
      "fighting", "disrupt", "disrupting", "prevent", "preventing", "deter",
      "clamp", "clamping", "crackdown", "stamp", "eradicate"};
  return w.size() >= 4 && cues->contains(w);
}

bool IsClauseStop(const Token& t) {
  return In(t.lower, {"that", "who", "while", "but", "whereas", ";", "although"});
}

bool IsReportingVerb(const std::string& w) {
  return In(w, {"said", "says", "added", "explained", "stated", "commented",
                "warned", "insisted", "claimed", "told"});
}

void Emit(const RuleContext& ctx, const RelationRule& rule,
          const std::string& subject, const char* predicate,
          const std::string& value, bool is_entity, EC value_class,
          std::vector<FactDraft>* out, int sentence = -1) {
  if (subject.empty() || value.empty() || subject == value) return;
  FactDraft d;
  d.subject = subject;
  d.predicate = predicate;
  d.value = value;
  d.value_is_entity = is_entity;
  d.value_class = value_class;
  d.sentence = sentence < 0 ? ctx.sentence : sentence;
  d.rule = rule.id;
  d.confidence = rule.confidence;
  out->push_back(std::move(d));
}

const Mention* MentionAt(const RuleContext& ctx, int begin) {
  for (const Mention* m : ctx.mentions) {
    if (m->begin == begin && m->cls != EC::kCrimeType && !m->inside_name) return m;
  }
  return nullptr;
}

// Crime types after token `from` up to a clause stop or another
// target-able entity.
std::vector<const Mention*> CrimesAfter(const RuleContext& ctx, int from) {
  std::vector<const Mention*> out;
  const std::vector<Token>& t = ctx.tokens();
  int stop = static_cast<int>(t.size());
  for (int k = from; k < stop; ++k) {
    if (IsClauseStop(t[k])) stop = k;
  }
  for (const Mention* m : ctx.mentions) {
    if (m->begin < from || m->begin >= stop) continue;
    if (IsTargetable(*m) && !m->inside_name) break;
    if (m->cls == EC::kCrimeType && !m->inside_name) out.push_back(m);
  }
  return out;
}

// ---- has_role / member_of from the recognizer's person patterns ----

void RoleFromMention(const RuleContext& ctx, const RelationRule& rule,
                     std::vector<FactDraft>* out) {
  for (const Mention* m : ctx.mentions) {
    if (m->cls == EC::kPerson && !m->role.empty() && m->role_rule == rule.id) {
      Emit(ctx, rule, m->canonical, "has_role", m->role, false, EC::kPerson, out);
    }
  }
}

void OrgFromMention(const RuleContext& ctx, const RelationRule& rule,
                    std::vector<FactDraft>* out) {
  for (const Mention* m : ctx.mentions) {
    if (m->cls == EC::kPerson && !m->org.empty() && m->org_rule == rule.id) {
      Emit(ctx, rule, m->canonical, "member_of", m->org, true,
           EC::kOrganization, out);
    }
  }
}

// "Supt Ann Lee from the Force's Central Unit" -> member_of Central Unit.
void MemberFrom(const RuleContext& ctx, const RelationRule& rule,
                std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->pronoun) continue;
    int k = p->end;
    if (k < n && t[k].text == ",") ++k;
    if (k >= n || !In(t[k].lower, {"from", "of", "at"})) continue;
    ++k;
    if (k < n && t[k].lower == "the") ++k;
    for (int guard = 0; guard < 3 && k < n; ++guard) {
      const Mention* m = MentionAt(ctx, k);
      if (m == nullptr) break;
      if (m->force && m->end < n && t[m->end].text == "'s") {
        k = m->end + 1;
        continue;
      }
      if (m->cls == EC::kUnit || m->cls == EC::kOrganization) {
        Emit(ctx, rule, p->canonical, "member_of", m->canonical, true, m->cls, out);
      }
      break;
    }
  }
}

// "Cmdr Ann Lee, who is the Force's lead for ..." -> member_of Force.
void MemberWhoIs(const RuleContext& ctx, const RelationRule& rule,
                 std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->pronoun) continue;
    int k = p->end;
    if (k + 3 >= n || t[k].text != "," || t[k + 1].lower != "who" ||
        !In(t[k + 2].lower, {"is", "was"})) {
      continue;
    }
    k += 3;
    if (t[k].lower == "the") ++k;
    const Mention* m = MentionAt(ctx, k);

    if (m != nullptr && m->force && m->end < n && t[m->end].text == "'s") {
      Emit(ctx, rule, p->canonical, "member_of", m->canonical, true, m->cls, out);
    }
  }
}

// ---- part_of ----

// "the Force's Violence Unit" (or "the force's ...", meaning the document's
// force): the first unit after the possessive and units coordinated with it.
void PartOfPossessive(const RuleContext& ctx, const RelationRule& rule,
                      std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  std::string owner;
  int last_end = -1;  // end of the owner or of the last unit it owns
  int owned = 0;      // units given to the current owner
  for (int k = 0; k + 1 < n; ++k) {
    if (t[k + 1].text == "'s" && t[k].lower == "force" && !ctx.primary_force.empty()) {
      owner = ctx.primary_force;
      last_end = k + 2;
      owned = 0;
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
      if (!In(t[k].lower, {"and", ",", "the", "its", "dedicated", "specialist"})) {
        coordinated = false;
      }
    }
    const bool first = owned == 0;
    if (first ? m->begin - last_end > 20 : !coordinated) {
      owner.clear();
      continue;
    }
    Emit(ctx, rule, m->canonical, "part_of", owner, true, EC::kOrganization, out);
    last_end = m->end;
    ++owned;
  }
}

// "our Specialist Crime Command" in a force's own release.
void PartOfOur(const RuleContext& ctx, const RelationRule& rule,
               std::vector<FactDraft>* out) {
  if (ctx.primary_force.empty()) return;
  const std::vector<Token>& t = ctx.tokens();
  for (const Mention* m : ctx.mentions) {
    if (m->cls == EC::kUnit && m->begin > 0 && t[m->begin - 1].lower == "our") {
      Emit(ctx, rule, m->canonical, "part_of", ctx.primary_force, true,
           EC::kOrganization, out);
    }
  }
}

// ---- targets ----

void TargetsInName(const RuleContext& ctx, const RelationRule& rule,
                   std::vector<FactDraft>* out) {
  for (const Mention* e : ctx.mentions) {
    if (!IsTargetable(*e)) continue;
    for (const Mention* c : ctx.mentions) {
      if (c->cls == EC::kCrimeType && c->inside_name && c->begin >= e->begin &&
          c->end <= e->end) {
        Emit(ctx, rule, e->canonical, "targets", c->canonical, true,
             EC::kCrimeType, out);
      }
    }
  }
}

// "<Unit> ... to tackle knife crime and robbery".
void TargetsByCue(const RuleContext& ctx, const RelationRule& rule,
                  std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  for (int c = 0; c < static_cast<int>(t.size()); ++c) {
    if (!IsCue(t[c].lower)) continue;
    const Mention* subject = nullptr;
    for (const Mention* m : ctx.mentions) {
      if (m->end > c) break;
      if (IsTargetable(*m) && !m->inside_name) subject = m;
    }
    if (subject == nullptr || c - subject->end > 15) continue;
    for (const Mention* crime : CrimesAfter(ctx, c + 1)) {
      Emit(ctx, rule, subject->canonical, "targets", crime->canonical, true,
           EC::kCrimeType, out);
    }
  }
}

// A lower-case "campaign"/"operations" with no name in its sentence takes
// the named campaign/operations of the neighbouring sentence as antecedent.
struct Nominal {
  int token = -1;
  EC cls = EC::kCampaign;
  bool plural = false;
};

Nominal FindNominal(const RuleContext& ctx) {
  const std::vector<Token>& t = ctx.tokens();
  for (int k = 0; k < static_cast<int>(t.size()); ++k) {
    const std::string& w = t[k].text;
    Nominal nom;
    if (w == "campaign" || w == "campaigns") nom.cls = EC::kCampaign;
    else if (w == "operation" || w == "operations") nom.cls = EC::kOperation;
    else continue;
    nom.token = k;
    nom.plural = w.back() == 's';
    for (const Mention* m : ctx.mentions) {
      if (m->cls == nom.cls) return Nominal();
    }
    return nom;
  }
  return Nominal();
}

std::vector<std::string> Antecedents(const RuleContext& ctx, const Nominal& nom) {
  std::vector<std::string> out;
  for (int s : {ctx.sentence + 1, ctx.sentence - 1}) {
    if (s < 0 || s >= static_cast<int>(ctx.doc.sentences.size())) continue;
    for (const Mention& m : ctx.doc.mentions) {
      if (m.sentence == s && m.cls == nom.cls) {
        if (std::find(out.begin(), out.end(), m.canonical) == out.end()) {
          out.push_back(m.canonical);
        }
        if (!nom.plural) return out;
      }
    }
    if (!out.empty()) return out;
  }
  return out;
}

void TargetsNominal(const RuleContext& ctx, const RelationRule& rule,
                    std::vector<FactDraft>* out) {
  const Nominal nom = FindNominal(ctx);
  if (nom.token < 0) return;
  const std::vector<Token>& t = ctx.tokens();
  int cue = nom.token + 1;
  while (cue < static_cast<int>(t.size()) && cue - nom.token <= 4 &&
         !IsCue(t[cue].lower)) {
    ++cue;
  }
  if (cue >= static_cast<int>(t.size()) || !IsCue(t[cue].lower)) return;
  const std::vector<const Mention*> crimes = CrimesAfter(ctx, cue + 1);
  if (crimes.empty()) return;
  for (const std::string& name : Antecedents(ctx, nom)) {
    for (const Mention* c : crimes) {
      Emit(ctx, rule, name, "targets", c->canonical, true, EC::kCrimeType, out);
    }
  }
}

// ---- operates_in / located_in ----

void OperatesNominal(const RuleContext& ctx, const RelationRule& rule,
                     std::vector<FactDraft>* out) {
  const Nominal nom = FindNominal(ctx);
  if (nom.token < 0) return;
  const std::vector<Token>& t = ctx.tokens();
  std::vector<std::string> places;
  for (const Mention* m : ctx.mentions) {
    if (m->cls == EC::kPlace && !m->inside_name && m->begin > nom.token &&
        In(t[m->begin - 1].lower, {"in", "across", "for", "throughout"})) {
      places.push_back(m->canonical);
    }
  }
  if (places.empty()) return;
  for (const std::string& name : Antecedents(ctx, nom)) {
    for (const std::string& p : places) {
      Emit(ctx, rule, name, "operates_in", p, true, EC::kPlace, out);
    }
  }
}

void OperatesInName(const RuleContext& ctx, const RelationRule& rule,
                    std::vector<FactDraft>* out) {
  for (const Mention* e : ctx.mentions) {
    if (!IsTargetable(*e)) continue;
    for (const Mention* p : ctx.mentions) {
      if (p->cls == EC::kPlace && p->inside_name && p->begin >= e->begin &&
          p->end <= e->end) {
        Emit(ctx, rule, e->canonical, "operates_in", p->canonical, true,
             EC::kPlace, out);
      }
    }
  }
}

// "Leeds's Violence Reduction Unit" -> operates_in Leeds.
void OperatesPossessive(const RuleContext& ctx, const RelationRule& rule,
                        std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPlace || p->inside_name || p->end + 1 >= n ||
        t[p->end].text != "'s") {
      continue;
    }
    const Mention* e = MentionAt(ctx, p->end + 1);
    if (e != nullptr && IsEntity(*e) && e->cls != EC::kPerson) {
      Emit(ctx, rule, e->canonical, "operates_in", p->canonical, true,
           EC::kPlace, out);
    }
  }
}

void LocatedInParent(const RuleContext& ctx, const RelationRule& rule,
                     std::vector<FactDraft>* out) {
  for (const Mention* a : ctx.mentions) {
    if (a->cls != EC::kPlace || a->inside_name || a->parent.empty()) continue;
    for (const Mention* b : ctx.mentions) {
      if (b->cls == EC::kPlace && !b->inside_name && b->canonical == a->parent) {
        Emit(ctx, rule, a->canonical, "located_in", b->canonical, true,
             EC::kPlace, out);
      }
    }
  }
}

// ---- leads ----

// "Cmdr Ann Lee, the Force's lead for tackling knife crime" -> leads.
void LeadsCrimeArea(const RuleContext& ctx, const RelationRule& rule,
                    std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->pronoun) continue;
    for (int k = p->end; k < n && k < p->end + 10; ++k) {
      if (!In(t[k].lower, {"lead", "head", "leads", "responsible"})) continue;
      if (k + 1 >= n || !In(t[k + 1].lower, {"for", "on", "of"})) continue;
      for (const Mention* c : ctx.mentions) {
        if (c->begin > k + 1 && c->begin <= k + 5 && !c->inside_name &&
            (c->cls == EC::kCrimeType || IsTargetable(*c))) {
          Emit(ctx, rule, p->canonical, "leads", c->canonical, true, c->cls, out);
          break;
        }
      }
      break;
    }
  }
}

// "<Operation> ... led by Det Supt Ann Lee".
void LeadsLedBy(const RuleContext& ctx, const RelationRule& rule,
                std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->begin < 2 || t[p->begin - 1].lower != "by" ||
        !In(t[p->begin - 2].lower, {"led", "headed", "run", "commanded"})) {
      continue;
    }
    const Mention* subject = nullptr;
    for (const Mention* m : ctx.mentions) {
      if (m->end > p->begin - 2) break;
      if (IsEntity(*m) && m->cls != EC::kPerson && !m->force) subject = m;
    }
    if (subject != nullptr) {
      Emit(ctx, rule, p->canonical, "leads", subject->canonical, true,
           subject->cls, out);
      continue;
    }
    // "The operation is led by ..." -- the operation named nearby.
    const Nominal nom = FindNominal(ctx);
    if (nom.token < 0 || nom.token > p->begin) continue;
    for (const std::string& name : Antecedents(ctx, nom)) {
      Emit(ctx, rule, p->canonical, "leads", name, true, nom.cls, out);
    }
  }
}

bool IsLeadVerb(const std::string& w) {
  return In(w, {"leads", "led", "leading", "lead", "heads", "headed", "heading",
                "oversees", "oversaw", "overseeing", "overseen", "commands",
                "commanded", "commanding", "runs", "ran", "running", "directs",
                "directed", "directing"});
}

// End of the relative clause starting at token `from`: a stop word, or a
// comma that does not continue a list of names ("A, B and C").
int RelativeClauseEnd(const std::vector<Token>& t, int from) {
  const int n = static_cast<int>(t.size());
  for (int k = from; k < n; ++k) {
    if (In(t[k].lower, {";", ".", ":", "said", "says", "who", "which", "where",
                        "while", "when", "but", "\""})) {
      return k;
    }
    if (t[k].lower == "," &&
        (k + 1 >= n || t[k + 1].lower == "and" || t[k + 1].lower == "said" ||
         !t[k + 1].capitalized)) {
      return k;
    }
  }
  return n;
}

// "Cmdr Ann Lee, who leads Operations Alder and Birch, said ..." and
// "Insp Ann Lee, who has led the Dog Unit since 2019" -> leads each named
// operation, unit, campaign or programme in the clause.
void LeadsWhoClause(const RuleContext& ctx, const RelationRule& rule,
                    std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* p : ctx.mentions) {
    if (p->cls != EC::kPerson || p->pronoun) continue;
    int k = p->end;
    if (k < n && t[k].lower == ",") ++k;
    if (k >= n || t[k].lower != "who") continue;
    ++k;
    while (k < n && In(t[k].lower, {"is", "was", "has", "had", "have", "been",
                                    "currently", "also", "now", "previously"})) {
      ++k;
    }
    if (k >= n || !IsLeadVerb(t[k].lower)) continue;
    const int stop = RelativeClauseEnd(t, k + 1);
    for (const Mention* m : ctx.mentions) {
      if (m->begin <= k || m->begin >= stop || m->inside_name) continue;
      if (IsTargetable(*m) || (m->cls == EC::kOrganization && !m->force)) {
        Emit(ctx, rule, p->canonical, "leads", m->canonical, true, m->cls, out);
      }
    }
  }
}

// ---- said ----

// Original text of normalised bytes [b, e) without surrounding spaces and
// quotation marks; `strip` lists trailing characters to drop as well.
std::string QuoteText(const AnalyzedDocument& doc, uint32_t b, uint32_t e,
                      std::string_view strip) {
  const std::string& s = doc.text.text();
  auto junk = [&](char c, bool tail) {
    return absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '"' ||
           (tail && strip.find(c) != std::string_view::npos);
  };
  while (b < e && junk(s[b], false)) ++b;
  while (e > b && junk(s[e - 1], true)) --e;
  return std::string(doc.SliceBytes(b, e));
}

const Mention* SpeakerBefore(const RuleContext& ctx, int k) {
  const Mention* speaker = nullptr;
  for (const Mention* m : ctx.mentions) {
    if (m->begin >= k) break;
    if (m->cls == EC::kPerson) speaker = m;
  }
  return speaker;
}

// "Name said: "...": the quotation in the same sentence or, when the
// sentence ends with ':', the next sentence when it opens with a quote.
void SaidColon(const RuleContext& ctx, const RelationRule& rule,
               std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  const bool next_line = std::string_view(rule.id) == "said.colon_next_sentence";
  for (int k = 1; k < n; ++k) {
    const bool verb = IsReportingVerb(t[k].lower);
    const bool bare_colon = next_line && k == n - 1 && t[k].text == ":";
    if (!verb && !bare_colon) continue;
    const Mention* who = SpeakerBefore(ctx, k);
    if (bare_colon && !verb) {
      // "Name, Title, Organisation:" -- the speaker opens the line.
      who = ctx.mentions.empty() ? nullptr : ctx.mentions.front();
      if (who != nullptr && (who->cls != EC::kPerson || who->begin != 0)) who = nullptr;
    }
    if (who == nullptr) continue;
    int q = verb ? k + 1 : k;
    if (q < n && t[q].text == ":") ++q;
    if (!next_line && q < n && t[q].text == "\"") {
      const uint32_t end = ctx.doc.sentences[ctx.sentence].span.end;
      Emit(ctx, rule, who->canonical, "said",
           QuoteText(ctx.doc, t[q].end, end, ""), false, EC::kPerson, out);
      return;
    }
    if (next_line && q == n && t[n - 1].text == ":" &&
        ctx.sentence + 1 < static_cast<int>(ctx.doc.sentences.size())) {
      const AnalyzedSentence& next = ctx.doc.sentences[ctx.sentence + 1];
      if (next.tokens.empty() || next.tokens[0].text != "\"") return;
      Emit(ctx, rule, who->canonical, "said",
           QuoteText(ctx.doc, next.tokens[0].end, next.span.end, ""), false,
           EC::kPerson, out, ctx.sentence + 1);
      return;
    }
  }
}

// ""...," Ms Lee said." -- quotation first, speaker after.
void SaidQuoteFirst(const RuleContext& ctx, const RelationRule& rule,
                    std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  if (n < 4 || t[0].text != "\"") return;
  int close = 1;
  while (close < n && t[close].text != "\"") ++close;
  if (close + 2 >= n) return;
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPerson || m->begin != close + 1) continue;
    if (m->end < n && IsReportingVerb(t[m->end].lower)) {
      Emit(ctx, rule, m->canonical, "said",
           QuoteText(ctx.doc, t[0].end, t[close].begin, ","), false,
           EC::kPerson, out);
    }
    return;
  }
}

// "Name has warned that ..." -- reported speech.
void SaidReported(const RuleContext& ctx, const RelationRule& rule,
                  std::vector<FactDraft>* out) {
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPerson) continue;
    int k = m->end;
    if (k < n && In(t[k].lower, {"has", "had", "have"})) ++k;
    if (k + 1 >= n || t[k].lower == "added" || !IsReportingVerb(t[k].lower) ||
        t[k + 1].lower != "that") {
      continue;
    }
    Emit(ctx, rule, m->canonical, "said",
         QuoteText(ctx.doc, t[k + 1].end, ctx.doc.sentences[ctx.sentence].span.end,
                   "."),
         false, EC::kPerson, out);
  }
}

std::string PrimaryForce(const AnalyzedDocument& doc) {
  std::map<std::string, int> counts;
  std::string best;
  for (const Mention& m : doc.mentions) {
    if (m.force && m.cls == EC::kOrganization && ++counts[m.canonical] > counts[best]) {
      best = m.canonical;
    }
  }
  return best;
}

}  // namespace

const std::vector<RelationRule>& DefaultRelationRules() {
  static const auto* rules = new std::vector<RelationRule>{
      {"has_role.rank_before_name", 0.9f, RoleFromMention},
      {"has_role.title_before_name", 0.85f, RoleFromMention},
      {"has_role.title_appositive", 0.85f, RoleFromMention},
      {"has_role.appositive_title", 0.85f, RoleFromMention},
      {"member_of.force_before_rank", 0.85f, OrgFromMention},
      {"member_of.appositive_org", 0.8f, OrgFromMention},
      {"member_of.from_unit", 0.8f, MemberFrom},
      {"member_of.who_is_possessive", 0.75f, MemberWhoIs},
      {"part_of.force_possessive", 0.8f, PartOfPossessive},
      {"part_of.our_unit", 0.6f, PartOfOur},
      {"targets.name_contains_crime", 0.7f, TargetsInName},
      {"targets.verb_cue", 0.75f, TargetsByCue},
      {"targets.nominal_antecedent", 0.6f, TargetsNominal},
      {"operates_in.name_contains_place", 0.7f, OperatesInName},
      {"operates_in.place_possessive", 0.7f, OperatesPossessive},
      {"operates_in.nominal_antecedent", 0.55f, OperatesNominal},
      {"located_in.gazetteer_parent", 0.7f, LocatedInParent},
      {"leads.lead_for", 0.7f, LeadsCrimeArea},
      {"leads.led_by", 0.75f, LeadsLedBy},
      {"leads.who_clause", 0.8f, LeadsWhoClause},
      {"said.colon_quote", 0.9f, SaidColon},
      {"said.colon_next_sentence", 0.85f, SaidColon},
      {"said.quote_then_attribution", 0.85f, SaidQuoteFirst},
      {"said.reported_that", 0.6f, SaidReported},
  };
  return *rules;
}

std::vector<FactDraft> RelationExtractor::Extract(
    const AnalyzedDocument& doc) const {
  std::vector<FactDraft> out;
  const std::string force = PrimaryForce(doc);
  size_t next = 0;
  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    RuleContext ctx{doc, s, {}, force};
    while (next < doc.mentions.size() && doc.mentions[next].sentence == s) {
      ctx.mentions.push_back(&doc.mentions[next++]);
    }
    for (const RelationRule& rule : rules_) rule.match(ctx, rule, &out);
  }
  return out;
}

}  // namespace kg::extractor
