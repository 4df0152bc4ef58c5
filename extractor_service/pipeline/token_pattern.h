// Token patterns: a small pattern language over one sentence's tokens,
// entity mentions and word lists (syntax in docs/extraction.md):
//
//   word            a token, case-insensitive ("by", ",", "'s")
//   a|b|c           any of the words
//   $list           any word of a named word list
//   <T1|T2>         a token tagged with one of the parts of speech
//                   (PosTagName: <VERB>, <NOUN|PROPN>; see pos_tagger.h)
//   X?              the element X (word, a|b, $list or <T>) is optional
//   !X              the next token is not X (word, a|b, $list or <T>);
//                   consumes nothing, and holds at the end of the sentence
//   ...N            skip 0..N tokens, fewest first; never skips ';' or '"'
//   [C1|C2:name]    a mention of one of the classes, bound to `name`
//   [C+:name]       a list of such mentions: "A, B and C"
//
// Classes: the ontology classes, Force (a force or national body from the
// gazetteer), Named (Unit|Operation|Campaign|Programme), Author ("I", "me",
// "my" resolved to the document's author; a Person slot never binds these)
// and Role (a rank or title standing alone in a sentence with an Author
// mention; emitted as a text value, its expansion).
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_TOKEN_PATTERN_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_TOKEN_PATTERN_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "extractor_service/pipeline/rule_context.h"
#include "extractor_service/pipeline/word_list.h"

namespace kg::extractor {

struct PatternElement {
  enum Kind { kWords, kList, kPos, kGap, kSlot } kind = kWords;
  std::vector<std::string> words;  // kWords: lower-case alternatives
  std::string name;                // kList: list name; kSlot: binding name
  const WordList* list = nullptr;  // kList, resolved
  uint16_t pos_tags = 0;    // kPos: PosBit mask
  bool optional = false;
  bool negated = false;     // kWords/kList/kPos: "!X"
  int max_gap = 0;          // kGap
  uint32_t classes = 0;     // kSlot: bit mask, see SlotClassBit
  bool many = false;        // kSlot: "+"
};

// Bit of a slot class name ("Person", "Force", "Named"), or 0 if unknown.
uint32_t SlotClassBit(absl::string_view name);

// The mentions bound to one slot ("A, B and C" binds three).
using BoundMentions = absl::InlinedVector<const Mention*, 4>;
// Mentions bound by one match, by slot name, in slot order.
using PatternBindings = std::vector<std::pair<std::string, BoundMentions>>;

class TokenPattern {
 public:
  // Parses the pattern source. InvalidArgument on a malformed element or an
  // unknown class.
  static absl::StatusOr<TokenPattern> Parse(absl::string_view source);

  std::vector<PatternElement>& elements() { return elements_; }
  const std::vector<PatternElement>& elements() const { return elements_; }
  bool HasSlot(absl::string_view name) const;
  // True when a slot binds only Author or Role mentions: the pattern cannot
  // match a sentence without RuleContext::author_mentions.
  bool NeedsAuthorMentions() const;
  // True when an element matches part-of-speech tags (<VERB>): the
  // document's tokens must be tagged for the pattern to match.
  bool UsesPosTags() const;

  // Calls `on_match` for the first (shortest) match starting at each token
  // of the sentence. Thread-safe.
  void ForEachMatch(const RuleContext& ctx,
                    absl::FunctionRef<void(const PatternBindings&)> on_match) const;

 private:
  std::vector<PatternElement> elements_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_TOKEN_PATTERN_H_
