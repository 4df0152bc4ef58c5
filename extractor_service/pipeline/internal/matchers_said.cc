// said: quotation attribution.
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"

namespace kg::extractor::internal {
namespace {

// Shared by the two colon forms; `next_line` picks the quotation in the next
// sentence when this one ends with ':'.
void Colon(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out,
           bool next_line) {
  const WordList& reporting = rule.Words("reporting");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (int k = 1; k < n; ++k) {
    const bool verb = reporting.contains(t[k].lower);
    const bool bare_colon = next_line && k == n - 1 && t[k].text == ":";
    if (!verb && !bare_colon) continue;
    const Mention* who = SpeakerBefore(ctx, k);
    if (bare_colon && !verb) {
      // "Name, Title, Organisation:" -- the speaker opens the line.
      who = ctx.mentions.empty() ? nullptr : ctx.mentions.front();
      if (who != nullptr && (who->cls != EC::kPerson || who->begin != 0)) who = nullptr;
    }
    if (who == nullptr) continue;
    int q = verb ? k + 1 : k;
    if (q < n && t[q].text == ":") ++q;
    if (!next_line && q < n && t[q].text == "\"") {
      const uint32_t end = ctx.doc.sentences[ctx.sentence].span.end;
      out.Emit(who->canonical, QuoteText(ctx.doc, t[q].end, end, ""), false,
               EC::kPerson);
      return;
    }
    if (next_line && q == n && t[n - 1].text == ":" &&
        ctx.sentence + 1 < static_cast<int>(ctx.doc.sentences.size())) {
      const AnalyzedSentence& next = ctx.doc.sentences[ctx.sentence + 1];
      if (next.tokens.empty() || next.tokens[0].text != "\"") return;
      out.Emit(who->canonical,
               QuoteText(ctx.doc, next.tokens[0].end, next.span.end, ""), false,
               EC::kPerson, ctx.sentence + 1);
      return;
    }
  }
}

}  // namespace

// "Name said: "..."" -- the quotation in the same sentence.
void SaidColon(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out) {
  Colon(ctx, rule, out, false);
}

// "Name said:" closing the sentence, the quotation opening the next one.
void SaidColonNextSentence(const RuleContext& ctx, const RelationRule& rule,
                           const DraftSink& out) {
  Colon(ctx, rule, out, true);
}

// ""...," Ms Lee said." / ""...," she said." -- quotation first.
void SaidQuoteFirst(const RuleContext& ctx, const RelationRule& rule,
                    const DraftSink& out) {
  const WordList& reporting = rule.Words("reporting");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  if (n < 4 || t[0].text != "\"") return;
  int close = 1;
  while (close < n && t[close].text != "\"") ++close;
  if (close + 2 >= n) return;
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPerson || m->begin != close + 1) continue;
    if (m->end < n && reporting.contains(t[m->end].lower)) {
      out.Emit(m->canonical, QuoteText(ctx.doc, t[0].end, t[close].begin, ","),
               false, EC::kPerson);
    }
    return;
  }
}

// "Name has warned that ..." -- reported speech after a word of $reporting.
void SaidReported(const RuleContext& ctx, const RelationRule& rule,
                  const DraftSink& out) {
  const WordList& reporting = rule.Words("reporting");
  const std::vector<Token>& t = ctx.tokens();
  const int n = static_cast<int>(t.size());
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPerson) continue;
    int k = m->end;
    if (k < n && (t[k].lower == "has" || t[k].lower == "had" || t[k].lower == "have")) ++k;
    if (k + 1 >= n || !reporting.contains(t[k].lower) || t[k + 1].lower != "that") {
      continue;
    }
    out.Emit(m->canonical,
             QuoteText(ctx.doc, t[k + 1].end,
                       ctx.doc.sentences[ctx.sentence].span.end, "."),
             false, EC::kPerson);
  }
}

}  // namespace kg::extractor::internal
