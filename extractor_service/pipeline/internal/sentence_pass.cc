// Operations, forces and bodies, places and crime types.
#include "extractor_service/pipeline/internal/sentence_pass.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "extractor_service/pipeline/internal/word_classes.h"

namespace kg::extractor::internal {

SentencePass::SentencePass(const Gazetteer& gaz, const AnalyzedDocument& doc,
                           int s, PersonResolver* people, ShortNames* names)
    : gaz_(gaz),
      doc_(doc),
      s_(s),
      t_(doc.sentences[s].tokens),
      n_(static_cast<int>(t_.size())),
      lex_(t_.size(), 0),
      claimed_(t_.size(), 0),
      people_(*people),
      names_(*names) {
  out_.reserve(16);
  for (int k = 0; k < n_; ++k) {
    if (!IsCapWord(t_[k])) continue;  // the other classes need a capital
    lex_[k] |= kCap;
    if (IsFunctionWord(t_[k])) lex_[k] |= kFunction;
    if (ComputeNameToken(k)) lex_[k] |= kName;
  }
}

bool SentencePass::ComputeNameToken(int k) const {
  const Token& t = t_[k];
  // Place head-words are surnames too ("Sgt Tom Hall", "Insp Ann Lane").
  const std::string& head = gaz_.HeadClass(t);
  return Cap(k) && !t.all_caps && !Function(k) && (head.empty() || head == "Place") &&
         !gaz_.IsHonorific(t) && gaz_.ranks().LongestAt(t_, k, k + 1).length == 0;
}

std::vector<Mention> SentencePass::Run() {
  for (int i = 0; i < n_; ++i) TryOperation(i);
  for (int i = 0; i < n_; ++i) TryProgramme(i);
  for (int i = 0; i < n_; ++i) TryPerson(i);
  for (size_t m = 0, people = out_.size(); m < people; ++m) TryAppositiveRole(m);
  for (int i = 0; i < n_; ++i) TryShortName(i);
  for (int i = 0; i < n_;) i = TryChunk(i);
  for (int i = 0; i < n_; ++i) TryDescribedUnit(i);
  for (int i = 0; i < n_; ++i) TryOrganisation(i);
  for (int i = 0; i < n_;) i = TryPlace(i);
  TryContextPlaces();
  for (int i = 0; i < n_;) i = TryCrimeType(i);
  // Stable order by first token, moving each mention once.
  std::vector<int> order(out_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return out_[a].begin < out_[b].begin;
  });
  std::vector<Mention> sorted;
  sorted.reserve(out_.size());
  for (int k : order) sorted.push_back(std::move(out_[k]));
  return sorted;
}

bool SentencePass::SameSpelling(std::string_view a, std::string_view b) {
  static constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool ca = a.compare(i, kCurly.size(), kCurly) == 0;
    const bool cb = b.compare(j, kCurly.size(), kCurly) == 0;
    const char x = ca ? '\'' : a[i];
    const char y = cb ? '\'' : b[j];
    if (x != y) return false;
    i += ca ? kCurly.size() : 1;
    j += cb ? kCurly.size() : 1;
  }
  return i == a.size() && j == b.size();
}

Mention& SentencePass::Add(EntityClass cls, std::string canonical, int b,
                           int e) {
  Mention m;
  m.cls = cls;
  m.canonical = std::move(canonical);
  m.sentence = s_;
  m.begin = b;
  m.end = e;
  out_.push_back(std::move(m));
  return out_.back();
}

