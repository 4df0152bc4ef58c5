// said: quotation attribution.
#include "extractor_service/pipeline/internal/matcher_util.h"
#include "extractor_service/pipeline/internal/matchers.h"
#include "extractor_service/pipeline/internal/quotations.h"

namespace kg::extractor::internal {
namespace {

// The quotations opening in this sentence whose speaker was found the
// `source` way (internal/quotations.h), each as one fact: the whole
// quotation, over its sentences and paragraphs, with all of them and the
// attribution's sentence as evidence.
void EmitQuotations(const RuleContext& ctx, const RelationRule& rule,
                    const DraftSink& out, QuoteSource source) {
  if (ctx.memo == nullptr) return;
  const QuotationAnalysis& quotes = ctx.memo->Quotations(ctx.doc, rule);
  const auto [first, last] = quotes.OpeningIn(ctx.sentence);
  for (int i = first; i < last; ++i) {
    const Quotation& q = quotes.quotations()[i];
    if (q.source != source || q.speaker == nullptr) continue;
    out.Emit(q.speaker->canonical, quotes.Text(q), false, EC::kPerson,
             q.evidence_begin, q.evidence_end);
  }
}

}  // namespace

// "Name said: "..."", "Name, who ..., said "..."" -- the verb leads in.
void SaidColon(const RuleContext& ctx, const RelationRule& rule, const DraftSink& out) {
  EmitQuotations(ctx, rule, out, QuoteSource::kLeadIn);
}

// "Name said:" closing a paragraph, the quotation opening the next one.
void SaidColonNextSentence(const RuleContext& ctx, const RelationRule& rule,
                           const DraftSink& out) {
  EmitQuotations(ctx, rule, out, QuoteSource::kLeadInLine);
}

// ""...," Ms Lee said." / ""...," said Ms Lee." / ""...," she said."
void SaidQuoteFirst(const RuleContext& ctx, const RelationRule& rule,
                    const DraftSink& out) {
  EmitQuotations(ctx, rule, out, QuoteSource::kTrailing);
}

// A quotation with no attribution of its own after one person's words.
void SaidQuoteFollows(const RuleContext& ctx, const RelationRule& rule,
                      const DraftSink& out) {
  EmitQuotations(ctx, rule, out, QuoteSource::kFollowing);
}

// "Name said the raid was "the largest to date"."
void SaidPartialQuote(const RuleContext& ctx, const RelationRule& rule,
                      const DraftSink& out) {
  EmitQuotations(ctx, rule, out, QuoteSource::kReported);
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
