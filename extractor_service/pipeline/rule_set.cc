#include "extractor_service/pipeline/rule_set.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kg::extractor {
namespace {

using WordLists =
    absl::flat_hash_map<std::string, std::shared_ptr<const WordList>>;

// "NAME = w1 w2 ..." -> the list, stored under NAME.
absl::Status ParseWords(absl::string_view rest, WordLists* lists) {
  const size_t eq = rest.find('=');
  if (eq == absl::string_view::npos) {
    return absl::InvalidArgumentError("expected 'words NAME = word ...'");
  }
  const std::string name(absl::StripAsciiWhitespace(rest.substr(0, eq)));
  auto list = std::make_shared<WordList>();
  for (absl::string_view w :
       absl::StrSplit(rest.substr(eq + 1), ' ', absl::SkipEmpty())) {
    list->insert(absl::AsciiStrToLower(w));
  }
  if (name.empty() || list->empty()) {
    return absl::InvalidArgumentError("empty word list or name");
  }
  (*lists)[name] = std::move(list);
  return absl::OkStatus();
}

// '+ "sentence" => s | p | o' or '- "sentence"'.
absl::StatusOr<RuleExample> ParseExample(absl::string_view rest) {
  RuleExample ex;
  if (rest.empty() || (rest[0] != '+' && rest[0] != '-')) {
    return absl::InvalidArgumentError("example must start with + or -");
  }
  ex.positive = rest[0] == '+';
  rest = absl::StripAsciiWhitespace(rest.substr(1));
  absl::string_view tail;
  if (ex.positive) {
    const size_t arrow = rest.rfind("=>");
    if (arrow == absl::string_view::npos) {
      return absl::InvalidArgumentError("positive example needs '=> s | p | o'");
    }
    tail = rest.substr(arrow + 2);
    rest = absl::StripAsciiWhitespace(rest.substr(0, arrow));
  }
  if (rest.size() < 2 || rest.front() != '"' || rest.back() != '"') {
    return absl::InvalidArgumentError("example sentence must be in quotes");
  }
  std::string error;
  if (!absl::CUnescape(rest.substr(1, rest.size() - 2), &ex.sentence, &error)) {
    return absl::InvalidArgumentError(absl::StrCat("bad escape: ", error));
  }
  if (!ex.positive) return ex;
  std::vector<std::string> parts = absl::StrSplit(tail, '|');
  if (parts.size() != 3) return absl::InvalidArgumentError("expected s | p | o");
  for (std::string& p : parts) p = std::string(absl::StripAsciiWhitespace(p));
  ex.subject = parts[0];
  ex.predicate = parts[1];
  ex.value = parts[2];
  return ex;
}

absl::Status ResolvePattern(RelationRule* rule, const WordLists& global) {
  for (PatternElement& e : rule->pattern.elements()) {
    if (e.kind != PatternElement::kList) continue;
    auto it = rule->words.find(e.name);
    if (it == rule->words.end()) {
      auto g = global.find(e.name);
      if (g == global.end()) {
        return absl::InvalidArgumentError(absl::StrCat("unknown word list $", e.name));
      }
      it = rule->words.emplace(e.name, g->second).first;
    }
    e.list = it->second.get();
  }
  for (const std::string* slot : {&rule->emit_subject, &rule->emit_value}) {
    if (*slot != "@force" && !rule->pattern.HasSlot(*slot)) {
      return absl::InvalidArgumentError(absl::StrCat("emit names unknown slot '", *slot, "'"));
    }
  }
  return absl::OkStatus();
}

absl::Status FinishRule(RelationRule* rule, const WordLists& global,
                        const absl::flat_hash_set<std::string>& builtins) {
  if (rule->predicate.empty()) return absl::InvalidArgumentError("rule has no predicate");
  if (!(rule->confidence > 0.0f && rule->confidence <= 1.0f)) {
    return absl::InvalidArgumentError("confidence must be in (0, 1]");
  }
  bool has_positive = false;
  for (const RuleExample& e : rule->examples) has_positive |= e.positive;
  if (!has_positive) return absl::InvalidArgumentError("rule has no positive example");
  for (const auto& [name, list] : global) rule->words.emplace(name, list);
  if (!rule->builtin.empty()) {
    if (!builtins.contains(rule->builtin)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown builtin '", rule->builtin, "'"));
    }
    return absl::OkStatus();
  }
  if (rule->pattern.elements().empty()) {
    return absl::InvalidArgumentError("rule has neither pattern nor builtin");
  }
  if (rule->emit_subject.empty()) return absl::InvalidArgumentError("pattern rule has no emit");
  return ResolvePattern(rule, global);
}

// Applies one "key value" line inside a rule.
absl::Status ParseRuleLine(absl::string_view key, absl::string_view rest,
                           RelationRule* rule) {
  if (key == "predicate") {
    rule->predicate = std::string(rest);
  } else if (key == "confidence") {
    if (!absl::SimpleAtof(rest, &rule->confidence)) {
      return absl::InvalidArgumentError("bad confidence");
    }
  } else if (key == "builtin") {
    rule->builtin = std::string(rest);
  } else if (key == "pattern") {
    absl::StatusOr<TokenPattern> p = TokenPattern::Parse(rest);
    if (!p.ok()) return p.status();
    rule->pattern = *std::move(p);
  } else if (key == "emit") {
    std::vector<std::string> parts = absl::StrSplit(rest, ' ', absl::SkipEmpty());
    if (parts.size() != 2) return absl::InvalidArgumentError("expected 'emit SUBJECT VALUE'");
    rule->emit_subject = parts[0];
    rule->emit_value = parts[1];
  } else if (key == "words") {
    WordLists local;
    if (absl::Status s = ParseWords(rest, &local); !s.ok()) return s;
    for (auto& [name, list] : local) rule->words[name] = std::move(list);
  } else if (key == "example") {
    absl::StatusOr<RuleExample> ex = ParseExample(rest);
    if (!ex.ok()) return ex.status();
    rule->examples.push_back(*std::move(ex));
  } else {
    return absl::InvalidArgumentError(absl::StrCat("unknown key '", key, "'"));
  }
  return absl::OkStatus();
}

}  // namespace