// "Operation Tern", "Op Tern", "Operation Tern/Kestrel",
// "Operations Tern, Kestrel and Lark".
// "Project Argus" is a programme named the same way.
void SentencePass::TryOperation(int i) {
  // "an operation codenamed Tern", "the raids, dubbed Operation Tern"
  // (the second is read below): a code name after "codenamed".
  if (!claimed_[i] && (t_[i].lower == "codenamed" || t_[i].lower == "code-named") &&
      i + 1 < n_ && Cap(i + 1) && !Function(i + 1) && t_[i + 1].text != "Operation") {
    int e = i + 1;
    while (e < n_ && e - i <= 3 && Cap(e) && !Function(e)) ++e;
    Mention& m = Add(EntityClass::kOperation,
                     absl::StrCat("Operation ", Slice(i + 1, e)), i + 1, e);
    SetAlias(&m, Slice(i + 1, e));
    names_.Observe(Slice(i + 1, e), m.canonical, m.cls);
    Claim(i + 1, e);
    return;
  }
  const std::string_view w = t_[i].text;
  const bool project = w == "Project";
  const bool single = w == "Operation" || w == "Op" || project;
  const bool plural = w == "Operations" || w == "Ops";
  if ((!single && !plural) || claimed_[i]) return;
  int k = i + 1;
  // "Op. Tern"
  if (w == "Op" && k + 1 < n_ && t_[k].text == "." && Cap(k + 1)) ++k;
  const int first = k;
  while (k < n_) {
    const int g = k;
    while (k < n_ && k - g < 4 && Cap(k) && !Function(k)) ++k;
    if (k == g) break;
    AddOperation(g, k, g == first ? i : g, k, project);
    if (k < n_ && t_[k].text == "/") {
      ++k;
      continue;
    }
    if (!plural || k >= n_) break;
    if (t_[k].text == ",") ++k;
    if (k < n_ && (t_[k].lower == "and" || t_[k].text == "&")) ++k;
  }
  if (k > first) Claim(i, k);
}

void SentencePass::AddOperation(int name_b, int name_e, int b, int e,
                                bool project) {
  const std::string name = Slice(name_b, name_e);
  Mention& m = Add(project ? EntityClass::kProgramme : EntityClass::kOperation,
                   absl::StrCat(project ? "Project " : "Operation ", name), b, e);
  if (t_[b].text == "Op") SetAlias(&m, Slice(b, e));
  names_.Observe(name, m.canonical, m.cls);
}

// A bare "Tern" after "Operation Tern": one capitalised word that is no
// part of a longer capitalised phrase.
bool SentencePass::TryShortName(int i) {
  if (claimed_[i] || !Cap(i) || Function(i)) return false;
  if ((i > 0 && Cap(i - 1) && !claimed_[i - 1]) || (i + 1 < n_ && Cap(i + 1))) {
    return false;
  }
  const ShortNames::Entry* e = names_.Find(t_[i].text);
  if (e == nullptr) return false;
  Mention& m = Add(e->cls, e->canonical, i, i + 1);
  SetAlias(&m, Slice(i, i + 1));
  Claim(i, i + 1);
  return true;
}

// Programmes from the gazetteer, with or without a leading article, a
// phase ("A New Met for London: Phase 2") and a programme head-word ("the
// New Met for London plan" -> A New Met for London, alias "New Met for
// London plan"). An entry flagged "headed" needs the head-word.
void SentencePass::TryProgramme(int i) {
  if (claimed_[i]) return;
  const PhraseTable::Match m = gaz_.programmes().LongestAt(t_, i, n_);
  if (m.length == 0 || !Free(i, i + m.length)) return;
  std::string canonical = m.entry->canonical;
  int e = PhaseEnd(i + m.length, &canonical);
  const bool headed = e < n_ && t_[e].kind == TokenKind::kWord && !claimed_[e] &&
                      gaz_.HeadClass(t_[e]) == "Programme";
  if (headed) {
    ++e;
  } else if (m.entry->extra == "headed") {
    return;
  }
  Mention& p = Add(EntityClass::kProgramme, std::move(canonical), i, e);
  SetAlias(&p, Slice(i, e));
  Claim(i, e);
  TryAcronym(e, out_.size() - 1);
}

// ": Phase 2" or "Phase 2" at token e: appended to *canonical as written;
// returns the token after it (e when there is none).
int SentencePass::PhaseEnd(int e, std::string* canonical) const {
  const int p = e < n_ && t_[e].text == ":" ? e + 1 : e;
  if (p + 1 >= n_ || t_[p].text != "Phase" || t_[p + 1].kind != TokenKind::kNumber) {
    return e;
  }
  absl::StrAppend(canonical, p == e ? " " : "", Slice(e, p + 2));
  return p + 2;
}

