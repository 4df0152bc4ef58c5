#include "extractor_service/pipeline/pos_tagger.h"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "absl/container/inlined_vector.h"

namespace kg::extractor {
namespace {

using Reading = LexiconEntry;
using Word = PosTagger::Word;

constexpr uint16_t Bits(std::initializer_list<PosTag> tags) {
  uint16_t m = 0;
  for (PosTag t : tags) m |= PosBit(t);
  return m;
}

constexpr uint16_t kClosed =
    Bits({PosTag::kDet, PosTag::kPron, PosTag::kAdp, PosTag::kCconj,
          PosTag::kSconj, PosTag::kPart, PosTag::kAux, PosTag::kNum});
// Tags after which a word is read as the head or modifier of a noun phrase.
constexpr uint16_t kNominalContext =
    Bits({PosTag::kDet, PosTag::kAdj, PosTag::kNum, PosTag::kAdp});

bool Has(uint16_t tags, PosTag t) { return (tags & PosBit(t)) != 0; }
bool Is(PosTag t, uint16_t mask) { return (PosBit(t) & mask) != 0; }

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() > suffix.size() + 1 &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsParticiple(std::string_view w) {
  return EndsWith(w, "ed") || EndsWith(w, "en") || EndsWith(w, "wn");
}

constexpr Reading Single(PosTag t) { return Reading{PosBit(t), {t}}; }
constexpr Reading Two(PosTag a, PosTag b) {
  return Reading{static_cast<uint16_t>(PosBit(a) | PosBit(b)), {a, b}};
}

// Readings of words the lexicon lacks, of punctuation and numbers.
constexpr Reading kNone;
constexpr Reading kNounReading = Single(PosTag::kNoun);
constexpr Reading kPropnReading = Single(PosTag::kPropn);
constexpr Reading kAdjReading = Single(PosTag::kAdj);
constexpr Reading kAdvReading = Single(PosTag::kAdv);
constexpr Reading kGerundReading = Two(PosTag::kVerb, PosTag::kNoun);
constexpr Reading kParticipleReading = Two(PosTag::kVerb, PosTag::kAdj);
constexpr Reading kPunctReading = Single(PosTag::kPunct);
constexpr Reading kNumReading = Single(PosTag::kNum);

// A word the lexicon lacks, by its shape.
const Reading& Guess(const Gazetteer& gaz, std::string_view w) {
  const size_t hyphen = w.rfind('-');
  if (hyphen != std::string_view::npos && hyphen + 1 < w.size()) {
    const std::string_view last = w.substr(hyphen + 1);
    const Reading& r = gaz.Lexicon(last);  // "life-threatening", "anti-social"
    if (Has(r.tags, PosTag::kAdj) ||
        (Has(r.tags, PosTag::kVerb) &&
         (IsParticiple(last) || EndsWith(last, "ing")))) {
      return kAdjReading;
    }
    return kNounReading;
  }
  if (EndsWith(w, "ly")) return kAdvReading;
  if (EndsWith(w, "ing")) return kGerundReading;
  if (EndsWith(w, "ed")) return kParticipleReading;
  for (std::string_view s : {"ous", "ful", "less", "able", "ible", "ive", "ic"}) {
    if (EndsWith(w, s)) return kAdjReading;
  }
  return kNounReading;
}

bool HasDigit(std::string_view w) {
  for (char c : w) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// One sentence: tags are decided left to right; readings of later tokens
// (lexicon tags without context) serve as look-ahead.
class Pass {
 public:
  Pass(const PosTagger& tagger, const Gazetteer& gaz, std::vector<Token>* tokens)
      : tagger_(tagger), gaz_(gaz), t_(*tokens),
        n_(static_cast<int>(tokens->size())) {}

  void Run() {
    info_.resize(n_);
    for (int j = 0; j < n_; ++j) info_[j] = Describe(t_[j]);
    bool initial = true, in_quote = false;
    for (int i = 0; i < n_; ++i) {
      Token& t = t_[i];
      if (t.kind == TokenKind::kPunct) {
        t.pos = PosTag::kPunct;
        if (t.text == "\"") in_quote = !in_quote;
        if ((t.text == "\"" && in_quote) || t.text == ":") initial = true;
        continue;
      }
      t.pos = Decide(i, initial);
      initial = false;
    }
  }

 private:
  // What the lexicon (or the word's shape) says about one token.
  struct Info {
    const Reading* lex = &kNone;  // lexicon entry, or a guess
    bool known = false;   // the lexicon has the word
    bool proper = false;  // capitalised and not a closed-class word
  };

  Info Describe(const Token& t) const {
    Info info;
    if (t.kind != TokenKind::kWord) {
      info.lex = t.kind == TokenKind::kPunct ? &kPunctReading : &kNumReading;
      info.known = true;
      return info;
    }
    const Reading& r = gaz_.Lexicon(t);
    info.known = r.tags != 0;
    info.proper = (t.capitalized || t.all_caps) && (r.tags & kClosed) == 0;
    info.lex = info.known    ? &r
               : info.proper ? &kPropnReading
                             : &Guess(gaz_, t.lower);
    return info;
  }

  PosTag Decide(int i, bool initial) const {
    const Token& t = t_[i];
    const Info& info = info_[i];
    if (t.kind == TokenKind::kNumber || (!info.known && HasDigit(t.lower))) {
      if (t.kind == TokenKind::kNumber && t.lower.find('-') != std::string_view::npos) {
        return NounAhead(i) ? PosTag::kAdj : PosTag::kNoun;  // "34-year-old"
      }
      return t.capitalized ? PosTag::kPropn : PosTag::kNum;  // "A38", "11pm"
    }
    if ((info.lex->tags & kClosed) != 0) return Closed(i, *info.lex);
    if (info.proper) {
      if (!initial || t.all_caps || !info.known || gaz_.IsFirstName(t) ||
          gaz_.IsHonorific(t) || CapitalisedWordAt(i + 1)) {
        return PosTag::kPropn;
      }
    }
    return Open(i, *info.lex, initial);
  }

  // ---- look-ahead: context-free readings of later tokens ----

  const Reading& ReadingAt(int j) const {
    if (j >= n_) return kNone;
    return info_[j].proper ? kPropnReading : *info_[j].lex;
  }
  PosTag FirstAt(int j) const { return ReadingAt(j).ranked[0]; }
  Word WordAt(int j) const {
    return j >= 0 && j < n_ ? tagger_.WordOf(t_[j]) : Word::kOther;
  }

  bool CapitalisedWordAt(int j) const {
    return j < n_ && info_[j].proper && t_[j].capitalized;
  }
  // The next token reads as a (lower-case) noun.
  bool NounAhead(int i) const { return FirstAt(i + 1) == PosTag::kNoun; }
  // ... or an adjective, or a participle before a noun ("dark hooded top").
  bool NounOrAdjAhead(int i) const {
    const Reading& r = ReadingAt(i + 1);
    const PosTag f = r.ranked[0];
    return f == PosTag::kNoun || f == PosTag::kAdj ||
           (Has(r.tags, PosTag::kVerb) && i + 1 < n_ &&
            IsParticiple(t_[i + 1].lower) && NounAhead(i + 1));
  }
  // First token after i that is not an adverb or "not".
  int SkipAdverbs(int j) const {
    while (j < n_) {
      const Reading& r = ReadingAt(j);
      if (!(Has(r.tags, PosTag::kAdv) && !Has(r.tags, PosTag::kNoun)) &&
          WordAt(j) != Word::kNot) {
        break;
      }
      ++j;
    }
    return j;
  }

  // ---- look-behind: tags already decided ----

  PosTag TagAt(int j) const { return j >= 0 ? t_[j].pos : PosTag::kX; }
  // Tag of the nearest earlier token that is not an adverb or "not".
  PosTag VerbalContext(int i) const {
    int j = i - 1;
    while (j >= 0 && (t_[j].pos == PosTag::kAdv || tagger_.WordOf(t_[j]) == Word::kNot)) --j;
    return TagAt(j);
  }
  bool DeterminerBefore(int i) const {
    return i > 0 && (Is(t_[i - 1].pos, kNominalContext) ||
                     tagger_.WordOf(t_[i - 1]) == Word::kPossessive);
  }

  PosTag Closed(int i, const Reading& r) const;
  PosTag Open(int i, const Reading& r, bool initial) const;
  bool ToIsInfinitive(int i) const;
  bool ClauseFollows(int i) const;

  const PosTagger& tagger_;
  const Gazetteer& gaz_;
  std::vector<Token>& t_;
  const int n_;
  absl::InlinedVector<Info, 64> info_;  // by token
};

// "to hospital" / "to be", "to contact the force".
bool Pass::ToIsInfinitive(int i) const {
  const Reading& next = ReadingAt(i + 1);
  if (next.ranked[0] == PosTag::kAux) return true;
  if (!Has(next.tags, PosTag::kVerb)) return false;
  if (next.ranked[0] != PosTag::kNoun) return true;
  // A noun-first word is a verb when an object or adverb follows.
  return Is(FirstAt(i + 2), Bits({PosTag::kDet, PosTag::kPron, PosTag::kNum,
                                  PosTag::kAdj, PosTag::kAdv}));
}

// "after a shop worker was threatened": a subject and a finite verb follow.
bool Pass::ClauseFollows(int i) const {
  bool nominal = false;  // the previous token opens or continues a noun phrase
  for (int j = i + 1; j < n_ && j <= i + 7; ++j) {
    const Reading& r = ReadingAt(j);
    PosTag f = r.ranked[0];
    if (EndsWith(t_[j].lower, "ing")) return false;  // "after 11pm following"
    if (nominal && Has(r.tags, PosTag::kNoun)) f = PosTag::kNoun;
    if (Is(f, Bits({PosTag::kDet, PosTag::kNum, PosTag::kAdj}))) {
      nominal = true;
    } else if (f == PosTag::kNoun || f == PosTag::kPropn ||
               (f == PosTag::kPron && WordAt(j) == Word::kSubjectPronoun)) {
      nominal = false;
    } else if (f == PosTag::kPart && WordAt(j) == Word::kPossessive) {
      nominal = true;
    } else {
      return j > i + 1 && (f == PosTag::kAux || f == PosTag::kVerb);
    }
  }
  return false;
}

PosTag Pass::Closed(int i, const Reading& r) const {
  const PosTag first = r.ranked[0];
  const Reading& next = ReadingAt(i + 1);
  const PosTag nf = next.ranked[0];
  const PosTag prev = TagAt(i - 1);
  switch (tagger_.WordOf(t_[i])) {
    case Word::kPossessive:  // "it's", "the man's"
      return prev == PosTag::kPron || WordAt(i - 1) == Word::kThere ? PosTag::kAux
                                                                     : PosTag::kPart;
    case Word::kTo:
      return ToIsInfinitive(i) ? PosTag::kPart : PosTag::kAdp;
    case Word::kThat:
      if (nf == PosTag::kPunct || nf == PosTag::kX) return PosTag::kPron;
      if (WordAt(i + 1) == Word::kSubjectPronoun) return PosTag::kSconj;
      if (prev == PosTag::kVerb || prev == PosTag::kAdj) return PosTag::kSconj;
      if (Is(prev, Bits({PosTag::kNoun, PosTag::kPropn, PosTag::kPron})) &&
          (nf == PosTag::kAux || nf == PosTag::kVerb)) {
        return PosTag::kPron;  // relative: "injuries that are"
      }
      return Has(next.tags, PosTag::kNoun) ? PosTag::kDet : PosTag::kSconj;
    case Word::kDemonstrative:
      if (Has(next.tags, PosTag::kNoun) || nf == PosTag::kNum ||
          (nf == PosTag::kAdj && Has(ReadingAt(i + 2).tags, PosTag::kNoun))) {
        return PosTag::kDet;
      }
      return PosTag::kPron;
    case Word::kHer:  // her, his
      return (next.tags & Bits({PosTag::kNoun, PosTag::kAdj, PosTag::kNum,
                                PosTag::kPropn})) != 0
                 ? PosTag::kDet
                 : PosTag::kPron;
    case Word::kThere:
      return nf == PosTag::kAux || WordAt(i + 1) == Word::kPossessive ? PosTag::kPron
                                                                       : PosTag::kAdv;
    case Word::kHave:
    case Word::kDo: {
      const int j = SkipAdverbs(i + 1);
      const Reading& v = ReadingAt(j);
      const bool verb = v.ranked[0] == PosTag::kAux || v.ranked[0] == PosTag::kVerb ||
                        (Has(v.tags, PosTag::kVerb) && IsParticiple(t_[j].lower));
      return verb ? PosTag::kAux : PosTag::kVerb;
    }
    case Word::kLike:
      return VerbalContext(i) == PosTag::kAux || prev == PosTag::kPron ? PosTag::kVerb
                                                                       : PosTag::kAdp;
    case Word::kAs:
    case Word::kClauseOrPrep:
      if (WordAt(i + 1) == Word::kSubjectPronoun) return PosTag::kSconj;
      if (Has(r.tags, PosTag::kAdv) &&
          (nf == PosTag::kPunct || nf == PosTag::kX || nf == PosTag::kAux)) {
        return PosTag::kAdv;  // "seen him before.", "have since been"
      }
      return ClauseFollows(i) ? PosTag::kSconj : PosTag::kAdp;
    default:
      break;
  }
  if (first == PosTag::kAdp && Has(r.tags, PosTag::kAdv) && prev != PosTag::kVerb &&
      (nf == PosTag::kPunct || nf == PosTag::kX || nf == PosTag::kCconj)) {
    return PosTag::kAdv;  // "came in." but "carried out." stays a particle
  }
  if (first == PosTag::kDet && Has(r.tags, PosTag::kPron) &&
      (nf == PosTag::kPunct || nf == PosTag::kX || nf == PosTag::kAux ||
       nf == PosTag::kVerb || nf == PosTag::kAdp)) {
    return PosTag::kPron;  // "some were", "all of"
  }
  return first;
}

PosTag Pass::Open(int i, const Reading& r, bool initial) const {
  const std::string_view w = t_[i].lower;
  const uint16_t tags = r.tags;
  const PosTag first = r.ranked[0];
  const PosTag prev = TagAt(i - 1);
  const PosTag verbal = VerbalContext(i);
  const bool verb = Has(tags, PosTag::kVerb);
  const bool noun = Has(tags, PosTag::kNoun);
  const bool adj = Has(tags, PosTag::kAdj);
  if (tagger_.WordOf(t_[i]) == Word::kQuasiPreposition &&
      prev != PosTag::kDet && prev != PosTag::kAdj) {
    return PosTag::kVerb;  // "following reports", "including a child"
  }
  if (Has(tags, PosTag::kAdv) && first != PosTag::kNoun &&
      FirstAt(i + 1) == PosTag::kAdj && !NounAhead(i)) {
    return PosTag::kAdv;  // "the most vulnerable", "more serious"
  }
  // "stolen items", "specially trained officers"
  if (verb && IsParticiple(w) && NounAhead(i) &&
      !Is(prev, Bits({PosTag::kNoun, PosTag::kPropn, PosTag::kPron})) &&
      verbal != PosTag::kAux) {
    return PosTag::kAdj;
  }
  if (DeterminerBefore(i) && (noun || adj)) {
    if (prev == PosTag::kAdp && verb && EndsWith(w, "ing")) return PosTag::kVerb;
    if (noun && adj) {
      const bool adj_first = first == PosTag::kAdj ||
                             (first != PosTag::kNoun && r.ranked[1] == PosTag::kAdj);
      // "a silver car", "as white," but "the public."
      return adj_first && (NounOrAdjAhead(i) || prev == PosTag::kAdp)
                 ? PosTag::kAdj
                 : PosTag::kNoun;
    }
    return noun ? PosTag::kNoun : PosTag::kAdj;
  }
  if (verb && (verbal == PosTag::kAux || verbal == PosTag::kPart)) {
    return PosTag::kVerb;  // "will appear", "to reassure", "was later charged"
  }
  if (verb && prev == PosTag::kPron) return PosTag::kVerb;  // "who leads"
  if (verb && (prev == PosTag::kNoun || prev == PosTag::kPropn)) {
    if (!noun) return PosTag::kVerb;
    const PosTag nf = FirstAt(i + 1);
    if (nf == PosTag::kAux || nf == PosTag::kVerb) return PosTag::kNoun;
    if (EndsWith(w, "ing") && (nf == PosTag::kPunct || nf == PosTag::kX)) {
      return PosTag::kNoun;  // "a community meeting."
    }
    if (first == PosTag::kVerb || IsParticiple(w)) return PosTag::kVerb;
    // "the operation targets dealers": a singular subject, an -s verb
    if (EndsWith(w, "s") && !EndsWith(t_[i - 1].lower, "s") &&
        (nf == PosTag::kNoun || nf == PosTag::kAdj)) {
      return PosTag::kVerb;
    }
    return Is(nf, Bits({PosTag::kDet, PosTag::kPron, PosTag::kNum})) ? PosTag::kVerb
                                                                      : PosTag::kNoun;
  }
  if (noun && prev == PosTag::kVerb && Is(first, Bits({PosTag::kNoun, PosTag::kVerb})) &&
      !EndsWith(w, "ing") && !IsParticiple(w)) {
    return PosTag::kNoun;  // the object: "report concerns"
  }
  if (noun && prev == PosTag::kCconj && TagAt(i - 2) == PosTag::kNoun &&
      !Is(FirstAt(i + 1), Bits({PosTag::kDet, PosTag::kPron}))) {
    return PosTag::kNoun;  // "a broken arm and cuts to his face"
  }
  if (initial && noun && first != PosTag::kAdj &&
      !Is(FirstAt(i + 1), Bits({PosTag::kDet, PosTag::kPron, PosTag::kNum}))) {
    return PosTag::kNoun;  // "Witnesses described", but "Call us"
  }
  if (adj && Has(tags, PosTag::kAdv) && first == PosTag::kAdj &&
      (prev == PosTag::kNoun || prev == PosTag::kPropn) && !NounOrAdjAhead(i)) {
    return PosTag::kAdv;  // "report concerns online"
  }
  return first;
}

}  // namespace

PosTagger::PosTagger(const Gazetteer* gazetteer) : gaz_(*gazetteer) {
  static constexpr std::pair<const char*, Word> kWords[] = {
      {"to", Word::kTo},          {"that", Word::kThat},
      {"this", Word::kDemonstrative}, {"these", Word::kDemonstrative},
      {"those", Word::kDemonstrative}, {"her", Word::kHer},
      {"his", Word::kHer},        {"there", Word::kThere},
      {"'s", Word::kPossessive},  {"have", Word::kHave},
      {"has", Word::kHave},       {"had", Word::kHave},
      {"having", Word::kHave},    {"do", Word::kDo},
      {"does", Word::kDo},        {"did", Word::kDo},
      {"like", Word::kLike},      {"as", Word::kAs},
      {"after", Word::kClauseOrPrep}, {"before", Word::kClauseOrPrep},
      {"since", Word::kClauseOrPrep}, {"until", Word::kClauseOrPrep},
      {"till", Word::kClauseOrPrep},  {"i", Word::kSubjectPronoun},
      {"you", Word::kSubjectPronoun}, {"he", Word::kSubjectPronoun},
      {"she", Word::kSubjectPronoun}, {"it", Word::kSubjectPronoun},
      {"we", Word::kSubjectPronoun},  {"they", Word::kSubjectPronoun},
      {"not", Word::kNot},        {"n't", Word::kNot},
      {"following", Word::kQuasiPreposition},
      {"including", Word::kQuasiPreposition},
      {"according", Word::kQuasiPreposition},
      {"regarding", Word::kQuasiPreposition},
      {"concerning", Word::kQuasiPreposition},
  };
  for (const auto& [word, cls] : kWords) {
    const int32_t id = gaz_.WordId(word);
    if (id < 0) continue;
    if (static_cast<size_t>(id) >= words_.size()) words_.resize(id + 1, Word::kOther);
    words_[id] = cls;
  }
}

void PosTagger::Tag(std::vector<Token>* tokens) const {
  if (tokens->empty()) return;
  if (tokens->front().lower_id == kUnannotatedWord) gaz_.Annotate(tokens);
  Pass(*this, gaz_, tokens).Run();
}

}  // namespace kg::extractor