const WordList& RelationRule::Words(absl::string_view name) const {
  static const WordList* empty = new WordList();
  auto it = words.find(name);
  return it == words.end() ? *empty : *it->second;
}

absl::StatusOr<RuleSet> RuleSet::Parse(
    absl::string_view text, absl::string_view source,
    const absl::flat_hash_set<std::string>& builtins) {
  RuleSet set;
  WordLists global;
  absl::flat_hash_set<std::string> ids;
  bool in_rule = false;
  int line_no = 0;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_no;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    const size_t sp = line.find_first_of(" \t");
    const absl::string_view key = line.substr(0, sp);
    const absl::string_view rest = sp == absl::string_view::npos
                                      ? absl::string_view()
                                      : absl::StripAsciiWhitespace(line.substr(sp));
    absl::Status status;
    if (!in_rule && key == "words") {
      status = ParseWords(rest, &global);
    } else if (!in_rule && key == "rule") {
      if (rest.empty() || !ids.insert(std::string(rest)).second) {
        status = absl::InvalidArgumentError("missing or duplicate rule id");
      }
      set.rules_.emplace_back();
      set.rules_.back().id = std::string(rest);
      set.rules_.back().line = line_no;
      in_rule = true;
    } else if (in_rule && key == "end") {
      status = FinishRule(&set.rules_.back(), global, builtins);
      in_rule = false;
    } else if (in_rule) {
      status = ParseRuleLine(key, rest, &set.rules_.back());
    } else {
      status = absl::InvalidArgumentError(absl::StrCat("unexpected '", key, "'"));
    }
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", line_no, ": ", status.message()));
    }
  }
  if (in_rule) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": rule without 'end'"));
  }
  return set;
}

absl::StatusOr<RuleSet> RuleSet::Load(
    const std::string& path, const absl::flat_hash_set<std::string>& builtins) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read rules file ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path, builtins);
}

void RuleSet::KeepOnly(const std::vector<std::string>& ids) {
  std::vector<RelationRule> kept;
  for (RelationRule& r : rules_) {
    for (const std::string& id : ids) {
      if (r.id == id) {
        kept.push_back(std::move(r));
        break;
      }
    }
  }
  rules_ = std::move(kept);
}

}  // namespace kg::extractor
