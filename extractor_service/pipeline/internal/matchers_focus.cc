// Document-level attribution: a sentence's places, crime types and "the
// operation" bound to the operation the sentence names, or else to the one
// the whole article is about (RuleContext::focus). Real reports name the
// operation once and then say where officers went and what they went after
// in sentences of their own.
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"

namespace kg::extractor::internal {
namespace {

// The named activity nearest before token `k` in the sentence, else the
// first one after it, else nullptr.
const Mention* LocalActivity(const RuleContext& ctx, int k) {
  const Mention* before = nullptr;
  const Mention* after = nullptr;
  for (const Mention* m : ctx.mentions) {
    if (!IsNamedActivity(*m)) continue;
    if (m->begin < k) {
      before = m;
    } else if (after == nullptr) {
      after = m;
    }
  }
  return before != nullptr ? before : after;
}

bool HasLocalActivity(const RuleContext& ctx) {
  for (const Mention* m : ctx.mentions) {
    if (IsNamedActivity(*m)) return true;
  }
  return false;
}

// Whether sentence `s` opens with "The/These/This" and, within two words,
// a word of `events` ("The dawn raids formed Operation Tern").
bool RefersBack(const AnalyzedDocument& doc, int s, const WordList& events) {
  const std::vector<Token>& t = doc.sentences[s].tokens;
  if (t.empty() || (t[0].lower != "the" && t[0].lower != "these" && t[0].lower != "this")) {
    return false;
  }
  for (size_t k = 1; k < t.size() && k <= 3; ++k) {
    if (events.contains(t[k].lower)) return true;
  }
  return false;
}

const Mention* Topic(const RuleContext& ctx) {
  return ctx.focus == nullptr ? nullptr : ctx.focus->topic;
}

// A rank of the police ("Detective Inspector", "Chief Constable"), not a
// civic title ("Mayor", "Chief Executive").
// A police force ("... Police", "... Constabulary"), not another body.
bool IsPoliceForce(const std::string& body) {
  return body.find("Police") != std::string::npos ||
         body.find("Constabulary") != std::string::npos;
}

bool IsPoliceRank(const std::string& role) {
  if (role.find("Crime Commissioner") != std::string::npos) return false;
  for (const char* word : {"Constable", "Sergeant", "Inspector", "Superintendent",
                           "Commander", "Commissioner"}) {
    if (role.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

// "Warrants were executed in Leeds and Bradford as part of Operation Alder":
// places after a word of $place_preps go to the operation, campaign or
// programme named in the same sentence (the nearest before the place, else
// the first after it).
void OperatesInActivityPlace(const RuleContext& ctx, const RelationRule& rule,
                             const DraftSink& out) {
  if (!HasLocalActivity(ctx)) return;
  for (const Mention* p : ActivityPlaces(ctx, rule.Words("place_preps"))) {
    const Mention* subject = LocalActivity(ctx, p->begin);
    if (subject != nullptr) out.EmitEntity(subject->canonical, *p);
  }
}

// The same places in a sentence that names no operation go to the one a
// neighbouring sentence names ("Warrants were executed in Leeds. The raids
// were part of Operation Alder.") or, naming none, the one unit it names;
// the sentence before is asked first (it is the one this sentence goes on
// from); when neither names one, to the operation the article is about.
// Sentences with a word of $not_policing (crime counted, a court's
// sentence) give nothing.
void OperatesInFocus(const RuleContext& ctx, const RelationRule& rule,
                     const DraftSink& out) {
  if (ctx.focus == nullptr || HasLocalActivity(ctx)) return;
  // "15,000 incidents were reported in the West End", "sentenced in
  // Newport": where crime was counted or a court sat is not where the
  // operation worked.
  const WordList& elsewhere = rule.Words("not_policing");
  for (const Token& t : ctx.tokens()) {
    if (elsewhere.contains(t.lower)) return;
  }
  const std::vector<const Mention*>& named = ctx.focus->sentence_activity;
  const std::vector<const Mention*>& units = ctx.focus->sentence_unit;
  const int s = ctx.sentence;
  // A neighbour's operation, else the unit it names ("Officers from the
  // Dog Unit seized drugs. Arrests were made in Leeds and Bradford.").
  auto subject_of = [&](int k) -> const Mention* {
    if (k < 0 || k >= static_cast<int>(named.size())) return nullptr;
    return named[k] != nullptr ? named[k] : units[k];
  };
  const Mention* before = subject_of(s - 1);
  const Mention* after = subject_of(s + 1);
  // "... raids in Leeds. The raids were part of Operation Alder.": a next
  // sentence that opens by referring back to this one's events names their
  // operation.
  const Mention* subject = before != nullptr ? before : after;
  if (s + 1 < static_cast<int>(named.size()) && RefersBack(ctx.doc, s + 1, rule.Words("events"))) {
    // "The dawn raids formed Operation Tern, part of the wider Alder
    // strategy": the first one named is what the events formed.
    const Mention* first = ctx.focus->sentence_first_activity[s + 1];
    if (first != nullptr) subject = first;
  }
  if (subject == nullptr) subject = Topic(ctx);
  if (subject == nullptr) return;
  for (const Mention* p : ActivityPlaces(ctx, rule.Words("place_preps"))) {
    out.EmitEntity(subject->canonical, *p);
  }
}

// Crime types the article's operation goes after when the sentence names no
// operation of its own: those of the title (sentence 0), and those after a
// word of $cues up to a word of $clause_stops when no target-able name
// comes before the cue.
void TargetsFocus(const RuleContext& ctx, const RelationRule& rule,
                  const DraftSink& out) {
  const Mention* topic = Topic(ctx);
  if (topic == nullptr || HasLocalActivity(ctx)) return;
  if (ctx.sentence == 0) {
    for (const Mention* m : ctx.mentions) {
      if (m->cls == EC::kCrimeType && !m->inside_name) out.EmitEntity(topic->canonical, *m);
    }
    return;
  }
  const WordList& cues = rule.Words("cues");
  const std::vector<Token>& t = ctx.tokens();
  // "The operation is backed by a winter campaign against knife crime": a
  // cue after an unnamed campaign of its own belongs to that campaign
  // (targets.nominal_antecedent), not to the article's operation.
  int own_nominal = static_cast<int>(t.size());
  for (Nominal k = FindNominal(ctx); k.token >= 0; k = FindNominal(ctx, k.token + 1)) {
    if (k.cls != topic->cls) {
      own_nominal = k.token;
      break;
    }
  }
  for (int c = 0; c < static_cast<int>(t.size()); ++c) {
    if (!cues.contains(t[c].lower) || own_nominal < c) continue;
    bool named_before = false;
    for (const Mention* m : ctx.mentions) {
      if (m->end > c) break;
      named_before |= IsTargetable(*m) && !m->inside_name;
    }
    if (named_before) continue;
    for (const Mention* crime : CrimesAfter(ctx, c + 1, rule.Words("clause_stops"))) {
      out.EmitEntity(topic->canonical, *crime);
    }
    return;
  }
}

// "Insp Ann Lee, who led the operation, said" / "Supt Ann Lee led the
// operation": a person, a word of $lead_verbs (the nearest person before
// it, no other person between), then the/this and "operation"/"campaign";
// the value is the one of that class named earlier in the sentence, else
// the article's, else the last one named before this sentence.
void LeadsNominal(const RuleContext& ctx, const RelationRule& rule,
                  const DraftSink& out) {
  const WordList& verbs = rule.Words("lead_verbs");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (int v = 1; v + 2 < n; ++v) {
    if (!verbs.contains(t[v].lower)) continue;
    const std::string_view det = t[v + 1].lower;
    if (det != "the" && det != "this") continue;
    // "the operation", "the force-wide campaign": one modifier may come
    // between.
    int at = v + 2;
    if (at + 1 < n && t[at + 1].kind == TokenKind::kWord && !t[at + 1].capitalized &&
        (t[at + 1].lower == "operation" || t[at + 1].lower == "campaign")) {
      ++at;
    }
    const std::string_view noun = t[at].lower;
    EC cls;
    if (noun == "operation") {
      cls = EC::kOperation;
    } else if (noun == "campaign") {
      cls = EC::kCampaign;
    } else {
      continue;
    }
    const Mention* who = SpeakerBefore(ctx, v);
    if (who == nullptr) continue;
    // An operation named earlier in the sentence is the one meant; one
    // named after it (in the quotation that follows) is not evidence.
    const Mention* value = nullptr;
    for (const Mention* m : ctx.mentions) {
      if (m->begin < v && IsNamedActivity(*m) && m->cls == cls) value = m;
    }
    const Mention* topic = Topic(ctx);
    if (value == nullptr && topic != nullptr && topic->cls == cls) value = topic;
    if (value == nullptr && ctx.last_named != nullptr && ctx.last_named->cls == cls) {
      value = ctx.last_named;
    }
    // Writers call an operation a campaign and the reverse: with nothing
    // of the nominal's class named, it is the article's operation.
    if (value == nullptr) value = topic;
    if (value != nullptr) out.EmitEntity(who->canonical, *value);
  }
}

// A police officer named with a rank and quoted (a word of $reporting or a
// quotation mark in the sentence) in an article about one
// force speaks for that force when the sentence ties them to no body of
// their own (a force's own release): the document's most-mentioned force,
// if it is a police force ("... Police", "... Constabulary").
void MemberOfPublishingForce(const RuleContext& ctx, const RelationRule& rule,
                             const DraftSink& out) {
  const std::string& force = ctx.primary_force;
  if (ctx.focus == nullptr || !IsPoliceForce(force)) return;
  const WordList& reporting = rule.Words("reporting");
  const std::vector<Token>& t = ctx.tokens();
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPerson || m->pronoun || !m->org.empty() ||
        (m->role_rule != "has_role.rank_before_name" &&
         m->role_rule != "has_role.title_appositive") ||
        !IsPoliceRank(m->role)) {
      continue;
    }
    if (ctx.focus->affiliated.contains(m->canonical)) continue;
    // Only an officer who speaks: the article's spokesperson speaks for
    // its force; an officer merely named may be from anywhere.
    bool speaks = false;
    for (int k = m->end; k < static_cast<int>(t.size()) && !speaks; ++k) {
      speaks = reporting.contains(t[k].lower) || t[k].text == "\"";
    }
    for (int k = 0; k < m->begin && !speaks; ++k) speaks = t[k].text == "\"";
    if (speaks) out.Emit(m->canonical, force, true, EC::kOrganization);
  }
}

// A force's own command, branch or division in an article about that force
// is part of it: a unit whose head-word is a word of $internal_heads, named
// with no body of its own before it, in a document whose most-mentioned
// force is a police force.
void PartOfPublishingForce(const RuleContext& ctx, const RelationRule& rule,
                           const DraftSink& out) {
  const std::string& force = ctx.primary_force;
  if (!IsPoliceForce(force)) return;
  const WordList& heads = rule.Words("internal_heads");
  const WordList& wider = rule.Words("wider_than_a_force");
  const std::vector<Token>& t = ctx.tokens();
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kUnit || m->inside_name || m->acronym || m->end - m->begin < 2) continue;
    if (!heads.contains(t[m->end - 1].lower) || wider.contains(t[m->begin].lower)) continue;
    // "Northshire Police's Dog Unit", "the NCA's ...": a body is named.
    if (m->begin >= 2 && t[m->begin - 1].text == "'s") continue;
    out.Emit(m->canonical, force, true, EC::kOrganization);
  }
}

}  // namespace kg::extractor::internal
