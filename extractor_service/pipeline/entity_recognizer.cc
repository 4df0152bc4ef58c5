#include "extractor_service/pipeline/entity_recognizer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kg::extractor {
namespace {

// Capitalised words that never start or belong to a name.
const absl::flat_hash_set<std::string>& FunctionWords() {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "this", "that", "these", "those", "our", "their",
      "its", "his", "her", "my", "your", "we", "i", "it", "they", "he", "she",
      "in", "on", "at", "for", "by", "with", "from", "under", "among", "since",
      "after", "before", "during", "and", "but", "or", "if", "as", "when",
      "while", "although", "however", "last", "next", "every", "all", "some",
      "more", "most", "up", "over", "both", "between", "there", "here",
      "speaking", "according", "video", "press",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december",
      "alternatively", "already", "despite", "thanks", "six", "two", "three",
      "four", "five", "one", "further", "meanwhile", "also", "so", "then"};
  return *words;
}

bool IsFunctionWord(const Token& t) { return FunctionWords().contains(t.lower); }

bool IsCapWord(const Token& t) {
  return t.kind == TokenKind::kWord && t.capitalized && t.text != "'s";
}

bool IsConnector(const Token& t) {
  return t.lower == "of" || t.lower == "for" || t.lower == "and" ||
         t.lower == "&" || t.lower == "on" || t.lower == "upon";
}

bool IsAcronym(const Token& t) {
  if (t.kind != TokenKind::kWord || t.text.size() < 2) return false;
  std::string_view w = t.text;
  if (w.back() == 's') w.remove_suffix(1);
  if (w.size() < 2) return false;
  for (char c : w) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsReportingVerb(const Token& t) {
  return t.lower == "said" || t.lower == "says" || t.lower == "added" ||
         t.lower == "warned" || t.lower == "explained" || t.lower == "stated";
}

EntityClass ClassFromName(const std::string& name) {
  if (name == "Unit") return EntityClass::kUnit;
  if (name == "Programme") return EntityClass::kProgramme;
  if (name == "Campaign") return EntityClass::kCampaign;
  if (name == "Place") return EntityClass::kPlace;
  if (name == "Operation") return EntityClass::kOperation;
  if (name == "Person") return EntityClass::kPerson;
  return EntityClass::kOrganization;
}

}  // namespace

// Recognizes the mentions of one sentence. Passes run in a fixed order and
// claim tokens, so later passes never re-label a claimed token.
class EntityRecognizer::SentencePass {
 public:
  SentencePass(const Gazetteer& gaz, AnalyzedDocument* doc, int s,
               PersonResolver* people)
      : gaz_(gaz),
        doc_(*doc),
        s_(s),
        t_(doc->sentences[s].tokens),
        n_(static_cast<int>(t_.size())),
        claimed_(t_.size(), 0),
        people_(*people) {}

  std::vector<Mention> Run() {
    for (int i = 0; i < n_; ++i) TryOperation(i);
    for (int i = 0; i < n_; ++i) TryPerson(i);
    for (int i = 0; i < n_;) i = TryChunk(i);
    for (int i = 0; i < n_; ++i) TryOrganisation(i);
    for (int i = 0; i < n_;) i = TryPlace(i);
    for (int i = 0; i < n_;) i = TryCrimeType(i);
    std::stable_sort(out_.begin(), out_.end(),
                     [](const Mention& a, const Mention& b) {
                       return a.begin < b.begin;
                     });
    return std::move(out_);
  }

 private:
  std::string Slice(int b, int e) const {
    return std::string(doc_.Slice(s_, b, e));
  }
  bool Free(int b, int e) const {
    for (int k = b; k < e; ++k) {
      if (claimed_[k]) return false;
    }
    return true;
  }
  void Claim(int b, int e) {
    for (int k = b; k < e; ++k) claimed_[k] = 1;
  }
  Mention& Add(EntityClass cls, std::string canonical, int b, int e) {
    Mention m;
    m.cls = cls;
    m.canonical = std::move(canonical);
    m.sentence = s_;
    m.begin = b;
    m.end = e;
    out_.push_back(std::move(m));
    return out_.back();
  }
  bool IsNameToken(int k) const {
    const Token& t = t_[k];
    return IsCapWord(t) && !t.all_caps && !IsFunctionWord(t) &&
           gaz_.HeadClass(t.lower).empty() && !gaz_.IsHonorific(t.text) &&
           gaz_.ranks().LongestAt(t_, k, k + 1).length == 0;
  }
  int NameEnd(int j, int max_len) const {
    int k = j;
    while (k < n_ && k - j < max_len && IsNameToken(k)) ++k;
    return k;
  }
  void SetAlias(Mention* m, const std::string& surface) {
    if (surface != m->canonical) m->alias = surface;
  }

