#include "extractor_service/pipeline/token_pattern.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kg::extractor {
namespace {

constexpr uint32_t kForceBit = 1u << 16;
constexpr uint32_t kAuthorBit = 1u << 17;

uint32_t ClassBit(EntityClass c) { return 1u << static_cast<int>(c); }

// Slot classes bound from RuleContext::author_mentions.
const uint32_t kAuthorSlotBits = kAuthorBit | ClassBit(EntityClass::kRole);

bool SlotAccepts(const PatternElement& e, const Mention& m) {
  if (m.inside_name) return false;
  if (m.first_person) return (e.classes & kAuthorBit) != 0;
  if ((e.classes & ClassBit(m.cls)) != 0) return true;
  return (e.classes & kForceBit) != 0 && m.force;
}

absl::StatusOr<PatternElement> ParseSlot(absl::string_view body) {
  PatternElement e;
  e.kind = PatternElement::kSlot;
  absl::string_view classes = body;
  const size_t colon = body.find(':');
  if (colon != absl::string_view::npos) {
    classes = body.substr(0, colon);
    e.name = std::string(body.substr(colon + 1));
  }
  if (!classes.empty() && classes.back() == '+') {
    e.many = true;
    classes.remove_suffix(1);
  }
  for (absl::string_view c : absl::StrSplit(classes, '|')) {
    const uint32_t bit = SlotClassBit(c);
    if (bit == 0) {
      return absl::InvalidArgumentError(absl::StrCat("unknown class '", c, "'"));
    }
    e.classes |= bit;
  }
  return e;
}

// "<VERB>", "<NOUN|PROPN>" without the brackets.
absl::Status ParsePosTags(absl::string_view body, PatternElement* e) {
  e->kind = PatternElement::kPos;
  for (absl::string_view name : absl::StrSplit(body, '|')) {
    PosTag tag;
    if (!ParsePosTag(std::string_view(name.data(), name.size()), &tag)) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown part of speech '", name, "'"));
    }
    e->pos_tags |= PosBit(tag);
  }
  return absl::OkStatus();
}

absl::StatusOr<PatternElement> ParseElement(absl::string_view w) {
  if (w.size() > 2 && w.front() == '[' && w.back() == ']') {
    return ParseSlot(w.substr(1, w.size() - 2));
  }
  PatternElement e;
  if (w.size() > 3 && w.substr(0, 3) == "...") {
    e.kind = PatternElement::kGap;
    if (!absl::SimpleAtoi(w.substr(3), &e.max_gap) || e.max_gap < 1) {
      return absl::InvalidArgumentError(absl::StrCat("bad gap '", w, "'"));
    }
    return e;
  }
  if (w.size() > 1 && w.back() == '?') {
    e.optional = true;
    w.remove_suffix(1);
  }
  if (w.size() > 1 && w.front() == '!') {
    e.negated = true;
    w.remove_prefix(1);
  }
  if (w.size() > 1 && w.front() == '$') {
    e.kind = PatternElement::kList;
    e.name = std::string(w.substr(1));
    return e;
  }
  if (w.size() > 2 && w.front() == '<' && w.back() == '>') {
    if (absl::Status s = ParsePosTags(w.substr(1, w.size() - 2), &e); !s.ok()) {
      return s;
    }
    return e;
  }
  for (absl::string_view a : absl::StrSplit(w, '|')) {
    if (a.empty()) return absl::InvalidArgumentError("empty alternative");
    e.words.push_back(absl::AsciiStrToLower(a));
  }
  return e;
}

// Backtracking matcher over one sentence.
class Matcher {
 public:
  Matcher(const std::vector<PatternElement>& els, const RuleContext& ctx)
      : els_(els), ctx_(ctx), t_(ctx.tokens()),
        n_(static_cast<int>(t_.size())) {}

  bool Match(size_t i, int pos, PatternBindings* b) const {
    if (i == els_.size()) return true;
    const PatternElement& e = els_[i];
    switch (e.kind) {
      case PatternElement::kGap:
        for (int k = 0; k <= e.max_gap && pos + k <= n_; ++k) {
          if (k > 0 && (t_[pos + k - 1].text == ";" || t_[pos + k - 1].text == "\"")) {
            return false;
          }
          if (Match(i + 1, pos + k, b)) return true;
        }
        return false;
      case PatternElement::kSlot:
        return MatchSlot(e, i, pos, b);
      default:
        if (e.negated) {
          return !(pos < n_ && TokenMatches(e, t_[pos])) && Match(i + 1, pos, b);
        }
        if (pos < n_ && TokenMatches(e, t_[pos]) && Match(i + 1, pos + 1, b)) {
          return true;
        }
        return e.optional && Match(i + 1, pos, b);
    }
  }

 private:
  static bool TokenMatches(const PatternElement& e, const Token& t) {
    if (e.kind == PatternElement::kPos) return (e.pos_tags & PosBit(t.pos)) != 0;
    if (e.kind == PatternElement::kList) return e.list->contains(t.lower);
    for (const std::string& a : e.words) {
      if (a == t.lower) return true;
    }
    return false;
  }

  const Mention* MentionAt(const PatternElement& e, int pos) const {
    if ((e.classes & kAuthorSlotBits) != 0) {
      const Mention* m = MentionAt(e, pos, ctx_.author_mentions);
      if (m != nullptr) return m;
    }
    return MentionAt(e, pos, ctx_.mentions);
  }

