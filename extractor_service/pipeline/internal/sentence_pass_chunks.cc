// Capitalised chunks named by a head-word ("Dog Unit", "Bright Nights
// campaign") and acronyms introduced in brackets.
#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "extractor_service/pipeline/internal/sentence_pass.h"
#include "extractor_service/pipeline/internal/word_classes.h"

namespace kg::extractor::internal {

int SentencePass::ChunkEnd(int i) const {
  int end = i + 1;
  int k = i + 1;
  while (k < n_ && !claimed_[k]) {
    const Token& t = t_[k];
    if (Cap(k) && !Function(k)) {
      end = ++k;
      continue;
    }
    if (t.text == "'s" && k + 1 < n_ && Cap(k + 1)) {
      if (gaz_.organisations().LongestAt(t_, i, k).length == k - i ||
          gaz_.places().LongestAt(t_, i, k).length == k - i) {
        break;
      }
      ++k;
      continue;
    }
    if (IsConnector(t) && k + 1 < n_ && end == k) {
      if (t.lower == "and" && !gaz_.HeadClass(t_[k - 1]).empty()) break;
      // "Colchester and Clacton": a known place ends a list item.
      if (t.lower == "and" && gaz_.places().LongestAt(t_, i, k).length == k - i) break;
      int m = k + 1;
      if (t_[m].lower == "the" && (t.lower == "of" || t.lower == "for")) ++m;
      if (m < n_ && !claimed_[m] && Cap(m) && !Function(m)) {
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

int SentencePass::TryChunk(int i) {
  if (claimed_[i] || !Cap(i) || Function(i)) return i + 1;
  // A sentence-initial gerund ("Bolstering Flying Squad") is no name.
  const std::string_view w = t_[i].lower;
  if ((i == 0 || t_[i - 1].kind == TokenKind::kPunct) && w.size() > 4 &&
      w.compare(w.size() - 3, 3, "ing") == 0) {
    return i + 1;
  }
  // "Chief Constable of Northshire Police": a rank or title, then the body
  // it belongs to; the body is a chunk of its own.
  const int role = std::max(gaz_.ranks().LongestAt(t_, i, n_).length,
                            gaz_.titles().LongestAt(t_, i, n_).length);
  if (role > 0 && i + role < n_ &&
      (t_[i + role].lower == "of" || t_[i + role].lower == "for")) {
    return i + role;
  }
  // "Head of the Dog Unit": the post, then the unit.
  if (t_[i].lower == "head" && i + 1 < n_ &&
      (t_[i + 1].lower == "of" || t_[i + 1].lower == "for")) {
    return i + 2;
  }
  const int e = ChunkEnd(i);
  // A body from the gazetteer is left to TryOrganisation, also when its
  // name runs past the chunk ("Avon and Somerset Constabulary").
  const int whole = gaz_.organisations().LongestAt(t_, i, n_).length;
  if (whole >= e - i) return i + whole;
  const int force = gaz_.organisations().LongestAt(t_, i, e).length;
  // "Northshire Police Dog Unit": the force, then its unit as a chunk of
  // its own.
  if (force > 0) return i + force;
  // A name with no head-word joined by "and"/"of" is kept whole ("Sights
  // and Sounds"), unless a known place stands in it or a comma comes
  // before it: then it is a list ("Swale and North Kent") whose items the
  // place passes read.
  if (!ClassifyChunk(i, e)) {
    bool joined = false, has_place = false;
    for (int k = i; k < e; ++k) {
      joined |= IsConnector(t_[k]);
      has_place |= gaz_.places().LongestAt(t_, k, e).length > 0;
    }
    // "..., Kelton and Ashbury": an item of a list goes on being one.
    const bool listed = i > 0 && t_[i - 1].text == ",";
    if (joined && !has_place && !listed) Claim(i, e);
  }
  return e;
}

// Names the chunk [b, e) by its head-word; returns false when it has none.
bool SentencePass::ClassifyChunk(int b, int e) {
  const int modifiers_end = gaz_.HeadClass(t_[e - 1]).empty() ? e : e - 1;
  bool generic = modifiers_end > b;
  for (int k = b; k < modifiers_end && generic; ++k) {
    generic = IsGenericModifier(t_[k]) || IsConnector(t_[k]);
  }
  if (generic) return false;
  const bool is_place = gaz_.places().LongestAt(t_, b, e).length == e - b;
  int h = e;  // lower-case head position, possibly after an apostrophe
  if (h + 1 < n_ && t_[h].text == "'" && !t_[h + 1].capitalized) ++h;
  std::string head_class;
  if (h < n_ && t_[h].kind == TokenKind::kWord && !t_[h].capitalized &&
      t_[h].lower.back() != 's') {
    head_class = gaz_.HeadClass(t_[h]);
    // "Leeds streets", "every London borough": an address word in lower
    // case names no place; "Salford ward" and "Caerphilly county" do.
    if ((head_class == "Place" && t_[h].lower != "ward" && t_[h].lower != "county") ||
        t_[h].lower == "centre") {  // "the Arndale centre" is a place, not a unit
      head_class.clear();
    }
  }
  if (!head_class.empty() && head_class != "Organization") {
    const EntityClass cls = ClassFromName(head_class);
    const std::string surface = Slice(b, h + 1);
    std::string canonical;
    if (cls == EntityClass::kUnit) {
      std::string head(t_[h].text);
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
  // "Manchester City Centre": a place the gazetteer knows keeps its class.
  if (e - b < 2 || is_place) return false;
  std::string cls_name = gaz_.HeadClass(t_[e - 1]);
  // "Public Inquiry of Northgate Borough Council": what comes before "of"
  // names no body (it ends in no head-word); the body is what follows.
  if (!cls_name.empty()) {
    for (int k = b + 1; k + 2 < e; ++k) {
      if (t_[k].lower == "of" && gaz_.HeadClass(t_[k - 1]).empty() && Cap(k + 1) &&
          !Function(k + 1)) {
        return ClassifyChunk(k + 1, e);
      }
    }
  }
  for (int k = b; cls_name.empty() && k + 1 < e; ++k) {
    if (t_[k + 1].lower == "for" || t_[k + 1].lower == "of") {
      cls_name = gaz_.HeadClass(t_[k]);
    }
  }
  if (cls_name.empty()) return false;
  Add(ClassFromName(cls_name), Slice(b, e), b, e);
  Claim(b, e);
  TryAcronym(e, out_.size() - 1);
  return true;
}

// "(VSUs)" right after a name: an alias of that name.
void SentencePass::TryAcronym(int p, size_t mention_index) {
  if (p + 2 >= n_ || t_[p].text != "(" || t_[p + 2].text != ")" ||
      !IsAcronym(t_[p + 1])) {
    return;
  }
  Mention copy = out_[mention_index];
  copy.alias = std::string(t_[p + 1].text);
  copy.acronym = true;
  names_.Observe(copy.alias, copy.canonical, copy.cls);
  copy.begin = p + 1;
  copy.end = p + 2;
  out_.push_back(std::move(copy));
  Claim(p, p + 3);
}

// "the regional organised crime unit Tarian": a lower-case unit head-word
// followed by a capitalised name that no gazetteer knows names a unit;
// later bare mentions of the name are that unit.
void SentencePass::TryDescribedUnit(int i) {
  if (i + 1 >= n_ || t_[i].capitalized || t_[i].kind != TokenKind::kWord ||
      gaz_.HeadClass(t_[i]) != "Unit") {
    return;
  }
  const int b = i + 1;
  const int e = CapPhraseEnd(b, 3);
  if (e == b || (e < n_ && Cap(e)) || gaz_.places().LongestAt(t_, b, e).length > 0 ||
      gaz_.organisations().LongestAt(t_, b, e).length > 0) {
    return;
  }
  Mention& m = Add(EntityClass::kUnit, Slice(b, e), b, e);
  names_.Observe(m.canonical, m.canonical, m.cls);
  Claim(b, e);
}

}  // namespace kg::extractor::internal
