// People: rank/title prefixes, appositive titles, given names, short forms
// and pronouns resolved to a person seen earlier.
#include "absl/strings/str_cat.h"
#include "extractor_service/pipeline/internal/sentence_pass.h"
#include "extractor_service/pipeline/internal/word_classes.h"

namespace kg::extractor::internal {

void SentencePass::AddPerson(int b, int e, int name_b, int name_e, bool alias) {
  Mention& m = Add(EntityClass::kPerson, Slice(name_b, name_e), b, e);
  if (alias) SetAlias(&m, Slice(b, e));
  people_.Observe(m.canonical);
  Claim(b, e);
}

void SentencePass::TryPerson(int i) {
  if (claimed_[i]) return;
  if (TryAppositiveAfterName(i) || TryPrefixedPerson(i)) return;
  const Token& t = t_[i];
  if ((t.lower == "he" || t.lower == "she") && i + 1 < n_ &&
      IsReportingVerb(t_[i + 1])) {
    const std::string who = people_.Last();
    if (who.empty()) return;
    Mention& m = Add(EntityClass::kPerson, who, i, i + 1);
    m.pronoun = true;
    return;
  }
  if (!IsNameToken(i) || (i > 0 && Cap(i - 1) && !Function(i - 1))) return;
  const int k = NameEnd(i, 3);
  // "Thornton Heath" is a place before it is a Thornton, and so is
  // "Sidney Street".
  if (k - i >= 2 && gaz_.IsFirstName(t) && Free(i, k) &&
      gaz_.places().LongestAt(t_, i, k).length != k - i &&
      gaz_.HeadClass(t_[k - 1]) != "Place" &&
      // "Bradford District Council": the start of a body's name.
      (k == n_ || gaz_.HeadClass(t_[k]).empty() || !Cap(k))) {
    Mention& m = Add(EntityClass::kPerson, Slice(i, k), i, k);
    m.role_rule = "type.given_name";
    people_.Observe(m.canonical);
    Claim(i, k);
    return;
  }
  if (k - i == 1) {
    const std::string who = people_.ByNamePart(t.text);
    if (who.empty()) return;
    Mention& m = Add(EntityClass::kPerson, who, i, k);
    SetAlias(&m, Slice(i, k));
    people_.Observe(who);
    Claim(i, k);
  }
}

// "Dee Smith, Chief Executive, Acme Retail Group, said:"
bool SentencePass::TryAppositiveAfterName(int i) {
  if (i > 0 && Cap(i - 1)) return false;
  const int k = NameEnd(i, 3);
  if (k - i < 2 || k + 1 >= n_ || t_[k].text != ",") return false;
  PhraseTable::Match title = gaz_.titles().LongestAt(t_, k + 1, n_);
  PhraseTable::Match rank = gaz_.ranks().LongestAt(t_, k + 1, n_);
  const PhraseTable::Match& role = title.length >= rank.length ? title : rank;
  if (role.length == 0) return false;
  int a = k + 1 + role.length;
  if (a >= n_ || t_[a].text != ",") return false;
  ++a;
  int b = a;
  while (b < n_ && (Cap(b) || (IsConnector(t_[b]) && b + 1 < n_ && Cap(b + 1)))) {
    ++b;
  }
  if (b == a || !Cap(b - 1)) return false;
  const bool clause_end =
      b == n_ || t_[b].text == ":" || IsReportingVerb(t_[b]) ||
      (t_[b].text == "," && b + 1 < n_ && IsReportingVerb(t_[b + 1]));
  if (!clause_end) return false;
  AddPerson(i, k, i, k, false);
  Mention& p = out_.back();
  p.role = role.entry->canonical;
  p.role_rule = "has_role.appositive_title";
  const std::string org = Slice(a, b);
  p.org = org;
  p.org_rule = "member_of.appositive_org";
  Add(EntityClass::kOrganization, org, a, b);
  Claim(k, b);
  return true;
}

// "[Force] Rank/Title* Honorific? Name": "GMP Det Supt Amy Shaw",
// "Commissioner Sir Ann Bell", "Ms Shaw"; or "The Mayor of X, Ann Bell,".
bool SentencePass::TryPrefixedPerson(int i) {
  int j = i;
  std::string org;
  PhraseTable::Match om = gaz_.organisations().LongestAt(t_, i, n_);
  if (om.length > 0 && i + om.length < n_ &&
      (gaz_.ranks().LongestAt(t_, i + om.length, n_).length > 0 ||
       gaz_.titles().LongestAt(t_, i + om.length, n_).length > 0)) {
    org = om.entry->canonical;
    j += om.length;
  }
  std::string role, rule, second_role, second_rule;
  bool plural = false;
  int last_role_begin = -1, roles = 0;
  while (j < n_) {
    PhraseTable::Match rm = gaz_.ranks().LongestAt(t_, j, n_);
    PhraseTable::Match tm = gaz_.titles().LongestAt(t_, j, n_);
    if (rm.length > 0 || tm.length > 0) {
      const bool is_rank = rm.length >= tm.length;
      if (!role.empty() && second_role.empty()) {
        // "district commander Ch Supt Ann Lee": a title and a rank.
        second_role = is_rank ? rm.entry->canonical : tm.entry->canonical;
        second_rule = is_rank ? "has_role.rank_before_name" : "has_role.title_before_name";
      }
      if (role.empty()) {
        role = is_rank ? rm.entry->canonical : tm.entry->canonical;
        rule = is_rank ? "has_role.rank_before_name" : "has_role.title_before_name";
        // "Inspectors Ann Lee and Tom Hart": the rank is written plural.
        const std::string_view last = t_[j + (is_rank ? rm.length : tm.length) - 1].text;
        plural = last.size() > 1 && last.back() == 's' && role.back() != 's';
      }
      last_role_begin = j;
      ++roles;
      j += is_rank ? rm.length : tm.length;
    } else if (gaz_.IsHonorific(t_[j]) && j + 1 < n_ && Cap(j + 1)) {
      ++j;
    } else if (!role.empty() && t_[j].text == "(") {
      // "Commander (Operations) Ann Lee": a portfolio in brackets.
      int c = j + 1;
      while (c < n_ && c - j <= 4 && t_[c].text != ")") ++c;
      if (c + 1 >= n_ || t_[c].text != ")" || !Cap(c + 1)) break;
      j = c + 1;
      continue;
    } else {
      break;
    }
    if (j < n_ && t_[j].text == ".") ++j;
  }
  if (j == i || j >= n_) return false;
  // "Detective Inspector for Organised Crime, Ann Lee": the post's remit,
  // then the name after a comma.
  if (!role.empty() && j + 2 < n_ && (t_[j].lower == "for" || t_[j].lower == "of")) {
    int r = j + 1;
    while (r < n_ && r - j <= 5 && (Cap(r) || t_[r].lower == "and")) ++r;
    if (r > j + 1 && r < n_ && t_[r].text == ",") j = r;
  }
  int k = NameEnd(j, 3);
  if (k == j && !role.empty() && t_[j].text == ",") {
    k = NameEnd(j + 1, 3);
    if (k - (j + 1) < 2 || (k < n_ && t_[k].text != "," && !IsReportingVerb(t_[k]) &&
                            t_[k].lower != "has")) {
      return false;
    }
    AddPerson(i, k, j + 1, k, false);
    out_.back().role = role;
    out_.back().role_rule = "has_role.title_appositive";
    return true;
  }
  if (k == j) return false;
  std::string canonical;
  if (k - j == 1) {
    canonical = people_.BySurname(t_[j].text);
    if (canonical.empty()) return false;
  }
  // The alias is the last title with the name: "Ch Supt Ann Lee" of
  // "district commander Ch Supt Ann Lee". A force's one-word short form
  // reads as part of the title ("Met Commander Ann Lee"); a force's full
  // name does not ("Northshire Police Chief Constable Ann Lee" gives "Chief
  // Constable Ann Lee"). A plural rank ("Inspectors Ann Lee and ...") is no
  // surface form of one person.
  int alias_begin = org.empty() ? i : i + om.length;
  if (roles > 1) {
    alias_begin = last_role_begin;
  } else if (!org.empty() && om.length == 1) {
    alias_begin = i;
  }
  if (!org.empty()) {
    Mention& f = Add(EntityClass::kOrganization, org, i, i + om.length);
    f.force = true;
  }
  AddPerson(i, k, j, k, false);
  Mention& p = out_.back();
  if (!plural) SetAlias(&p, Slice(alias_begin, k));
  if (!canonical.empty()) {
    p.canonical = canonical;
    p.alias = Slice(alias_begin, k);
    people_.Observe(canonical);
  }
  p.role = role;
  p.role_rule = rule;
  if (!second_role.empty() && second_role != role) {
    p.appositive_role = second_role;
    p.appositive_role_rule = second_rule;
  }
  if (!org.empty()) {
    p.org = org;
    p.org_rule = "member_of.force_before_rank";
  }
  if (plural && canonical.empty() && k + 1 < n_ && t_[k].lower == "and") {
    const int e = NameEnd(k + 1, 3);
    if (e - (k + 1) >= 2 && Free(k + 1, e)) {
      AddPerson(k + 1, e, k + 1, e, false);
      out_.back().role = role;
      out_.back().role_rule = rule;
    }
  }
  return true;
}

// "Supt Ann Lee, gold commander for Operation Tern, said", "Ann Lee, the
// assistant chief constable for the region", "Ann Lee, NCA Director of
// Investigations": a rank or title after the name's comma (a force or body
// may come first and is then her organisation), ending at a comma, "for",
// "of", "at", a reporting verb or the sentence end.
void SentencePass::TryAppositiveRole(size_t person) {
  Mention& p = out_[person];
  if (p.cls != EntityClass::kPerson || p.pronoun) return;
  int k = p.end;
  if (k + 1 >= n_ || t_[k].text != "," || !Free(k + 1, k + 2)) return;
  ++k;
  if (t_[k].lower == "the") ++k;
  std::string org;
  const PhraseTable::Match om = gaz_.organisations().LongestAt(t_, k, n_);
  if (om.length > 0) {
    org = om.entry->canonical;
    k += om.length;
  }
  if (!p.appositive_role.empty()) return;
  // "head of public protection at Northshire Police": a post named by its
  // remit, up to the body it is held at.
  if (t_[k].lower == "head" && k + 2 < n_ && t_[k + 1].lower == "of") {
    int e = k + 2;
    // The remit is in lower case; "Head of the Dog Unit" names a unit the
    // person leads, which the leads rules read.
    while (e < n_ && e - k < 7 && t_[e].kind == TokenKind::kWord && !t_[e].capitalized &&
           t_[e].lower != "for" && t_[e].lower != "at" && t_[e].lower != "and" &&
           !IsReportingVerb(t_[e])) {
      ++e;
    }
    if (e == k + 2 || e >= n_ || (t_[e].text != "," && t_[e].lower != "for" &&
                                  t_[e].lower != "at")) {
      return;
    }
    p.appositive_role = Slice(k, e);
    p.appositive_role_rule = "has_role.appositive_after_name";
    BodyAfterRole(e, &p);
    return;
  }
  const PhraseTable::Match title = gaz_.titles().LongestAt(t_, k, n_);
  const PhraseTable::Match rank = gaz_.ranks().LongestAt(t_, k, n_);
  const PhraseTable::Match& role = title.length >= rank.length ? title : rank;
  if (role.length == 0) return;
  const int e = k + role.length;
  if (e < n_) {
    const std::string_view w = t_[e].lower;
    if (w != "," && w != "for" && w != "of" && w != "at" && w != ":" &&
        !IsReportingVerb(t_[e])) {
      return;
    }
  }
  std::string canonical = role.entry->canonical;
  // "Director of Investigations": a title's own department, when it names
  // no unit or body (those are the person's organisation instead).
  if (&role == &title && e + 1 < n_ && t_[e].lower == "of" && Cap(e + 1) &&
      !Function(e + 1)) {
    int d = e + 1;
    while (d < n_ && d - e <= 3 && Cap(d) && !Function(d)) ++d;
    if (gaz_.HeadClass(t_[d - 1]).empty() &&
        gaz_.organisations().LongestAt(t_, e + 1, d).length == 0) {
      absl::StrAppend(&canonical, " of ", Slice(e + 1, d));
    }
  }
  if (canonical == p.role) return;
  p.appositive_role = std::move(canonical);
  p.appositive_role_rule = "has_role.appositive_after_name";
  BodyAfterRole(e, &p);
  if (!org.empty() && p.org.empty()) {
    p.org = org;
    p.org_rule = "member_of.appositive_body_title";
  }
}

// "..., head of crime operations for the PSNI": a force or national body
// right after "for"/"at"/"of" following an appositive role is the person's
// organisation.
void SentencePass::BodyAfterRole(int e, Mention* p) {
  if (!p->org.empty() || e + 1 >= n_) return;
  const std::string_view w = t_[e].lower;
  if (w != "for" && w != "at" && w != "of") return;
  int k = e + 1;
  if (t_[k].lower == "the" && k + 1 < n_) ++k;
  const PhraseTable::Match om = gaz_.organisations().LongestAt(t_, k, n_);
  if (om.length == 0) return;
  p->org = om.entry->canonical;
  p->org_rule = "member_of.appositive_body_title";
}

}  // namespace kg::extractor::internal
