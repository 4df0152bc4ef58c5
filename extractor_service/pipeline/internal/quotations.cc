// Quotation marks and the text they enclose (see quotations.h); the
// speakers are in quotation_speakers.cc.
#include "extractor_service/pipeline/internal/quotations.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "absl/strings/ascii.h"

namespace kg::extractor::internal {
namespace {

// After this many void single-quote openings in a paragraph, its single
// quotes are all taken for apostrophes (keeps the rescans linear).
constexpr int kMaxVoidsPerParagraph = 2;

bool IsPunct(const Token& t) { return t.kind == TokenKind::kPunct; }
bool Adjacent(const Token& a, const Token& b) { return a.end == b.begin; }

}  // namespace

QuotationAnalysis::QuotationAnalysis(const AnalyzedDocument& doc,
                                     const WordList& reporting)
    : doc_(doc), reporting_(reporting) {
  const int n = static_cast<int>(doc.sentences.size());
  first_mention_.assign(n + 1, 0);
  size_t m = 0;
  for (int s = 0; s <= n; ++s) {
    while (m < doc.mentions.size() && doc.mentions[m].sentence < s) ++m;
    first_mention_[s] = static_cast<int>(m);
  }
  Scan();
  first_quotation_.assign(n + 1, 0);
  size_t q = 0;
  for (int s = 0; s <= n; ++s) {
    while (q < quotations_.size() && quotations_[q].first_sentence < s) ++q;
    first_quotation_[s] = static_cast<int>(q);
  }
  Attribute();
}

bool QuotationAnalysis::StartsParagraph(int s) const {
  if (s == 0) return true;
  const std::string& text = doc_.text.text();
  const uint32_t b = doc_.sentences[s - 1].span.end;
  const uint32_t e = doc_.sentences[s].span.begin;
  return std::memchr(text.data() + b, '\n', e - b) != nullptr;
}

// "'" before a word, at the start or after a space or punctuation.
bool QuotationAnalysis::OpensSingle(int s, int k) const {
  if (!(floor_ < TokenRef{s, k})) return false;
  const std::vector<Token>& t = T(s);
  if (k + 1 >= static_cast<int>(t.size()) || !Adjacent(t[k], t[k + 1]) ||
      IsPunct(t[k + 1])) {
    return false;
  }
  return k == 0 || !Adjacent(t[k - 1], t[k]) || IsPunct(t[k - 1]);
}

// "'" right after a word or punctuation, before a space or punctuation; not
// the plural possessive of "the officers' cars" well inside a quotation.
bool QuotationAnalysis::ClosesSingle(int s, int k, const Quotation& q) const {
  const std::vector<Token>& t = T(s);
  if (k == 0 || !Adjacent(t[k - 1], t[k])) return false;
  if (k + 1 >= static_cast<int>(t.size())) return true;
  const Token& next = t[k + 1];
  if (Adjacent(t[k], next)) return IsPunct(next);
  const bool long_quote = q.first_sentence != s || k - q.open_token > 5;
  const bool possessive = long_quote && t[k - 1].lower.back() == 's' &&
                          next.kind == TokenKind::kWord && !next.capitalized &&
                          !reporting_.contains(next.lower) &&
                          next.lower != "he" && next.lower != "she";
  return !possessive;
}

bool QuotationAnalysis::IsMark(int s, int k) const {
  const std::string_view w = T(s)[k].text;
  if (w == "\"") return true;
  return w == "'" &&
         std::binary_search(marks_.begin(), marks_.end(), TokenRef{s, k});
}

void QuotationAnalysis::ScanSentence(int s, int k, int* open) {
  const std::vector<Token>& t = T(s);
  const int n = static_cast<int>(t.size());
  for (; k < n; ++k) {
    const bool dq = t[k].text == "\"";
    const bool sq = t[k].text == "'";
    if (*open >= 0) {
      Quotation& q = quotations_[*open];
      if ((dq && q.mark == '"') ||
          (sq && q.mark == '\'' && ClosesSingle(s, k, q))) {
        q.pieces.back().end = t[k].begin;
        q.last_sentence = s;
        q.close_token = k;
        marks_.push_back({s, k});
        *open = -1;
      }
      continue;
    }
    if (!dq && !sq) {
      if (reporting_.contains(t[k].lower)) verbs_.push_back({s, k});
      continue;
    }
    if (sq && !OpensSingle(s, k)) continue;
    Quotation q;
    q.mark = dq ? '"' : '\'';
    q.first_sentence = q.last_sentence = s;
    q.open_token = k;
    q.pieces.push_back({t[k].end, t[k].end});
    marks_.push_back({s, k});
    *open = static_cast<int>(quotations_.size());
    quotations_.push_back(std::move(q));
  }
  if (*open >= 0) {
    Quotation& q = quotations_[*open];
    q.pieces.back().end = doc_.sentences[s].span.end;
    q.last_sentence = s;
  }
}

// A single quote left open at the end of its only paragraph that hides a
// double quote or a reporting verb was an apostrophe ("the '90s").
bool QuotationAnalysis::IsVoid(const Quotation& q, int end) const {
  if (q.mark != '\'' || q.pieces.size() != 1) return false;
  for (int s = q.first_sentence; s < end; ++s) {
    const std::vector<Token>& t = T(s);
    for (int k = s == q.first_sentence ? q.open_token + 1 : 0;
         k < static_cast<int>(t.size()); ++k) {
      if (t[k].text == "\"" || reporting_.contains(t[k].lower)) return true;
    }
  }
  return false;
}

// At the start of paragraph `s` (or at the end of the document, s = number
// of sentences), the quotation left open before it either continues
// (returns the token after the mark) or ends; a void one is dropped and the
// paragraph before scanned again without it.
int QuotationAnalysis::ContinueOrEnd(int s, int* open, int* voids) {
  const int n = static_cast<int>(doc_.sentences.size());
  while (*open >= 0) {
    Quotation& q = quotations_[*open];
    if (s < n) {
      const std::vector<Token>& t = T(s);
      if (t.size() > 1 && t[0].text.size() == 1 && t[0].text[0] == q.mark &&
          (q.mark == '"' || OpensSingle(s, 0))) {
        q.pieces.push_back({t[0].end, t[0].end});
        marks_.push_back({s, 0});
        carried_.push_back({s, *open});
        return 1;
      }
    }
    if (!IsVoid(q, s)) {
      *open = -1;
      return 0;
    }
    const TokenRef opener{q.first_sentence, q.open_token};
    quotations_.pop_back();
    marks_.pop_back();
    floor_ =
        ++*voids < kMaxVoidsPerParagraph ? opener : TokenRef{s - 1, INT_MAX};
    *open = -1;
    for (int r = opener.sentence; r < s; ++r) {
      ScanSentence(r, r == opener.sentence ? opener.token + 1 : 0, open);
    }
  }
  return 0;
}

void QuotationAnalysis::Scan() {
  const int n = static_cast<int>(doc_.sentences.size());
  int open = -1;
  int voids = 0;
  for (int s = 0; s < n; ++s) {
    int k = 0;
    if (StartsParagraph(s)) {
      k = ContinueOrEnd(s, &open, &voids);
      voids = 0;
    }
    ScanSentence(s, k, &open);
  }
  ContinueOrEnd(n, &open, &voids);
}

std::string QuotationAnalysis::Text(const Quotation& q) const {
  const std::string& text = doc_.text.text();
  auto space = [&](uint32_t i) {
    return absl::ascii_isspace(static_cast<unsigned char>(text[i])) ||
           text[i] == '"' || text[i] == q.mark;
  };
  std::string out;
  bool comma = false;  // the piece before handed over with a ','
  for (size_t i = 0; i < q.pieces.size(); ++i) {
    uint32_t b = q.pieces[i].begin, e = q.pieces[i].end;
    const bool last = i + 1 == q.pieces.size();
    while (b < e && space(b)) ++b;
    while (e > b && space(e - 1)) --e;
    if (b == e) continue;
    if (!out.empty()) {
      // ""It was," she said. "A good day."" reads "It was. A good day."
      if (comma && absl::ascii_isupper(static_cast<unsigned char>(text[b]))) {
        out.back() = '.';
      }
      out += ' ';
    }
    comma = text[e - 1] == ',';
    if (last && q.close_token >= 0) {
      while (e > b && std::strchr(",;: ", text[e - 1]) != nullptr) --e;
    }
    out += doc_.SliceBytes(b, e);
  }
  return out;
}

}  // namespace kg::extractor::internal