  void TryOperation(int i);
  void AddOperation(int name_b, int name_e, int b, int e);
  void TryPerson(int i);
  bool TryAppositiveAfterName(int i);
  bool TryPrefixedPerson(int i);
  void AddPerson(int b, int e, int name_b, int name_e, bool alias);
  void TryOrganisation(int i);
  int TryChunk(int i);
  int ChunkEnd(int i) const;
  bool ClassifyChunk(int b, int e);
  void TryAcronym(int p, size_t mention_index);
  int TryPlace(int i);
  int TryCrimeType(int i);

  const Gazetteer& gaz_;
  const AnalyzedDocument& doc_;
  const int s_;
  const std::vector<Token>& t_;
  const int n_;
  std::vector<char> claimed_;
  PersonResolver& people_;
  std::vector<Mention> out_;
};

// "Operation Tern", "Op Tern", "Operation Tern/Kestrel",
// "Operations Tern, Kestrel and Lark".
void EntityRecognizer::SentencePass::TryOperation(int i) {
  const std::string& w = t_[i].text;
  const bool single = w == "Operation" || w == "Op";
  const bool plural = w == "Operations" || w == "Ops";
  if ((!single && !plural) || claimed_[i]) return;
  int k = i + 1;
  while (k < n_) {
    const int g = k;
    while (k < n_ && k - g < 4 && IsCapWord(t_[k]) && !IsFunctionWord(t_[k])) ++k;
    if (k == g) break;
    AddOperation(g, k, g == i + 1 ? i : g, k);
    if (k < n_ && t_[k].text == "/") {
      ++k;
      continue;
    }
    if (!plural || k >= n_) break;
    if (t_[k].text == ",") ++k;
    if (k < n_ && (t_[k].lower == "and" || t_[k].text == "&")) ++k;
  }
  if (k > i + 1) Claim(i, k);
}

void EntityRecognizer::SentencePass::AddOperation(int name_b, int name_e,
                                                  int b, int e) {
  Mention& m = Add(EntityClass::kOperation,
                   absl::StrCat("Operation ", Slice(name_b, name_e)), b, e);
  if (t_[b].text == "Op") SetAlias(&m, Slice(b, e));
}

void EntityRecognizer::SentencePass::AddPerson(int b, int e, int name_b,
                                               int name_e, bool alias) {
  Mention& m = Add(EntityClass::kPerson, Slice(name_b, name_e), b, e);
  if (alias) SetAlias(&m, Slice(b, e));
  people_.Observe(m.canonical);
  Claim(b, e);
}

