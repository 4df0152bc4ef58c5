#include "extractor_service/pipeline/internal/author.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extractor_service/pipeline/internal/word_classes.h"

namespace kg::extractor::internal {
namespace {

bool IsSeparator(const Token& t) {
  return t.text == "," || t.text == "|" || t.text == "-";
}

// Tokens [k, n) may follow a byline name: nothing, or a separator and then
// only capitalised words, connectors and separators (a title or a force).
bool BylineTail(const std::vector<Token>& t, int k) {
  const int n = static_cast<int>(t.size());
  if (k == n || (k == n - 1 && t[k].text == ".")) return true;
  if (!IsSeparator(t[k])) return false;
  for (int j = k + 1; j < n; ++j) {
    if (!IsCapWord(t[j]) && !IsConnector(t[j]) && !IsSeparator(t[j])) return false;
  }
  return true;
}

// A capitalised word that may be part of a name the recognizer missed.
bool IsNameWord(const Gazetteer& gaz, const Token& t) {
  return IsCapWord(t) && !t.all_caps && !IsFunctionWord(t) &&
         gaz.HeadClass(t).empty();
}

// Length of a rank, title or honorific prefix at token j, or 0.
int PrefixLength(const Gazetteer& gaz, const std::vector<Token>& t, int j) {
  const int n = static_cast<int>(t.size());
  const int rank = gaz.ranks().LongestAt(t, j, n).length;
  const int title = gaz.titles().LongestAt(t, j, n).length;
  if (rank > 0 || title > 0) return std::max(rank, title);
  return gaz.IsHonorific(t[j]) ? 1 : 0;
}

// Mentions of sentence s, as an index range [first, last) of doc.mentions.
std::pair<size_t, size_t> SentenceRange(const std::vector<Mention>& all, int s) {
  auto lo = std::lower_bound(all.begin(), all.end(), s,
                             [](const Mention& m, int v) { return m.sentence < v; });
  auto hi = std::upper_bound(all.begin(), all.end(), s,
                             [](int v, const Mention& m) { return v < m.sentence; });
  return {static_cast<size_t>(lo - all.begin()), static_cast<size_t>(hi - all.begin())};
}

// The person a byline sentence names, or "" when sentence s is no byline.
// A name the recognizer did not find becomes a Person mention.
std::string BylineName(const Gazetteer& gaz, int s, AnalyzedDocument* doc) {
  const std::vector<Token>& t = doc->sentences[s].tokens;
  const int n = static_cast<int>(t.size());
  const int b = gaz.bylines().LongestAt(t, 0, n).length;
  if (b == 0 || b >= n) return "";
  const auto [first, last] = SentenceRange(doc->mentions, s);
  for (size_t i = first; i < last; ++i) {
    const Mention& m = doc->mentions[i];
    if (m.begin == b && m.cls == EntityClass::kPerson && !m.pronoun) {
      return BylineTail(t, m.end) ? m.canonical : "";
    }
    if (m.begin <= b && m.end > b) return "";  // the name is something else
  }
  int j = b;
  while (j < n && PrefixLength(gaz, t, j) > 0) j += PrefixLength(gaz, t, j);
  int k = j;
  while (k < n && k - j < 3 && IsNameWord(gaz, t[k])) ++k;
  if (k - j < 2 || !BylineTail(t, k)) return "";
  Mention m;
  m.cls = EntityClass::kPerson;
  m.canonical = std::string(doc->Slice(s, j, k));
  if (j > b) m.alias = std::string(doc->Slice(s, b, k));
  m.sentence = s;
  m.begin = b;
  m.end = k;
  size_t at = first;
  while (at < last && doc->mentions[at].begin < b) ++at;
  std::string name = m.canonical;
  doc->mentions.insert(doc->mentions.begin() + at, std::move(m));
  return name;
}

// The author named by every byline of the document, or "".
std::string FindAuthor(const Gazetteer& gaz, AnalyzedDocument* doc) {
  std::string author;
  for (int s = 0; s < static_cast<int>(doc->sentences.size()); ++s) {
    const std::string name = BylineName(gaz, s, doc);
      if (name.empty()) continue;
    if (!author.empty() && author != name) return "";
    author = name;
  }
  return author;
}

bool IsFirstPerson(const std::vector<Token>& t, int k) {
  if (t[k].text == "I") {  // not a numeral: "Phase I", "World War I"
    return k == 0 || !IsCapWord(t[k - 1]);
  }
  return t[k].lower == "me" || t[k].lower == "my";
}

// Ranks and titles of sentence s outside the recognizer's mentions.
void AddRoles(const Gazetteer& gaz, const AnalyzedDocument& doc, int s,
              std::vector<Mention>* out) {
  const std::vector<Token>& t = doc.sentences[s].tokens;
  const int n = static_cast<int>(t.size());
  std::vector<char> taken(n, 0);
  const auto [first, last] = SentenceRange(doc.mentions, s);
  for (size_t i = first; i < last; ++i) {
    for (int k = doc.mentions[i].begin; k < doc.mentions[i].end; ++k) taken[k] = 1;
  }
  for (int k = 0; k < n; ++k) {
    if (taken[k]) continue;
    PhraseTable::Match rank = gaz.ranks().LongestAt(t, k, n);
    PhraseTable::Match title = gaz.titles().LongestAt(t, k, n);
    const PhraseTable::Match& m = rank.length >= title.length ? rank : title;
    if (m.length == 0) continue;
    Mention role;
    role.cls = EntityClass::kRole;
    role.canonical = m.entry->canonical;
    role.sentence = s;
    role.begin = k;
    role.end = k + m.length;
    out->push_back(std::move(role));
    k += m.length - 1;
  }
}

}  // namespace

void ResolveAuthor(const Gazetteer& gaz, AnalyzedDocument* doc) {
  doc->author = FindAuthor(gaz, doc);
  doc->author_mentions.clear();
  if (doc->author.empty()) return;
  bool in_quote = false;
  uint32_t previous_end = 0;
  for (int s = 0; s < static_cast<int>(doc->sentences.size()); ++s) {
    const AnalyzedSentence& sentence = doc->sentences[s];
    const std::string_view gap = std::string_view(doc->text.text()).substr(
        previous_end, sentence.span.begin - previous_end);
    if (gap.find('\n') != std::string_view::npos) in_quote = false;  // new line
    previous_end = sentence.span.end;
    const size_t first = doc->author_mentions.size();
    for (int k = 0; k < static_cast<int>(sentence.tokens.size()); ++k) {
      if (sentence.tokens[k].text == "\"") in_quote = !in_quote;
      if (in_quote || !IsFirstPerson(sentence.tokens, k)) continue;
      Mention m;
      m.cls = EntityClass::kPerson;
      m.canonical = doc->author;
      m.sentence = s;
      m.begin = k;
      m.end = k + 1;
      m.pronoun = true;
      m.first_person = true;
      doc->author_mentions.push_back(std::move(m));
    }
    if (doc->author_mentions.size() == first) continue;
    AddRoles(gaz, *doc, s, &doc->author_mentions);
    std::stable_sort(doc->author_mentions.begin() + first, doc->author_mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }
}

}  // namespace kg::extractor::internal
