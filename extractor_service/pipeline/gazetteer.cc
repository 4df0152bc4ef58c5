#include "extractor_service/pipeline/gazetteer.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"

namespace kg::extractor {
namespace {

// Calls `fn(columns, line_number)` for every non-blank, non-comment line of
// `dir/name`; each line must have between min_cols and max_cols TAB columns.
absl::Status ForEachLine(
    const std::string& dir, const std::string& name, int min_cols,
    int max_cols,
    const std::function<void(const std::vector<std::string>&)>& fn) {
  const std::string path = dir + "/" + name;
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    absl::string_view stripped = absl::StripAsciiWhitespace(line);
    if (stripped.empty() || stripped[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    for (std::string& c : cols) c = std::string(absl::StripAsciiWhitespace(c));
    if (static_cast<int>(cols.size()) < min_cols ||
        static_cast<int>(cols.size()) > max_cols || cols[0].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", line_no, ": expected ", min_cols, "-", max_cols,
          " tab-separated columns, got ", cols.size()));
    }
    fn(cols);
  }
  return absl::OkStatus();
}

std::string Col(const std::vector<std::string>& cols, size_t i) {
  return i < cols.size() ? cols[i] : "";
}

absl::Status LoadTable(const std::string& dir, const std::string& name,
                       int max_cols, PhraseTable* table) {
  return ForEachLine(dir, name, 1, max_cols,
                     [&](const std::vector<std::string>& cols) {
                       std::string canonical = Col(cols, 1);
                       if (canonical.empty()) canonical = cols[0];
                       table->Add(cols[0], {canonical, Col(cols, 2)});
                     });
}

// programmes.tsv: a surface with a leading article is added with and
// without it.
absl::Status LoadProgrammes(const std::string& dir, PhraseTable* table) {
  return ForEachLine(
      dir, "programmes.tsv", 1, 3, [&](const std::vector<std::string>& cols) {
        std::string canonical = Col(cols, 1);
        if (canonical.empty()) canonical = cols[0];
        const GazetteerEntry entry{canonical, Col(cols, 2)};
        table->Add(cols[0], entry);
        for (std::string_view article : {"A ", "An ", "The "}) {
          const std::string& surface = cols[0];
          if (surface.size() > article.size() &&
              surface.compare(0, article.size(), article) == 0) {
            table->Add(std::string_view(surface).substr(article.size()), entry);
          }
        }
      });
}

absl::Status LoadList(const std::string& dir, const std::string& name,
                      std::vector<std::string>* list) {
  return ForEachLine(dir, name, 1, 1, [&](const std::vector<std::string>& c) {
    list->push_back(c[0]);
  });
}

}  // namespace

Gazetteer::Gazetteer()
    : vocabulary_(std::make_shared<Vocabulary>()),
      ranks_(true, vocabulary_),
      titles_(true, vocabulary_),
      crime_types_(false, vocabulary_),
      organisations_(true, vocabulary_),
      places_(true, vocabulary_),
      programmes_(true, vocabulary_),
      bylines_(false, vocabulary_) {}

void Gazetteer::Annotate(std::vector<Token>* tokens) const {
  for (Token& t : *tokens) {
    t.text_id = vocabulary_->Find(t.text);
    t.lower_id = t.lower == t.text ? t.text_id : vocabulary_->Find(t.lower);
  }
}

const Gazetteer::WordInfo& Gazetteer::Info(int32_t id) const {
  static const WordInfo kNone;
  return id >= 0 && static_cast<size_t>(id) < info_.size() ? info_[id] : kNone;
}

bool Gazetteer::IsHonorific(std::string_view word) const {
  return Info(vocabulary_->Find(word)).honorific;
}

bool Gazetteer::IsHonorific(const Token& t) const {
  return t.text_id == kUnannotatedWord ? IsHonorific(t.text)
                                       : Info(t.text_id).honorific;
}

bool Gazetteer::IsFirstName(std::string_view word) const {
  return Info(vocabulary_->Find(word)).first_name;
}

bool Gazetteer::IsFirstName(const Token& t) const {
  return t.text_id == kUnannotatedWord ? IsFirstName(t.text)
                                       : Info(t.text_id).first_name;
}

const std::string& Gazetteer::HeadClass(std::string_view lower_word) const {
  static const std::string* const kNone = new std::string();
  const int32_t head = Info(vocabulary_->Find(lower_word)).head;
  return head < 0 ? *kNone : head_classes_[head];
}

const std::string& Gazetteer::HeadClass(const Token& t) const {
  static const std::string* const kNone = new std::string();
  if (t.lower_id == kUnannotatedWord) return HeadClass(t.lower);
  const int32_t head = Info(t.lower_id).head;
  return head < 0 ? *kNone : head_classes_[head];
}

const LexiconEntry& Gazetteer::Lexicon(
    std::string_view lower_word) const {
  const int32_t id = vocabulary_->Find(lower_word);
  return id >= 0 && static_cast<size_t>(id) < lexicon_.size() ? lexicon_[id]
                                                              : kNoLexiconEntry;
}

