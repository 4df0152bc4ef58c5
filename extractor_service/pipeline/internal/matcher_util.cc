#include "extractor_service/pipeline/internal/matcher_util.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace kg::extractor::internal {

bool IsTargetable(const Mention& m) {
  return m.cls == EC::kUnit || m.cls == EC::kOperation ||
         m.cls == EC::kCampaign || m.cls == EC::kProgramme;
}

const Mention* MentionAt(const RuleContext& ctx, int begin) {
  for (const Mention* m : ctx.mentions) {
    if (m->begin == begin && m->cls != EC::kCrimeType && !m->inside_name) return m;
  }
  return nullptr;
}

std::vector<const Mention*> CrimesAfter(const RuleContext& ctx, int from,
                                        const WordList& stops) {
  std::vector<const Mention*> out;
  const std::vector<Token>& t = ctx.tokens();
  int stop = static_cast<int>(t.size());
  for (int k = from; k < stop; ++k) {
    if (stops.contains(t[k].lower)) stop = k;
  }
  for (const Mention* m : ctx.mentions) {
    if (m->begin < from || m->begin >= stop) continue;
    if (IsTargetable(*m) && !m->inside_name) break;
    if (m->cls == EC::kCrimeType && !m->inside_name) out.push_back(m);
  }
  return out;
}

Nominal FindNominal(const RuleContext& ctx, int from) {
  const std::vector<Token>& t = ctx.tokens();
  for (int k = from; k < static_cast<int>(t.size()); ++k) {
    const std::string_view w = t[k].text;
    Nominal nom;
    if (w == "campaign" || w == "campaigns") {
      nom.cls = EC::kCampaign;
    } else if (w == "operation" || w == "operations") {
      nom.cls = EC::kOperation;
    } else if (w == "unit" || w == "squad" || w == "taskforce") {
      nom.cls = EC::kUnit;
    } else {
      continue;
    }
    nom.token = k;
    nom.plural = w.back() == 's';
    for (const Mention* m : ctx.mentions) {
      if (m->cls == nom.cls) return Nominal();
    }
    return nom;
  }
  return Nominal();
}

std::vector<std::string> Antecedents(const RuleContext& ctx, const Nominal& nom) {
  std::vector<std::string> out;
  for (int s : {ctx.sentence + 1, ctx.sentence - 1}) {
    if (s < 0 || s >= static_cast<int>(ctx.doc.sentences.size())) continue;
    for (const Mention& m : ctx.doc.mentions) {
      if (m.sentence == s && m.cls == nom.cls) {
        if (std::find(out.begin(), out.end(), m.canonical) == out.end()) {
          out.push_back(m.canonical);
        }
        if (!nom.plural) return out;
      }
    }
    if (!out.empty()) return out;
  }
  return out;
}

std::string QuoteText(const AnalyzedDocument& doc, uint32_t b, uint32_t e,
                      std::string_view strip) {
  const std::string& s = doc.text.text();
  auto junk = [&](char c, bool tail) {
    return absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '"' ||
           (tail && strip.find(c) != std::string_view::npos);
  };
  while (b < e && junk(s[b], false)) ++b;
  while (e > b && junk(s[e - 1], true)) --e;
  return std::string(doc.SliceBytes(b, e));
}

namespace {

bool IsPlaceFiller(std::string_view w) {
  return w == "the" || w == "every" || w == "all" || w == "whole" || w == "of" ||
         w == "parts" || w == "part" || w == "various" || w == "much" ||
         w == "most" || w == "north" || w == "south" || w == "east" ||
         w == "west" || w == "and" || w == "wider" || w == "areas" || w == "other";
}

}  // namespace

std::vector<const Mention*> ActivityPlaces(const RuleContext& ctx,
                                           const WordList& preps) {
  const std::vector<Token>& t = ctx.tokens();
  std::vector<const Mention*> out;
  int last_end = -1;  // end of the last place taken, for "in A, B and C"
  for (const Mention* m : ctx.mentions) {
    if (m->cls != EC::kPlace || m->inside_name || m->begin == 0) continue;
    bool listed = last_end >= 0 && m->begin > last_end;
    for (int k = last_end; listed && k < m->begin; ++k) {
      const std::string_view w = t[k].lower;
      listed = w == "," || w == "and" || w == "or" || w == "the" ||
               w == "area" || w == "areas" || w == "&";
    }
    // "in the east and west of Scotland", "across the whole of Kent",
    // "in every London borough": a few such words may stand between.
    int p = m->begin - 1;
    for (int skipped = 0; p > 0 && skipped < 5 && IsPlaceFiller(t[p].lower); ++skipped) --p;
    if (listed || preps.contains(t[p].lower)) {
      out.push_back(m);
      last_end = m->end;
    }
  }
  return out;
}

const Mention* SpeakerBefore(const RuleContext& ctx, int k) {
  const Mention* speaker = nullptr;
  for (const Mention* m : ctx.mentions) {
    if (m->begin >= k) break;
    if (m->cls == EC::kPerson) speaker = m;
  }
  return speaker;
}

}  // namespace kg::extractor::internal
