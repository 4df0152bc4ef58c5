// Who said each quotation (see quotations.h): one pass over the sentences,
// carrying the speakers of the paragraph before forward.
#include <algorithm>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "extractor_service/pipeline/internal/quotations.h"

namespace kg::extractor::internal {
namespace {

// Words between a subject and its reporting verb: "X has also said".
bool IsVerbModifier(std::string_view w) {
  return w == "has" || w == "have" || w == "had" || w == "also" ||
         w == "later" || w == "then" || w == "today" || w == "yesterday" ||
         w == "previously" || w == "further" || w == "again" ||
         w == "earlier" || w == "recently" || w == "once";
}

// Words after a person that open a phrase before the verb: "X of Y Police
// said", "X from the Dog Unit said", "X who leads the team said".
bool IsPersonLink(std::string_view w) {
  return w == "of" || w == "from" || w == "at" || w == "for" || w == "who" ||
         w == "with" || w == "(";
}

// A rank, title or organisation between a quotation and its speaker:
// ""...," Detective Inspector for Serious Crime, Ann Lee said."
bool IsTitleWord(const Token& t) {
  return t.capitalized || t.lower == "of" || t.lower == "for" ||
         t.lower == "the" || t.lower == "and" || t.text == "," ||
         t.text == "(" || t.text == ")";
}

constexpr int kMaxTitleGap = 8;     // title words before a trailing speaker
constexpr int kMaxVerbSearch = 12;  // "X told a meeting of the Y Panel:"
constexpr int kMaxLinkSpan = 12;    // "X of the Y Unit said"
constexpr int kMinReportedWords = 3;
constexpr int kMaxReportedSpan = 25;   // verb to partial quotation
constexpr int kMaxClauseTokens = 40;   // a reporting verb's subject is nearer
constexpr int kMaxMentionTokens = 16;  // "The Mayor of X, Ann Lee"
constexpr int kMaxTitleWords = 6;      // "the Police and Crime Commissioner"
constexpr size_t kMaxRoles = 64;       // ranks and titles remembered

}  // namespace

void QuotationAnalysis::SpeakerLog::Add(const Mention* m) {
  stopped = false;
  for (const Mention* p : people) {
    if (p->canonical == m->canonical) return;
  }
  if (people.size() < 2) people.push_back(m);  // two: no single speaker
}

const Mention* QuotationAnalysis::SpeakerLog::Single() const {
  return !stopped && people.size() == 1 ? people.front() : nullptr;
}

bool QuotationAnalysis::Reporting(int s, int k) const {
  const std::vector<Token>& t = T(s);
  return k >= 0 && k < static_cast<int>(t.size()) &&
         reporting_.contains(t[k].lower);
}

std::pair<int, int> QuotationAnalysis::MentionsIn(int s, int b, int e) const {
  const auto first = doc_.mentions.begin() + first_mention_[s];
  const auto last = doc_.mentions.begin() + first_mention_[s + 1];
  auto begins_before = [](int limit) {
    return [limit](const Mention& m) { return m.begin < limit; };
  };
  const auto lo = std::partition_point(first, last, begins_before(b));
  const auto hi = std::partition_point(lo, last, begins_before(e));
  return {static_cast<int>(lo - doc_.mentions.begin()),
          static_cast<int>(hi - doc_.mentions.begin())};
}

const Mention* QuotationAnalysis::PersonEndingAt(int s, int end) const {
  const auto [lo, hi] = MentionsIn(s, end - kMaxMentionTokens, end);
  for (int i = lo; i < hi; ++i) {
    const Mention& m = doc_.mentions[i];
    if (m.cls == EntityClass::kPerson && m.end == end) return &m;
  }
  return nullptr;
}

const Mention* QuotationAnalysis::PersonStartingAt(int s, int begin) const {
  const auto [lo, hi] = MentionsIn(s, begin, begin + 1);
  for (int i = lo; i < hi; ++i) {
    if (doc_.mentions[i].cls == EntityClass::kPerson) return &doc_.mentions[i];
  }
  return nullptr;
}

// The subject of the reporting verb at token v (see quotations.h), within
// its clause: after the last quotation mark, ';' or ':' before it.
const Mention* QuotationAnalysis::SubjectOf(int s, int v, int depth) const {
  const std::vector<Token>& t = T(s);
  int cs = v;
  while (cs > 0 && v - cs < kMaxClauseTokens && t[cs - 1].text != ";" &&
         t[cs - 1].text != ":" && !IsMark(s, cs - 1)) {
    --cs;
  }
  int j = v - 1;
  while (j >= cs && IsVerbModifier(t[j].lower)) --j;
  if (j < cs || (j == cs && t[j].text == ",")) {
    // ""...," said Insp Ann Lee." -- the subject after the verb.
    return PersonStartingAt(s, v + 1);
  }
  if (const Mention* p = PersonEndingAt(s, j + 1);
      p != nullptr && p->begin >= cs) {
    return p;
  }
  if (t[j].lower == "who") {
    const int e = j - 1 >= cs && t[j - 1].text == "," ? j - 1 : j;
    const Mention* p = PersonEndingAt(s, e);
    return p != nullptr && p->begin >= cs ? p : nullptr;
  }
  if (t[j].text == ",") {
    // "X said, adding:" -- the subject of the first verb.
    if (depth == 0 && Reporting(s, j - 1)) return SubjectOf(s, j - 1, 1);
    return AppositionSubject(s, cs, j);
  }
  if (t[j].lower == "and") return CoordinatedSubject(s, cs, j, depth);
  if (t[j].lower == "or") return nullptr;
  if (const Mention* p = TitleSubject(s, cs, j); p != nullptr) return p;
  // "X of Y Police said", "X, Chief Executive, Y Group said".
  const Mention* best = nullptr;
  const auto [lo, hi] = MentionsIn(s, cs, j);
  for (int i = lo; i < hi; ++i) {
    const Mention& m = doc_.mentions[i];
    if (m.cls != EntityClass::kPerson || m.end > j ||
        j - m.end >= kMaxLinkSpan) {
      continue;
    }
    if (IsPersonLink(t[m.end].lower) ||
        (m.begin == cs && t[m.end].text == ",")) {
      best = &m;
    }
  }
  return best;
}

// "the Commissioner said" (ending at token j): the one person named earlier
// with that rank or title ("Commissioner", "Mayor of London" for "the
// Mayor").
const Mention* QuotationAnalysis::TitleSubject(int s, int cs, int j) const {
  const std::vector<Token>& t = T(s);
  int k = j;
  while (k >= cs && j - k < kMaxTitleWords && t[k].lower != "the" &&
         t[k].kind == TokenKind::kWord) {
    --k;
  }
  if (k < cs || k == j || t[k].lower != "the") return nullptr;
  std::string title;
  for (int i = k + 1; i <= j; ++i) {
    if (!title.empty()) title += ' ';
    title.append(t[i].lower.data(), t[i].lower.size());
  }
  const Mention* found = nullptr;
  for (const auto& [role, m] : roles_) {
    if (role != title && role.rfind(title + " ", 0) != 0) continue;
    if (found != nullptr && found->canonical != m->canonical) return nullptr;
    found = m;
  }
  return found;
}

void QuotationAnalysis::AddRole(const Mention& m) {
  std::string role = absl::AsciiStrToLower(m.role);
  for (const auto& [r, p] : roles_) {
    if (r == role && p->canonical == m.canonical) return;
  }
  if (roles_.size() < kMaxRoles) roles_.emplace_back(std::move(role), &m);
}

// "X, who leads the unit, said" / "X, head of Y, said" (the comma before
// the verb at token j): the person before the apposition; of several, the
// first that is no object ("with X", "thanked X").
const Mention* QuotationAnalysis::AppositionSubject(int s, int cs,
                                                    int j) const {
  const std::vector<Token>& t = T(s);
  const Mention* only = nullptr;
  const Mention* first_subject = nullptr;
  int count = 0;
  const auto [lo, hi] = MentionsIn(s, cs, j);
  for (int i = lo; i < hi; ++i) {
    const Mention& m = doc_.mentions[i];
    if (m.cls != EntityClass::kPerson || m.end > j) continue;
    const std::string_view next = t[m.end].lower;
    if (next != "," && next != "who" && next != "(") continue;
    ++count;
    only = &m;
    const Token* before = m.begin > cs ? &t[m.begin - 1] : nullptr;
    const bool object = before != nullptr && before->kind == TokenKind::kWord &&
                        !before->capitalized && before->lower != "the";
    if (!object && first_subject == nullptr) first_subject = &m;
  }
  return count == 1 ? only : first_subject;
}

// "X said A and added:" (the "and" at token j): the subject of the verb
// before; "X thanked officers and said:" -- the one person of the clause,
// opening it.
const Mention* QuotationAnalysis::CoordinatedSubject(int s, int cs, int j,
                                                     int depth) const {
  const std::vector<Token>& t = T(s);
  auto it = std::lower_bound(verbs_.begin(), verbs_.end(), TokenRef{s, j});
  if (depth == 0 && it != verbs_.begin() && (it - 1)->sentence == s &&
      j - (it - 1)->token < kMaxClauseTokens) {
    const int k = (it - 1)->token;
    bool same_clause = true;
    for (int i = k + 1; i < j; ++i) {
      same_clause &= t[i].text != ";" && t[i].text != ":";
    }
    if (same_clause) return SubjectOf(s, k, 1);
  }
  const auto [lo, hi] = MentionsIn(s, cs, j);
  const Mention* only = nullptr;
  for (int i = lo; i < hi; ++i) {
    if (doc_.mentions[i].cls != EntityClass::kPerson) continue;
    if (only != nullptr) return nullptr;
    only = &doc_.mentions[i];
  }
  const bool opens = only != nullptr && only->begin == cs &&
                     t[only->end].kind == TokenKind::kWord &&
                     !t[only->end].capitalized;
  return opens ? only : nullptr;
}

// A reporting verb (or a colon) just before the quotation's opening mark at
// token `end` of sentence `s`; `line_end`: `s` is the paragraph before and
// must end with ':' (";" after a verb passes for one). True when this is
// the quotation's attribution, even when it names no person.
bool QuotationAnalysis::LeadIn(Quotation* q, int s, int end, bool line_end) {
  const std::vector<Token>& t = T(s);
  int j = end - 1;
  if (j < 0) return false;
  bool colon =
      t[j].text == ":" || (line_end && t[j].text == ";" && Reporting(s, j - 1));
  if (colon || (!line_end && t[j].text == ",")) --j;
  if (j < 0 || (line_end && !colon)) return false;
  int v = Reporting(s, j) ? j : -1;
  for (int k = j; colon && v < 0 && k >= 0 && k >= j - kMaxVerbSearch; --k) {
    if (t[k].text == ";" || t[k].text == ":" || IsMark(s, k)) break;
    if (Reporting(s, k)) v = k;
  }
  const Mention* who = nullptr;
  if (v >= 0) {
    who = SubjectOf(s, v);
  } else if (colon) {
    // "Insp Ann Lee:" / "Ann Lee, Chair, Lee Trust:" -- a person opens it.
    const int first = first_mention_[s];
    if (first < first_mention_[s + 1]) {
      const Mention& m = doc_.mentions[first];
      if (m.cls == EntityClass::kPerson && m.begin == 0 &&
          (line_end || m.end == j + 1)) {
        who = &m;
      }
    }
  } else {
    return false;
  }
  if (who != nullptr) {
    q->speaker = who;
    q->source = line_end ? QuoteSource::kLeadInLine : QuoteSource::kLeadIn;
    q->evidence_begin = std::min(q->evidence_begin, s);
  }
  return true;
}

// ""...," X said." / ""...," said X." / ""...!" X said." (the next sentence).
// True when the quotation has such an attribution, even to no person.
bool QuotationAnalysis::Trailing(Quotation* q) {
  if (q->close_token < 0) return false;
  int s = q->last_sentence;
  int i = q->close_token + 1;
  if (i < static_cast<int>(T(s).size()) && T(s)[i].text == ",") ++i;
  const bool next_sentence = i >= static_cast<int>(T(s).size());
  if (next_sentence) {
    if (s + 1 >= static_cast<int>(doc_.sentences.size()) ||
        StartsParagraph(s + 1)) {
      return false;
    }
    ++s;
    i = 0;
  }
  const std::vector<Token>& t = T(s);
  const int n = static_cast<int>(t.size());
  int end = -1;
  const Mention* who = SpeakerAfter(s, i, &end);
  if (who == nullptr) {
    // ""...," the force said." -- attributed, to no person.
    for (int k = i;
         !next_sentence && k < n && k - i <= kMaxTitleGap + kMaxLinkSpan; ++k) {
      if (t[k].text == ";" || t[k].text == "." || IsMark(s, k)) break;
      if (Reporting(s, k)) return true;
    }
    return false;
  }
  if (next_sentence && end < n && t[end].text != "." && t[end].text != ",") {
    return false;
  }
  q->speaker = who;
  q->source = QuoteSource::kTrailing;
  q->evidence_end = std::max(q->evidence_end, s);
  return true;
}

// The attribution opening at token i: "said X" or "X said" (after title
// words: "Detective Inspector for Serious Crime, X said"); `end` is set to
// the token after it.
const Mention* QuotationAnalysis::SpeakerAfter(int s, int i, int* end) const {
  const std::vector<Token>& t = T(s);
  const int n = static_cast<int>(t.size());
  if (Reporting(s, i)) {
    const Mention* p = PersonStartingAt(s, i + 1);
    if (p != nullptr) *end = p->end;
    return p;
  }
  const Mention* p = nullptr;
  for (int k = i; k < n && k - i <= kMaxTitleGap && p == nullptr; ++k) {
    p = PersonStartingAt(s, k);
    if (p == nullptr && !IsTitleWord(t[k])) return nullptr;
  }
  if (p == nullptr) return nullptr;
  for (int v = p->end; v < n && v - p->end < kMaxLinkSpan; ++v) {
    if (t[v].text == ";" || IsMark(s, v)) break;
    if (!Reporting(s, v)) continue;
    const Mention* subject = SubjectOf(s, v);
    if (subject == nullptr || subject->canonical != p->canonical) break;
    *end = v + 1;
    return p;
  }
  return nullptr;
}

// "X said the raid was "the largest to date"." -- a phrase of three or
// more words, not a capitalised name, after a reporting verb of its sentence.
bool QuotationAnalysis::Reported(Quotation* q) {
  const int s = q->first_sentence;
  if (q->close_token < 0 || q->last_sentence != s) return false;
  const std::vector<Token>& t = T(s);
  int words = 0, lower = 0;
  for (int k = q->open_token + 1; k < q->close_token; ++k) {
    if (t[k].kind == TokenKind::kPunct) continue;
    ++words;
    lower += !t[k].capitalized;
  }
  if (words < kMinReportedWords || lower == 0) return false;
  auto it = std::lower_bound(verbs_.begin(), verbs_.end(),
                             TokenRef{s, q->open_token});
  if (it == verbs_.begin() || (it - 1)->sentence != s) return false;
  const int v = (it - 1)->token;
  if (q->open_token - v > kMaxReportedSpan) return false;
  for (int k = v + 1; k < q->open_token; ++k) {
    if (t[k].text == ";" || IsMark(s, k)) return false;
  }
  const Mention* who = SubjectOf(s, v);
  if (who == nullptr) return false;
  q->speaker = who;
  q->source = QuoteSource::kReported;
  return true;
}

void QuotationAnalysis::AttributeOne(Quotation* q, bool opens_paragraph,
                                     const SpeakerLog& before,
                                     const SpeakerLog& so_far) {
  q->evidence_begin = q->first_sentence;
  q->evidence_end = q->last_sentence;
  const int s = q->first_sentence;
  const bool lead_in =
      q->open_token > 0
          ? LeadIn(q, s, q->open_token, false)
          : opens_paragraph && s > 0 &&
                LeadIn(q, s - 1, static_cast<int>(T(s - 1).size()), true);
  if (lead_in) return;
  if (Trailing(q)) return;
  if (q->open_token == 0) {
    q->speaker = (opens_paragraph ? before : so_far).Single();
    if (q->speaker != nullptr) q->source = QuoteSource::kFollowing;
    return;
  }
  Reported(q);
}

// One quotation around its attribution, so `b` joins `a`: interrupted
// (""It was," she said, "a good day."") or resumed in the next sentence of
// the paragraph (""It was," she said. "A good day."").
void QuotationAnalysis::JoinQuotation(Quotation* a, Quotation* b) {
  if (a->source != QuoteSource::kTrailing || b->speaker == nullptr ||
      a->speaker->canonical != b->speaker->canonical) {
    return;
  }
  const int s = b->first_sentence;
  if (b->source == QuoteSource::kLeadIn) {
    if (a->last_sentence != s ||
        b->open_token - a->close_token > kMaxTitleGap + kMaxLinkSpan) {
      return;
    }
    const std::vector<Token>& t = T(s);
    for (int k = a->close_token + 1; k < b->open_token; ++k) {
      if (t[k].text == "." || t[k].text == ";" || t[k].text == ":") return;
    }
  } else if (b->source != QuoteSource::kFollowing || s != a->evidence_end + 1 ||
             StartsParagraph(s)) {
    return;
  }
  a->pieces.insert(a->pieces.end(), b->pieces.begin(), b->pieces.end());
  a->last_sentence = b->last_sentence;
  a->close_token = b->close_token;
  a->evidence_end = std::max(a->evidence_end, b->evidence_end);
  b->source = QuoteSource::kJoined;
}

void QuotationAnalysis::Attribute() {
  const int n = static_cast<int>(doc_.sentences.size());
  SpeakerLog before, so_far;
  size_t verb = 0, carried = 0;
  int joins_to = -1;  // the last quotation not joined to another
  for (int s = 0; s < n; ++s) {
    const bool paragraph = StartsParagraph(s);
    if (paragraph) {
      before = std::move(so_far);
      so_far = SpeakerLog();
      if (carried < carried_.size() && carried_[carried].first == s) {
        const Quotation& q = quotations_[carried_[carried++].second];
        if (q.speaker != nullptr) so_far.Add(q.speaker);
      }
    }
    for (int i = first_quotation_[s]; i < first_quotation_[s + 1]; ++i) {
      Quotation& q = quotations_[i];
      AttributeOne(&q, paragraph && q.open_token == 0, before, so_far);
      if (joins_to >= 0) JoinQuotation(&quotations_[joins_to], &q);
      if (q.source != QuoteSource::kJoined) joins_to = i;
      if (q.speaker != nullptr) so_far.Add(q.speaker);
    }
    for (; verb < verbs_.size() && verbs_[verb].sentence == s; ++verb) {
      const Mention* who = SubjectOf(s, verbs_[verb].token);
      if (who != nullptr) {
        so_far.Add(who);
      } else {
        so_far.Stop();
      }
    }
    for (int i = first_mention_[s]; i < first_mention_[s + 1]; ++i) {
      const Mention& m = doc_.mentions[i];
      if (m.cls == EntityClass::kPerson && !m.role.empty()) AddRole(m);
    }
  }
}

}  // namespace kg::extractor::internal