  static const Mention* MentionAt(const PatternElement& e, int pos,
                                  const std::vector<const Mention*>& mentions) {
    for (const Mention* m : mentions) {
      if (m->begin > pos) break;
      if (m->begin == pos && SlotAccepts(e, *m)) return m;
    }
    return nullptr;
  }

  bool MatchSlot(const PatternElement& e, size_t i, int pos,
                 PatternBindings* b) const {
    const Mention* m = MentionAt(e, pos);
    if (m == nullptr) return false;
    BoundMentions bound{m};
    int end = m->end;
    while (e.many && end < n_) {  // "A, B and C", "A and B", "A or B"
      int k = end;
      if (t_[k].text == ",") ++k;
      if (k < n_ && (t_[k].lower == "and" || t_[k].lower == "or")) ++k;
      if (k == end || k >= n_) break;
      const Mention* next = MentionAt(e, k);
      if (next == nullptr) break;
      bound.push_back(next);
      end = next->end;
    }
    b->emplace_back(e.name, std::move(bound));
    if (Match(i + 1, end, b)) return true;
    b->pop_back();
    return false;
  }

  const std::vector<PatternElement>& els_;
  const RuleContext& ctx_;
  const std::vector<Token>& t_;
  const int n_;
};

}  // namespace

uint32_t SlotClassBit(absl::string_view name) {
  static constexpr std::pair<const char*, EntityClass> kClasses[] = {
      {"Person", EntityClass::kPerson},       {"Organization", EntityClass::kOrganization},
      {"Unit", EntityClass::kUnit},           {"Operation", EntityClass::kOperation},
      {"Campaign", EntityClass::kCampaign},   {"Programme", EntityClass::kProgramme},
      {"Place", EntityClass::kPlace},         {"CrimeType", EntityClass::kCrimeType}};
  for (const auto& [n, c] : kClasses) {
    if (name == n) return ClassBit(c);
  }
  if (name == "Force") return kForceBit;
  if (name == "Author") return kAuthorBit;
  if (name == "Role") return ClassBit(EntityClass::kRole);
  if (name == "Named") {
    return ClassBit(EntityClass::kUnit) | ClassBit(EntityClass::kOperation) |
           ClassBit(EntityClass::kCampaign) | ClassBit(EntityClass::kProgramme);
  }
  return 0;
}

absl::StatusOr<TokenPattern> TokenPattern::Parse(absl::string_view source) {
  TokenPattern p;
  for (absl::string_view w : absl::StrSplit(source, ' ', absl::SkipEmpty())) {
    absl::StatusOr<PatternElement> e = ParseElement(w);
    if (!e.ok()) return e.status();
    p.elements_.push_back(*std::move(e));
  }
  if (p.elements_.empty()) return absl::InvalidArgumentError("empty pattern");
  return p;
}

bool TokenPattern::UsesPosTags() const {
  for (const PatternElement& e : elements_) {
    if (e.kind == PatternElement::kPos) return true;
  }
  return false;
}

bool TokenPattern::NeedsAuthorMentions() const {
  for (const PatternElement& e : elements_) {
    if (e.kind == PatternElement::kSlot && (e.classes & ~kAuthorSlotBits) == 0) {
      return true;
    }
  }
  return false;
}

bool TokenPattern::HasSlot(absl::string_view name) const {
  for (const PatternElement& e : elements_) {
    if (e.kind == PatternElement::kSlot && e.name == name) return true;
  }
  return false;
}

void TokenPattern::ForEachMatch(
    const RuleContext& ctx,
    absl::FunctionRef<void(const PatternBindings&)> on_match) const {
  const int n = static_cast<int>(ctx.tokens().size());
  // Every slot must bind something: a sentence without a mention some slot
  // accepts cannot match, and most sentences lack one class or another.
  for (const PatternElement& e : elements_) {
    if (e.kind != PatternElement::kSlot) continue;
    auto accepted = [&](const std::vector<const Mention*>& mentions) {
      return std::any_of(mentions.begin(), mentions.end(),
                         [&](const Mention* m) { return SlotAccepts(e, *m); });
    };
    if (!accepted(ctx.mentions) &&
        ((e.classes & kAuthorSlotBits) == 0 || !accepted(ctx.author_mentions))) {
      return;
    }
  }
  Matcher matcher(elements_, ctx);
  PatternBindings bindings;
  if (elements_.front().kind == PatternElement::kSlot &&
      (elements_.front().classes & kAuthorSlotBits) == 0 &&
      std::is_sorted(ctx.mentions.begin(), ctx.mentions.end(),
                     [](const Mention* a, const Mention* b) {
                       return a->begin < b->begin;
                     })) {
    // A leading slot matches only where a mention begins.
    int last = -1;
    for (const Mention* m : ctx.mentions) {
      if (m->begin == last || m->begin < 0 || m->begin >= n) continue;
      last = m->begin;
      bindings.clear();
      if (matcher.Match(0, last, &bindings)) on_match(bindings);
    }
    return;
  }
  for (int pos = 0; pos < n; ++pos) {
    bindings.clear();
    if (matcher.Match(0, pos, &bindings)) on_match(bindings);
  }
}

}  // namespace kg::extractor
