// Shallow syntax over one sentence's part-of-speech tags (pos_tagger.h):
// noun-phrase chunks, clauses, apposition and coordination. Pure functions
// of the tagged tokens, each one linear pass; nothing here is stored on the
// document, so a built-in matcher computes what it needs.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_CHUNKER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_CHUNKER_H_

#include <optional>
#include <vector>

#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

// Tokens [begin, end) of a sentence.
struct TokenSpan {
  int begin = 0;
  int end = 0;
  bool operator==(const TokenSpan& o) const {
    return begin == o.begin && end == o.end;
  }
};

// Noun-phrase chunks, left to right, not overlapping: an optional
// determiner, modifiers (ADJ, NUM, NOUN, PROPN, an ADV before an ADJ, a
// possessive "'s" with what it owns) and a nominal head (NOUN, PROPN or
// NUM): "the Met's new knife crime unit", "34"; a pronoun alone; a
// determiner with adjectives only ("the injured").
std::vector<TokenSpan> NounChunks(const std::vector<Token>& tokens);

// The clause of every token: 0 for the main clause, then 1, 2, ... in the
// order clauses open. A clause opens at an opening quotation mark (closing
// after the closing mark), at ", who|which|that|whom|whose" (a relative
// clause, closing at the next comma), at a subordinating conjunction
// (closing at the next comma), after ";" and at a coordinating conjunction
// followed by a new subject ("and there is", "but the man was"). When a
// quotation, relative or subordinate clause closes, the clause around it
// goes on with its number: in `"We will," Smith said` the quotation is
// clause 1 and "Smith said" clause 0, and in "Ann Lee, who leads the team,
// said" "Ann Lee" and "said" share clause 0. Punctuation that opens a
// clause belongs to it; a comma or ";" that closes one to the clause before.
std::vector<int> ClauseIds(const std::vector<Token>& tokens);

// Apposition after the tokens ending at `end`: ", NP (of|for|at|in NP)* ,"
// (or the end of the sentence) where NP is a noun-phrase chunk: "Jo Bell,
// head of the Dog Unit, said" gives "head of the Dog Unit"; an age ("Jo
// Bell, 34,") counts. No apposition when a conjunction follows the closing
// comma ("A, B, and C" is a list).
std::optional<TokenSpan> AppositionAfter(const std::vector<Token>& tokens,
                                         int end);

// The conjuncts of a coordinated list of noun phrases beginning with
// chunks[first]: "A, B and C", "A and B", "A or B". Just that chunk when no
// "and"/"or" ends a list after it (commas alone may be apposition).
std::vector<TokenSpan> Conjuncts(const std::vector<Token>& tokens,
                                 const std::vector<TokenSpan>& chunks,
                                 int first);

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_CHUNKER_H_
