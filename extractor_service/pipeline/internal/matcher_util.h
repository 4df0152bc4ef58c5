// Helpers shared by the built-in matchers (not part of any public contract).
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_MATCHER_UTIL_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_MATCHER_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor_service/pipeline/builtin_matchers.h"

namespace kg::extractor::internal {

using EC = EntityClass;

// Unit, Operation, Campaign or Programme: what can target a crime type.
bool IsTargetable(const Mention& m);

// First mention starting at token `begin` that is no crime type and not
// inside another name, or nullptr.
const Mention* MentionAt(const RuleContext& ctx, int begin);

// Crime types from token `from` up to a word of `stops` or the next
// target-able entity.
std::vector<const Mention*> CrimesAfter(const RuleContext& ctx, int from,
                                        const WordList& stops);

// A lower-case "campaign"/"operation(s)" (or "unit", "squad", "taskforce")
// in a sentence that names none of that class; its antecedents are the
// named ones of the neighbouring sentences.
struct Nominal {
  int token = -1;
  EC cls = EC::kCampaign;
  bool plural = false;
};
// The first such word at or after token `from`.
Nominal FindNominal(const RuleContext& ctx, int from = 0);
std::vector<std::string> Antecedents(const RuleContext& ctx, const Nominal& nom);

// Original text of normalised bytes [b, e) without surrounding spaces and
// quotation marks; `strip` lists trailing characters to drop as well.
std::string QuoteText(const AnalyzedDocument& doc, uint32_t b, uint32_t e,
                      std::string_view strip);

// Places where something happens: place mentions outside names right after
// a word of `preps` ("in Leeds", "across the county of X"), and the places
// listed with one ("in Leeds, Bradford and the Halifax area").
std::vector<const Mention*> ActivityPlaces(const RuleContext& ctx,
                                           const WordList& preps);

// Last person mention before token k, or nullptr.
const Mention* SpeakerBefore(const RuleContext& ctx, int k);

}  // namespace kg::extractor::internal

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_INTERNAL_MATCHER_UTIL_H_