// Forces and national bodies. A short form after "the" is recorded with
// its article when the gazetteer lists it so ("the Met"); a force named
// attributively before a rank or title ("Force Commissioner") is no alias.
void SentencePass::TryOrganisation(int i) {
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
  if (HasArticleForm(i, e, m.length)) surface = absl::StrCat("the ", surface);
  SetAlias(&o, std::move(surface));
}

// Whether "the" followed by tokens [i, e) is an organisation phrase of
// exactly length + 1 tokens.
bool SentencePass::HasArticleForm(int i, int e, int length) const {
  std::vector<Token> with_article;
  with_article.reserve(e - i + 1);
  Token the;
  the.text = the.lower = "the";
  with_article.push_back(the);
  with_article.insert(with_article.end(), t_.begin() + i, t_.begin() + e);
  gaz_.Annotate(&with_article);
  return gaz_.organisations().LongestAt(with_article, 0, length + 1).length ==
         length + 1;
}

// Places outside names are mentions of their own; places inside a name
// ("West End team") are kept with inside_name set, for operates_in.
int SentencePass::TryPlace(int i) {
  // "England and Wales" is a legal jurisdiction ("crime in England and
  // Wales fell"), not where anything happened.
  if (i + 2 < n_ && t_[i].text == "England" && t_[i + 1].lower == "and" &&
      t_[i + 2].text == "Wales") {
    Claim(i, i + 3);
    return i + 3;
  }
  PhraseTable::Match m = gaz_.places().LongestAt(t_, i, n_);
  if (m.length == 0) return i + 1;
  const bool inside_name = !Free(i, i + m.length);
  // "south London", "North Kent": a compass point widens a place into a
  // place of its own ("South London"), when it starts no longer name.
  if (!inside_name && i > 0 && IsCompassPoint(t_[i - 1]) && !claimed_[i - 1] &&
      (i < 2 || !Cap(i - 2) || Function(i - 2))) {
    std::string canonical(t_[i - 1].text);
    canonical[0] = absl::ascii_toupper(canonical[0]);
    Add(EntityClass::kPlace, absl::StrCat(canonical, " ", m.entry->canonical),
        i - 1, i + m.length);
    Claim(i - 1, i + m.length);
    return i + m.length;
  }
  Mention& p = Add(EntityClass::kPlace, m.entry->canonical, i, i + m.length);
  p.parent = m.entry->extra;
  p.inside_name = inside_name;
  Claim(i, i + m.length);
  return i + m.length;
}

// End of the capitalised phrase at i (at most max_len words, none claimed,
// none a function word or head-word), or i when there is none.
int SentencePass::CapPhraseEnd(int i, int max_len) const {
  int k = i;
  while (k < n_ && k - i < max_len && !claimed_[k] && Cap(k) && !Function(k) &&
         !t_[k].all_caps && gaz_.HeadClass(t_[k]).empty()) {
    ++k;
  }
  return k;
}

// Start of the capitalised phrase that ends at e, the same words as
// CapPhraseEnd read leftwards, or e when there is none.
int SentencePass::CapPhraseBegin(int e, int max_len) const {
  int b = e;
  while (b > 0 && e - b < max_len && !claimed_[b - 1] && Cap(b - 1) && !Function(b - 1) &&
         !t_[b - 1].all_caps && gaz_.HeadClass(t_[b - 1]).empty()) {
    --b;
  }
  return b;
}

