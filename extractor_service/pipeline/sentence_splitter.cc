#include "extractor_service/pipeline/sentence_splitter.h"

#include "absl/strings/ascii.h"

namespace kg::extractor {
namespace {

constexpr const char* kDefaultAbbreviations[] = {
    "Mr",   "Mrs",  "Ms",   "Dr",   "St",   "Supt", "Sgt",  "Insp", "Det",
    "Ch",   "Cmdr", "Con",  "Insp", "Prof", "Rev",  "Capt", "Col",  "Lt",
    "Gen",  "Hon",  "Cllr", "No",   "Nos",  "Co",   "Ltd",  "Jr",   "Sr",
    "vs",   "Mt",   "Rd",   "Ave",  "approx", "Jan", "Feb", "Mar", "Apr",
    "Jun",  "Jul",  "Aug",  "Sep",  "Sept", "Oct",  "Nov",  "Dec",  "Op",
    "Ops",  "DCI",  "DI",   "DS",   "DC",   "PC",   "PS",   "Supt", "Cdr",
    "e.g",  "i.e",  "etc.al"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool StartsSentence(unsigned char c) {
  return absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '"' ||
         c == '\'' || c == '(' || c == '[' || c == '-' || c >= 0x80;
}

bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

void Emit(std::string_view text, uint32_t b, uint32_t e,
          std::vector<SentenceSpan>* out) {
  while (b < e && absl::ascii_isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && absl::ascii_isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  if (b < e) out->push_back({b, e});
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  for (const char* a : kDefaultAbbreviations) abbreviations_.insert(a);
}

void SentenceSplitter::AddAbbreviation(std::string_view abbreviation) {
  if (!abbreviation.empty() && abbreviation.back() == '.') {
    abbreviation.remove_suffix(1);
  }
  if (!abbreviation.empty()) abbreviations_.insert(std::string(abbreviation));
}

bool SentenceSplitter::EndsWithAbbreviation(std::string_view text,
                                            uint32_t dot) const {
  uint32_t b = dot;
  while (b > 0 && (absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1])) ||
                   text[b - 1] == '.')) {
    --b;
  }
  if (b == dot) return false;
  if (b > 0 && absl::ascii_isdigit(static_cast<unsigned char>(text[b - 1]))) {
    return false;
  }
  std::string_view word = text.substr(b, dot - b);
  if (word.size() == 1 && absl::ascii_isupper(static_cast<unsigned char>(word[0]))) {
    return true;  // an initial: "J. Smith"
  }
  return abbreviations_.contains(absl::string_view(word.data(), word.size()));
}

std::vector<SentenceSpan> SentenceSplitter::Split(std::string_view text) const {
  std::vector<SentenceSpan> out;
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t start = 0;
  uint32_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c == '\n') {
      Emit(text, start, i, &out);
      start = ++i;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') {
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    while (j < n && IsCloser(text[j])) ++j;
    uint32_t k = j;
    while (k < n && IsSpace(text[k])) ++k;
    const bool boundary =
        k > j && k < n && StartsSentence(static_cast<unsigned char>(text[k])) &&
        !(c == '.' && j == i + 1 && EndsWithAbbreviation(text, i));
    if (boundary) {
      Emit(text, start, j, &out);
      start = j;
    }
    i = j;
  }
  Emit(text, start, n, &out);
  return out;
}

}  // namespace kg::extractor
