#include "tests/extraction/gold_scorer.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "tests/extraction/json_lite.h"

namespace kg::testing {
namespace {

std::string Key(const std::string& s, const std::string& p, bool entity,
                const std::string& o) {
  return absl::StrCat(Straight(s), "\x1f", p, "\x1f", entity ? "E" : "T", "\x1f",
                      Straight(o));
}

std::string Show(const std::string& doc, const std::string& s,
                 const std::string& p, const std::string& o, bool entity) {
  return absl::StrCat(doc, ": (", s, ", ", p, ", ", entity ? "" : "\"", o,
                      entity ? "" : "\"", ")");
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lower-case ASCII letter and digit runs of `text`.
std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      word += absl::ascii_tolower(static_cast<unsigned char>(c));
    } else if (!word.empty()) {
      out.insert(word);
      word.clear();
    }
  }
  return out;
}

}  // namespace

std::string Straight(const std::string& text) {
  return absl::StrReplaceAll(text, {{"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"},
                                    {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}});
}

bool SameQuotation(const std::string& a, const std::string& b) {
  const std::set<std::string> wa = Words(a), wb = Words(b);
  if (wa.empty() || wb.empty()) return false;
  size_t shared = 0;
  for (const std::string& w : wa) shared += wb.count(w);
  return shared * 10 >= std::min(wa.size(), wb.size()) * 6;
}

absl::StatusOr<std::vector<GoldFact>> ParseGold(const std::string& jsonl) {
  std::vector<GoldFact> out;
  std::istringstream in(jsonl);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    JsonValue v;
    if (!ParseJson(line, &v) || v.type != JsonValue::kObject) {
      return absl::InvalidArgumentError(
          absl::StrCat("gold line ", line_no, ": malformed JSON"));
    }
    if (v.Get("kind").str != "fact") continue;
    GoldFact f;
    f.s = v.Get("s").str;
    f.p = v.Get("p").str;
    f.o = v.Get("o").str;
    f.o_is_entity = v.Get("o_is_entity").boolean;
    for (const JsonValue& alt : v.Get("o_alt").items) f.o_alt.push_back(alt.str);
    out.push_back(std::move(f));
  }
  return out;
}

void ScoreDocument(const std::string& doc_id, const std::vector<GoldFact>& gold,
                   const std::vector<kg::v1::Fact>& predicted,
                   ScoreReport* report) {
  // Distinct gold facts and the keys that satisfy each.
  std::map<std::string, const GoldFact*> gold_by_key;
  for (const GoldFact& g : gold) {
    gold_by_key.emplace(Key(g.s, g.p, g.o_is_entity, g.o), &g);
  }
  std::map<std::string, std::string> accept;  // accepted key -> gold key
  for (const auto& [key, g] : gold_by_key) {
    accept.emplace(key, key);
    // o_alt names an alternative value ("Unit" for "Organization") or, on
    // facts whose value is unambiguous, an alternative subject name.
    for (const std::string& alt : g->o_alt) {
      accept.emplace(Key(g->s, g->p, g->o_is_entity, alt), key);
      accept.emplace(Key(alt, g->p, g->o_is_entity, g->o), key);
    }
  }
  std::set<std::string> pred_keys, found;
  for (const kg::v1::Fact& f : predicted) {
    const bool entity = f.value().kind_case() == kg::v1::Value::kEntity;
    const std::string& o = entity ? f.value().entity() : f.value().text();
    const std::string key = Key(f.subject(), f.predicate(), entity, o);
    if (!pred_keys.insert(key).second) continue;
    PredicateScore& ps = report->by_predicate[f.predicate()];
    ++ps.predicted;
    ++report->total.predicted;
    auto it = accept.find(key);
    bool correct = it != accept.end();
    if (correct) found.insert(it->second);
    if (!correct && f.predicate() == "said" && !entity) {
      for (const auto& [gold_key, g] : gold_by_key) {
        if (g->p == "said" && g->s == f.subject() && SameQuotation(o, g->o)) {
          correct = true;
          found.insert(gold_key);
        }
      }
    }
    if (correct) {
      ++ps.correct;
      ++report->total.correct;
    } else {
      report->spurious.push_back(Show(doc_id, f.subject(), f.predicate(), o, entity));
    }
  }
  for (const auto& [key, g] : gold_by_key) {
    PredicateScore& ps = report->by_predicate[g->p];
    ++ps.gold;
    ++report->total.gold;
    if (found.count(key)) {
      ++ps.found;
      ++report->total.found;
    } else {
      report->missed.push_back(Show(doc_id, g->s, g->p, g->o, g->o_is_entity));
    }
  }
}

absl::StatusOr<ScoreReport> ScoreSeeds(const std::string& shared_dir,
                                       const kg::extractor::Extractor& extractor) {
  const std::string seeds = shared_dir + "/seeds";
  DIR* dir = opendir(seeds.c_str());
  if (dir == nullptr) return absl::NotFoundError(absl::StrCat("cannot list ", seeds));
  std::vector<std::string> names;
  while (dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
      names.push_back(name.substr(0, name.size() - 4));
    }
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  ScoreReport report;
  for (const std::string& name : names) {
    absl::StatusOr<std::string> text = ReadFile(seeds + "/" + name + ".txt");
    if (!text.ok()) return text.status();
    absl::StatusOr<std::string> gold_text =
        ReadFile(shared_dir + "/gold/" + name + ".jsonl");
    if (!gold_text.ok()) return gold_text.status();
    absl::StatusOr<std::vector<GoldFact>> gold = ParseGold(*gold_text);
    if (!gold.ok()) return gold.status();
    kg::v1::Document doc;
    doc.set_id(name);
    doc.set_text(*text);
    absl::StatusOr<std::vector<kg::v1::Fact>> facts = extractor.Extract(doc);
    if (!facts.ok()) return facts.status();
    ScoreDocument(name, *gold, *facts, &report);
  }
  return report;
}

std::string FormatTable(const ScoreReport& report) {
  std::string out = absl::StrFormat("%-12s %5s %5s %5s %5s %6s %6s %6s\n",
                                    "predicate", "gold", "found", "pred",
                                    "corr", "P", "R", "F1");
  auto row = [&](const std::string& name, const PredicateScore& s) {
    absl::StrAppendFormat(&out, "%-12s %5d %5d %5d %5d %6.3f %6.3f %6.3f\n",
                          name, s.gold, s.found, s.predicted, s.correct,
                          s.Precision(), s.Recall(), s.F1());
  };
  for (const auto& [name, s] : report.by_predicate) row(name, s);
  row("TOTAL", report.total);
  return out;
}

std::string FormatJson(const ScoreReport& report) {
  auto obj = [](const PredicateScore& s) {
    return absl::StrFormat(
        "{\"gold\":%d,\"found\":%d,\"predicted\":%d,\"correct\":%d,"
        "\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f}",
        s.gold, s.found, s.predicted, s.correct, s.Precision(), s.Recall(),
        s.F1());
  };
  std::string out = "{\"predicates\":{";
  bool first = true;
  for (const auto& [name, s] : report.by_predicate) {
    absl::StrAppend(&out, first ? "" : ",", "\"", name, "\":", obj(s));
    first = false;
  }
  absl::StrAppend(&out, "},\"total\":", obj(report.total), "}");
  return out;
}

}  // namespace kg::testing