// Places no list has, read from their context: "the Drumahoe area", and a
// capitalised phrase listed with known places ("in Eccles, Barrhead and
// Salford": one known place makes the list a list of places).
void SentencePass::TryContextPlaces() {
  // "on the M6", "the A1": a motorway or A road.
  for (int i = 1; i < n_; ++i) {
    const std::string_view w = t_[i].text;
    if (claimed_[i] || t_[i - 1].lower != "the" || w.size() < 2 || w.size() > 5 ||
        (w[0] != 'M' && w[0] != 'A')) {
      continue;
    }
    bool digits = true;
    for (size_t c = 1; c < w.size(); ++c) digits &= absl::ascii_isdigit(w[c]);
    if (!digits) continue;
    Add(EntityClass::kPlace, std::string(w), i, i + 1);
    Claim(i, i + 1);
  }
  const size_t known = out_.size();
  for (int i = 1; i + 1 < n_; ++i) {
    if (t_[i - 1].lower != "the") continue;
    const int e = CapPhraseEnd(i, 3);
    if (e == i || e >= n_ || (t_[e].lower != "area" && t_[e].lower != "areas")) continue;
    Add(EntityClass::kPlace, Slice(i, e), i, e);
    Claim(i, e);
  }
  auto separator = [&](int k) {
    return t_[k].text == "," || t_[k].lower == "and" || t_[k].lower == "or";
  };
  // "Hoyland, Grimethorpe and Thurnscoe areas": a list that ends in
  // "areas" lists places.
  for (int i = 1; i + 1 < n_; ++i) {
    if (t_[i].lower != "areas" || !Cap(i - 1) || claimed_[i - 1]) continue;
    int e = i;
    while (e > 0) {
      const int b = CapPhraseBegin(e, 3);
      if (b == e) break;
      Add(EntityClass::kPlace, Slice(b, e), b, e);
      Claim(b, e);
      e = b;
      if (e > 0 && t_[e - 1].lower == "and") --e;
      if (e > 0 && t_[e - 1].text == ",") --e;
      if (e == b) break;
    }
  }
  for (size_t m = 0; m < known; ++m) {
    if (out_[m].cls != EntityClass::kPlace || out_[m].inside_name) continue;
    // Rightwards: ", X", " and X", ", and X" after a place or a found item.
    int k = out_[m].end;
    while (k + 1 < n_ && separator(k)) {
      int b = k + 1;
      if (t_[k].text == "," && b < n_ && (t_[b].lower == "and" || t_[b].lower == "or")) ++b;
      if (b < n_ && claimed_[b]) {
        // A known place or another name: skip over it and keep walking.
        int e = b;
        while (e < n_ && claimed_[e]) ++e;
        k = e;
        continue;
      }
      const int e = CapPhraseEnd(b, 3);
      if (e == b || (e < n_ && !separator(e) && t_[e].kind != TokenKind::kPunct &&
                     Cap(e))) {
        break;
      }
      Add(EntityClass::kPlace, Slice(b, e), b, e);
      Claim(b, e);
      k = e;
    }
    // "from Argyll to Tayside": the other end of a span.
    const int to = out_[m].begin - 1;
    if (to >= 2 && t_[to].lower == "to") {
      const int b = CapPhraseBegin(to, 3);
      if (b < to && b > 0 && t_[b - 1].lower == "from") {
        Add(EntityClass::kPlace, Slice(b, to), b, to);
        Claim(b, to);
      }
    }
    // Leftwards: "Southend, Westcliff, Basildon": unknown items before a
    // known one, back to the word that opens the list.
    int e = out_[m].begin;
    while (e >= 2 && separator(e - 1)) {
      int sep = e - 1;
      if (t_[sep].lower == "and" && sep > 0 && t_[sep - 1].text == ",") --sep;
      if (claimed_[sep - 1]) {
        int b = sep - 1;
        while (b > 0 && claimed_[b - 1]) --b;
        e = b;
        continue;
      }
      const int b = CapPhraseBegin(sep, 3);
      // The first item must follow a word that opens a list of places.
      if (b == sep || b == 0 || (t_[b - 1].kind == TokenKind::kWord && !separator(b - 1) &&
                                 !Function(b - 1) && t_[b - 1].capitalized)) {
        break;
      }
      Add(EntityClass::kPlace, Slice(b, sep), b, sep);
      Claim(b, sep);
      e = b;
    }
  }
}

int SentencePass::TryCrimeType(int i) {
  PhraseTable::Match m = gaz_.crime_types().LongestAt(t_, i, n_);
  if (m.length == 0) return i + 1;
  Mention& c = Add(EntityClass::kCrimeType, m.entry->canonical, i, i + m.length);
  c.inside_name = !Free(i, i + m.length);
  return i + m.length;
}

}  // namespace kg::extractor::internal