void EntityRecognizer::SentencePass::TryPerson(int i) {
  if (claimed_[i]) return;
  if (TryAppositiveAfterName(i) || TryPrefixedPerson(i)) return;
  const Token& t = t_[i];
  if (IsPersonPronoun(t.text) && i + 1 < n_ && IsReportingVerb(t_[i + 1])) {
    const std::string who = people_.Last();
    if (who.empty()) return;
    Mention& m = Add(EntityClass::kPerson, who, i, i + 1);
    m.pronoun = true;
    return;
  }
  if (!IsNameToken(i) || (i > 0 && IsCapWord(t_[i - 1]) && !IsFunctionWord(t_[i - 1]))) {
    return;
  }
  const int k = NameEnd(i, 3);
  if (k - i >= 2 && gaz_.IsFirstName(t.text) && Free(i, k)) {
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
bool EntityRecognizer::SentencePass::TryAppositiveAfterName(int i) {
  if (i > 0 && IsCapWord(t_[i - 1])) return false;
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
  while (b < n_ && (IsCapWord(t_[b]) ||
                    (IsConnector(t_[b]) && b + 1 < n_ && IsCapWord(t_[b + 1])))) {
    ++b;
  }
  if (b == a || !IsCapWord(t_[b - 1])) return false;
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
bool EntityRecognizer::SentencePass::TryPrefixedPerson(int i) {
  int j = i;
  std::string org;
  PhraseTable::Match om = gaz_.organisations().LongestAt(t_, i, n_);
  if (om.length > 0 && i + om.length < n_ &&
      (gaz_.ranks().LongestAt(t_, i + om.length, n_).length > 0 ||
       gaz_.titles().LongestAt(t_, i + om.length, n_).length > 0)) {
    org = om.entry->canonical;
    j += om.length;
  }
  std::string role, rule;
  while (j < n_) {
    PhraseTable::Match rm = gaz_.ranks().LongestAt(t_, j, n_);
    PhraseTable::Match tm = gaz_.titles().LongestAt(t_, j, n_);
    if (rm.length > 0 || tm.length > 0) {
      const bool is_rank = rm.length >= tm.length;
      if (role.empty()) {
        role = is_rank ? rm.entry->canonical : tm.entry->canonical;
        rule = is_rank ? "has_role.rank_before_name" : "has_role.title_before_name";
      }
      j += is_rank ? rm.length : tm.length;
    } else if (gaz_.IsHonorific(t_[j].text) && j + 1 < n_ &&
               IsCapWord(t_[j + 1])) {
      ++j;
    } else {
      break;
    }
    if (j < n_ && t_[j].text == ".") ++j;
  }
  if (j == i || j >= n_) return false;
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
  if (!org.empty()) {
    Mention& f = Add(EntityClass::kOrganization, org, i, i + om.length);
    f.force = true;
  }
  AddPerson(i, k, j, k, true);
  Mention& p = out_.back();
  if (!canonical.empty()) {
    p.canonical = canonical;
    p.alias = Slice(i, k);
    people_.Observe(canonical);
  }
  p.role = role;
  p.role_rule = rule;
  if (!org.empty()) {
    p.org = org;
    p.org_rule = "member_of.force_before_rank";
  }
  return true;
}

// Forces and national bodies. A short form after "the" is recorded with
// its article when the gazetteer lists it so ("the Met"); a force named
// attributively before a rank or title ("Force Commissioner") is no alias.
void EntityRecognizer::SentencePass::TryOrganisation(int i) {
  if (claimed_[i] || t_[i].lower == "the") return;
  PhraseTable::Match m = gaz_.organisations().LongestAt(t_, i, n_);
  if (m.length == 0 || !Free(i, i + m.length)) return;
  const int e = i + m.length;
  Mention& o = Add(ClassFromName(m.entry->extra), m.entry->canonical, i, e);
  o.force = true;
  Claim(i, e);
  if (e < n_ && (gaz_.ranks().LongestAt(t_, e, n_).length > 0 ||
                 gaz_.titles().LongestAt(t_, e, n_).length > 0)) {
    return;
  }
  std::string surface = Slice(i, e);
  // A short form the gazetteer lists with its article ("the Met") is
  // recorded in that form, also in headlines that drop the article.
  {
    const std::string with_article = absl::StrCat(
        "the ", doc_.text.text().substr(t_[i].begin, t_[e - 1].end - t_[i].begin));
    if (gaz_.organisations().LongestAt(Tokenize(with_article), 0, m.length + 1)
            .length == m.length + 1) {
      surface = absl::StrCat("the ", surface);
    }
  }
  SetAlias(&o, surface);
}

int EntityRecognizer::SentencePass::ChunkEnd(int i) const {
  int end = i + 1;
  int k = i + 1;
  while (k < n_ && !claimed_[k]) {
    const Token& t = t_[k];
    if (IsCapWord(t) && !IsFunctionWord(t)) {
      end = ++k;
      continue;
    }
    if (t.text == "'s" && k + 1 < n_ && IsCapWord(t_[k + 1])) {
      if (gaz_.organisations().LongestAt(t_, i, k).length == k - i ||
          gaz_.places().LongestAt(t_, i, k).length == k - i) {
        break;
      }
      ++k;
      continue;
    }
    if (IsConnector(t) && k + 1 < n_ && end == k) {
      if (t.lower == "and" && !gaz_.HeadClass(t_[k - 1].lower).empty()) break;
      int m = k + 1;
      if (t_[m].lower == "the" && (t.lower == "of" || t.lower == "for")) ++m;
      if (m < n_ && !claimed_[m] && IsCapWord(t_[m]) && !IsFunctionWord(t_[m])) {
        if (t.lower == "and" && (gaz_.organisations().LongestAt(t_, m, n_).length ||
                                 gaz_.places().LongestAt(t_, m, n_).length)) {
          break;
        }
        k = m;
        continue;
      }
    }
    break;
  }
  return end;
}

int EntityRecognizer::SentencePass::TryChunk(int i) {
  if (claimed_[i] || !IsCapWord(t_[i]) || IsFunctionWord(t_[i])) return i + 1;
  // A sentence-initial gerund ("Bolstering Flying Squad") is no name.
  const std::string& w = t_[i].lower;
  if ((i == 0 || t_[i - 1].kind == TokenKind::kPunct) && w.size() > 4 &&
      w.compare(w.size() - 3, 3, "ing") == 0) {
    return i + 1;
  }
  const int e = ChunkEnd(i);
  if (gaz_.organisations().LongestAt(t_, i, e).length == e - i) return e;
  if (!ClassifyChunk(i, e)) {
    for (int k = i; k < e; ++k) {
      if (IsConnector(t_[k])) {
        Claim(i, e);
        break;
      }
    }
  }
  return e;
}

// Names the chunk [b, e) by its head-word; returns false when it has none.
bool EntityRecognizer::SentencePass::ClassifyChunk(int b, int e) {
  const bool is_place = gaz_.places().LongestAt(t_, b, e).length == e - b;
  int h = e;  // lower-case head position, possibly after an apostrophe
  if (h + 1 < n_ && t_[h].text == "'" && !t_[h + 1].capitalized) ++h;
  std::string head_class;
  if (h < n_ && t_[h].kind == TokenKind::kWord && !t_[h].capitalized &&
      t_[h].lower.back() != 's') {
    head_class = gaz_.HeadClass(t_[h].lower);
  }
  if (!head_class.empty() && head_class != "Organization") {
    const EntityClass cls = ClassFromName(head_class);
    const std::string surface = Slice(b, h + 1);
    std::string canonical;
    if (cls == EntityClass::kUnit) {
      std::string head = t_[h].text;
      if (!is_place) head[0] = absl::ascii_toupper(head[0]);
      canonical = absl::StrCat(Slice(b, e), " ", head);
    } else if (cls == EntityClass::kPlace ||
               (cls == EntityClass::kProgramme && t_[h].lower == "plan")) {
      canonical = surface;  // "Turnaround plan": the head is part of the name
    } else {
      if (is_place) return false;
      canonical = Slice(b, e);
    }
    Mention& m = Add(cls, canonical, b, h + 1);
    // "the Bright Nights campaign" is no alias of "Bright Nights".
    if (cls != EntityClass::kCampaign) SetAlias(&m, surface);
    Claim(b, h + 1);
    TryAcronym(h + 1, out_.size() - 1);
    return true;
  }
  if (e - b < 2) return false;
  std::string cls_name = gaz_.HeadClass(t_[e - 1].lower);
  for (int k = b; cls_name.empty() && k + 1 < e; ++k) {
    if (t_[k + 1].lower == "for" || t_[k + 1].lower == "of") {
      cls_name = gaz_.HeadClass(t_[k].lower);
    }
  }
  if (cls_name.empty()) return false;
  Add(ClassFromName(cls_name), Slice(b, e), b, e);
  Claim(b, e);
  TryAcronym(e, out_.size() - 1);
  return true;
}

// "(VSUs)" right after a name: an alias of that name.
void EntityRecognizer::SentencePass::TryAcronym(int p, size_t mention_index) {
  if (p + 2 >= n_ || t_[p].text != "(" || t_[p + 2].text != ")" ||
      !IsAcronym(t_[p + 1])) {
    return;
  }
  Mention copy = out_[mention_index];
  copy.alias = t_[p + 1].text;
  copy.acronym = true;
  copy.begin = p + 1;
  copy.end = p + 2;
  out_.push_back(std::move(copy));
  Claim(p, p + 3);
}

// Places outside names are mentions of their own; places inside a name
// ("West End team") are kept with inside_name set, for operates_in.
int EntityRecognizer::SentencePass::TryPlace(int i) {
  PhraseTable::Match m = gaz_.places().LongestAt(t_, i, n_);
  if (m.length == 0) return i + 1;
  Mention& p = Add(EntityClass::kPlace, m.entry->canonical, i, i + m.length);
  p.parent = m.entry->extra;
  p.inside_name = !Free(i, i + m.length);
  Claim(i, i + m.length);
  return i + m.length;
}

int EntityRecognizer::SentencePass::TryCrimeType(int i) {
  PhraseTable::Match m = gaz_.crime_types().LongestAt(t_, i, n_);
  if (m.length == 0) return i + 1;
  Mention& c = Add(EntityClass::kCrimeType, m.entry->canonical, i, i + m.length);
  c.inside_name = !Free(i, i + m.length);
  return i + m.length;
}

void EntityRecognizer::Recognize(AnalyzedDocument* doc) const {
  doc->mentions.clear();
  PersonResolver people;
  for (int s = 0; s < static_cast<int>(doc->sentences.size()); ++s) {
    SentencePass pass(gaz_, doc, s, &people);
    std::vector<Mention> found = pass.Run();
    for (Mention& m : found) doc->mentions.push_back(std::move(m));
  }
}

}  // namespace kg::extractor