absl::Status Gazetteer::LoadLexicon(const std::string& dir) {
  const std::string path = dir + "/lexicon.tsv";
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::vector<std::pair<int32_t, LexiconEntry>> entries;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string_view view(line);
    const size_t tab = view.find('\t');
    LexiconEntry e;
    int n = 0;
    bool ok = tab != std::string_view::npos && tab > 0;
    for (size_t b = tab + 1; ok && b < view.size();) {
      size_t end = view.find(' ', b);
      if (end == std::string_view::npos) end = view.size();
      PosTag tag;
      if (end > b) {
        ok = ParsePosTag(view.substr(b, end - b), &tag);
        if (!ok) break;
        if (n < static_cast<int>(e.ranked.size())) e.ranked[n++] = tag;
        e.tags |= PosBit(tag);
      }
      b = end + 1;
    }
    if (!ok || e.tags == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", line_no, ": expected word<TAB>tags (NOUN VERB ...)"));
    }
    entries.emplace_back(vocabulary_->Intern(view.substr(0, tab)), e);
  }
  lexicon_.assign(vocabulary_->size(), LexiconEntry());
  for (const auto& [id, e] : entries) lexicon_[id] = e;
  return absl::OkStatus();
}

void Gazetteer::IndexWords(
    const std::vector<std::string>& first_names,
    const std::vector<std::pair<std::string, std::string>>& heads) {
  std::vector<std::pair<int32_t, int32_t>> head_ids;
  for (const auto& [word, cls] : heads) {
    head_ids.emplace_back(vocabulary_->Intern(word),
                          static_cast<int32_t>(head_classes_.size()));
    head_classes_.push_back(cls);
  }
  std::vector<int32_t> honorific_ids, first_name_ids;
  for (const std::string& h : honorifics_) {
    honorific_ids.push_back(vocabulary_->Intern(h));
  }
  for (const std::string& f : first_names) {
    first_name_ids.push_back(vocabulary_->Intern(f));
  }
  info_.assign(vocabulary_->size(), WordInfo());
  for (int32_t id : honorific_ids) info_[id].honorific = true;
  for (int32_t id : first_name_ids) info_[id].first_name = true;
  for (const auto& [id, head] : head_ids) info_[id].head = head;  // last wins
}

absl::StatusOr<Gazetteer> Gazetteer::Load(const std::string& dir) {
  Gazetteer g;
  RETURN_IF_ERROR(LoadTable(dir, "ranks.tsv", 2, &g.ranks_));
  RETURN_IF_ERROR(LoadTable(dir, "titles.tsv", 2, &g.titles_));
  RETURN_IF_ERROR(LoadTable(dir, "crime_types.tsv", 2, &g.crime_types_));
  RETURN_IF_ERROR(LoadTable(dir, "organisations.tsv", 3, &g.organisations_));
  RETURN_IF_ERROR(ForEachLine(dir, "places.tsv", 1, 2,
                              [&](const std::vector<std::string>& c) {
                                g.places_.Add(c[0], {c[0], Col(c, 1)});
                              }));
  RETURN_IF_ERROR(LoadProgrammes(dir, &g.programmes_));
  RETURN_IF_ERROR(ForEachLine(dir, "bylines.txt", 1, 1,
                              [&](const std::vector<std::string>& c) {
                                g.bylines_.Add(c[0], {c[0], ""});
                              }));
  std::vector<std::string> first_names;
  std::vector<std::pair<std::string, std::string>> heads;
  RETURN_IF_ERROR(LoadList(dir, "honorifics.txt", &g.honorifics_));
  RETURN_IF_ERROR(LoadList(dir, "first_names.txt", &first_names));
  RETURN_IF_ERROR(ForEachLine(dir, "head_words.tsv", 2, 2,
                              [&](const std::vector<std::string>& c) {
                                heads.emplace_back(absl::AsciiStrToLower(c[0]), c[1]);
                              }));
  g.IndexWords(first_names, heads);
  RETURN_IF_ERROR(g.LoadLexicon(dir));
  RETURN_IF_ERROR(ForEachLine(
      dir, "ranks.tsv", 1, 2, [&](const std::vector<std::string>& c) {
        // "Supt" but not "superintendent" or "Inspectors": a word the
        // splitter must not end a sentence after is a shortening.
        const std::string surface = absl::AsciiStrToLower(c[0]);
        const std::string expansion =
            absl::AsciiStrToLower(c.size() > 1 ? c[1] : c[0]);
        const bool abbreviated = surface != expansion &&
                                 surface != absl::StrCat(expansion, "s");
        if (abbreviated && c[0].find(' ') == std::string::npos) {
          g.abbreviations_.push_back(c[0]);
        }
      }));
  for (const std::string& h : g.honorifics_) g.abbreviations_.push_back(h);
  return g;
}

}  // namespace kg::extractor
