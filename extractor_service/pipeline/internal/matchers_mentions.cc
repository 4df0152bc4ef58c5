// type, alias, has_role and member_of facts read off the recognizer's
// mentions (the recognizer's person patterns name the rule that found a
// role or organisation; the rule with that id emits it).
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"

namespace kg::extractor::internal {

// Every named mention: (name, type, Class). Pronouns, crime types and places
// inside other names give no type fact of their own.
void MentionType(const RuleContext& ctx, const RelationRule&, const DraftSink& out) {
  for (const Mention* m : ctx.mentions) {
    if (m->pronoun || m->cls == EC::kCrimeType ||
        (m->cls == EC::kPlace && m->inside_name)) {
      continue;
    }
    out.Emit(m->canonical, ClassName(m->cls), true, EC::kPerson);
  }
}

// Surface forms that differ from the canonical name ("Ms Lee", "the Met").
void MentionAlias(const RuleContext& ctx, const RelationRule&, const DraftSink& out) {
  for (const Mention* m : ctx.mentions) {
    if (m->pronoun || m->acronym || m->alias.empty()) continue;
    out.Emit(m->canonical, m->alias, false, EC::kPerson);
  }
}

// "Violence Suppression Units (VSUs)" -> alias "VSUs".
void MentionAcronym(const RuleContext& ctx, const RelationRule&, const DraftSink& out) {
  for (const Mention* m : ctx.mentions) {
    if (m->acronym && !m->alias.empty()) {
      out.Emit(m->canonical, m->alias, false, EC::kPerson);
    }
  }
}

void MentionRole(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out) {
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPerson) continue;
    if (!m->role.empty() && m->role_rule == rule.id) {
      out.Emit(m->canonical, m->role, false, EC::kPerson);
    }
    if (!m->appositive_role.empty() && m->appositive_role_rule == rule.id) {
      out.Emit(m->canonical, m->appositive_role, false, EC::kPerson);
    }
  }
}

void MentionOrg(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out) {
  for (const Mention* m : ctx.mentions) {
    if (m->cls == EC::kPerson && !m->org.empty() && m->org_rule == rule.id) {
      out.Emit(m->canonical, m->org, true, EC::kOrganization);
    }
  }
}

}  // namespace kg::extractor::internal
