// Quotations of a document and who said them: the analysis behind the
// said.* built-in matchers (not part of any public contract).
//
// Quotation marks are '"' and '\'' of the normalised text (curly quotes
// arrive straightened). A quotation runs from an opening mark to its closing
// mark. News style carries a quotation into the next paragraph by leaving it
// unclosed and opening that paragraph with the same mark; such a quotation
// is one quotation over several paragraphs, and a paragraph that does not
// open with the mark ends it. A single quote is a quotation mark only where
// it can open one (at the start, after a space or punctuation, before a
// letter or digit) or close the open one (after a letter or punctuation,
// before a space or punctuation); elsewhere it is an apostrophe ("don't",
// "the officers' cars"), and so is one left open at the end of its paragraph
// over a '"' or a reporting verb ("the '90s"). Marks of the other kind
// inside a quotation are part of its text.
//
// The speaker of a quotation, first rule that applies:
//   kLeadIn     the reporting verb before it in its sentence: X said: "...",
//               X, who led the raid, said "...", X told reporters: "..."
//   kLeadInLine "X said:" ends the paragraph before, the quotation opens the
//               next one
//   kTrailing   after its closing mark: "...," X said. / "...," said X. /
//               "...," she added. / "...", X, of Y Police, said.
//   kFollowing  no attribution of its own, and it opens a sentence: the one
//               person who spoke in the paragraph before (when it opens a
//               paragraph) or earlier in its own paragraph
//   kReported   inside reported speech, not at the start of a sentence:
//               X said the raid was "the largest to date".
// A quotation interrupted by its attribution ("It was," she said, "a good
// day.") or resumed right after it ("It was," she said. "A good day.") is
// one quotation: the second part is kJoined to the first.
// The speaker of a reporting verb is its subject: the person just before it
// (after "has", "also", ...) or just after it ("said X"), the person a "who"
// clause or an appositive between commas belongs to, the person before
// "of"/"from" phrases ("X of Y Police said"), or the subject of the verb a
// coordinated one follows ("X said A and added:"). A reporting verb whose
// subject is no person ("the leaflet says:") gives no speaker and stops
// kFollowing from looking past it.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_QUOTATIONS_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_QUOTATIONS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extractor_service/pipeline/analyzed_document.h"
#include "extractor_service/pipeline/word_list.h"

namespace kg::extractor::internal {

enum class QuoteSource : uint8_t {
  kNone,
  kLeadIn,
  kLeadInLine,
  kTrailing,
  kFollowing,
  kReported,
  kJoined,  // the rest of an interrupted quotation, part of the one before
};

struct Quotation {
  // The text inside the marks, one piece per paragraph or interruption
  // (normalised bytes).
  struct Piece {
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  std::vector<Piece> pieces;
  int first_sentence = 0;  // holds the opening mark
  int open_token = 0;
  int last_sentence = 0;  // holds the end of the text
  int close_token = -1;   // closing mark in last_sentence; -1: left open
  char mark = '"';
  const Mention* speaker = nullptr;  // a Person mention, or nullptr
  QuoteSource source = QuoteSource::kNone;
  // Sentences to cite: the quotation's and its attribution's.
  int evidence_begin = 0;
  int evidence_end = 0;
};

class QuotationAnalysis {
 public:
  // Finds the quotations of `doc` (whose mentions are set) and their
  // speakers. `reporting` holds the lower-case words that report speech
  // ("said", "added"). Both must outlive this object. Linear in the size of
  // the document.
  QuotationAnalysis(const AnalyzedDocument& doc, const WordList& reporting);

  const std::vector<Quotation>& quotations() const { return quotations_; }

  // Indices [first, second) of the quotations opening in sentence `s`.
  std::pair<int, int> OpeningIn(int s) const {
    return {first_quotation_[s], first_quotation_[s + 1]};
  }

  // The quotation's words from the original text: its pieces without
  // surrounding spaces, joined by a space; the comma (or ';', ':') that
  // hands over to a trailing attribution is dropped at the end, and becomes
  // a full stop before a piece that opens a sentence.
  std::string Text(const Quotation& q) const;

 private:
  struct TokenRef {
    int sentence;
    int token;
    bool operator<(const TokenRef& o) const {
      return sentence != o.sentence ? sentence < o.sentence : token < o.token;
    }
  };
  // Who has spoken so far in a paragraph.
  struct SpeakerLog {
    std::vector<const Mention*> people;  // distinct canonical names
    bool stopped = false;  // last reporting verb had no person subject
    void Add(const Mention* m);
    void Stop() { stopped = true; }
    const Mention* Single() const;
  };

  // quotations.cc: marks and pieces.
  void Scan();
  void ScanSentence(int s, int k, int* open);
  int ContinueOrEnd(int s, int* open, int* voids);
  bool IsVoid(const Quotation& q, int end) const;
  bool StartsParagraph(int s) const;
  bool OpensSingle(int s, int k) const;
  bool ClosesSingle(int s, int k, const Quotation& q) const;
  // A '"', or a single quote taken for a quotation mark.
  bool IsMark(int s, int k) const;

  // quotation_speakers.cc: attribution.
  void Attribute();
  void AttributeOne(Quotation* q, bool opens_paragraph,
                    const SpeakerLog& before, const SpeakerLog& so_far);
  bool LeadIn(Quotation* q, int s, int end, bool line_end);
  bool Trailing(Quotation* q);
  const Mention* SpeakerAfter(int s, int i, int* end) const;
  bool Reported(Quotation* q);
  void JoinQuotation(Quotation* a, Quotation* b);
  const Mention* SubjectOf(int s, int v, int depth = 0) const;
  const Mention* AppositionSubject(int s, int cs, int j) const;
  const Mention* TitleSubject(int s, int cs, int j) const;
  void AddRole(const Mention& m);
  const Mention* CoordinatedSubject(int s, int cs, int j, int depth) const;
  std::pair<int, int> MentionsIn(int s, int b, int e) const;  // begin in [b, e)
  const Mention* PersonEndingAt(int s, int end) const;
  const Mention* PersonStartingAt(int s, int begin) const;
  bool Reporting(int s, int k) const;
  const std::vector<Token>& T(int s) const { return doc_.sentences[s].tokens; }

  const AnalyzedDocument& doc_;
  const WordList& reporting_;
  std::vector<Quotation> quotations_;
  std::vector<int> first_quotation_;  // per sentence, plus one past the end
  std::vector<int> first_mention_;    // per sentence, plus one past the end
  std::vector<TokenRef> marks_;       // quotation marks, in text order
  std::vector<TokenRef> verbs_;       // reporting verbs outside quotations
  std::vector<std::pair<int, int>>
      carried_;             // (sentence, quotation) continued there
  TokenRef floor_{-1, -1};  // single quotes up to here open nothing (void)
  // People named with a rank or title before the sentence being attributed
  // (lower-case role, mention).
  std::vector<std::pair<std::string, const Mention*>> roles_;
};

}  // namespace kg::extractor::internal

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_QUOTATIONS_H_
