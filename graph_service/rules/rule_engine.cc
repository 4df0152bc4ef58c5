#include "graph_service/rules/rule_engine.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kg::graph::rules {
namespace {

// A value as a map key; the kind is part of it.
std::string ValueKey(const kg::v1::Value& v) {
  switch (v.kind_case()) {
    case kg::v1::Value::kEntity:
      return "e" + v.entity();
    case kg::v1::Value::kText:
      return "t" + v.text();
    case kg::v1::Value::kInteger:
      return absl::StrCat("i", v.integer());
    case kg::v1::Value::kDecimal:
      return "d" + v.decimal();
    case kg::v1::Value::kDate:
      return "D" + v.date();
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string TripleKey(const kg::v1::Triple& t) {
  return absl::StrCat(t.subject().size(), ":", t.subject(), t.predicate().size(),
                      ":", t.predicate(), ValueKey(t.value()));
}

struct WorkingFact {
  kg::v1::Triple triple;
  float confidence = 0;
};

// The facts rules run over: deduplicated, indexed by predicate, in a
// deterministic order (sorted by key).
struct WorkingSet {
  std::map<std::string, WorkingFact> facts;
  std::map<std::string, std::vector<const WorkingFact*>> by_predicate;

  void Add(const kg::v1::Triple& triple, float confidence) {
    auto [it, inserted] = facts.try_emplace(TripleKey(triple));
    if (inserted) it->second.triple = triple;
    it->second.confidence = std::max(it->second.confidence, confidence);
  }
  void Reindex() {
    by_predicate.clear();
    for (const auto& [key, fact] : facts) {
      by_predicate[fact.triple.predicate()].push_back(&fact);
    }
  }
};

using Bindings = std::map<std::string, kg::v1::Value>;

// Unifies `term` with `value`; binds a free variable.
bool Unify(const RuleTerm& term, const kg::v1::Value& value, Bindings& b,
           std::vector<std::string>& bound_here) {
  if (!term.is_variable) return ValueKey(term.constant) == ValueKey(value);
  auto it = b.find(term.variable);
  if (it != b.end()) return ValueKey(it->second) == ValueKey(value);
  b.emplace(term.variable, value);
  bound_here.push_back(term.variable);
  return true;
}

kg::v1::Value Resolve(const RuleTerm& term, const Bindings& b) {
  return term.is_variable ? b.at(term.variable) : term.constant;
}

// One candidate derivation.
struct Candidate {
  kg::v1::Triple head;
  std::vector<kg::v1::Triple> premises;
  float confidence = 1;
  std::string premise_key;  // For deterministic tie-breaking.
};

// (fact key, rule id) -> derivation.
using DerivationMap = std::map<std::pair<std::string, std::string>, Candidate>;

// Matches one rule's body against a working set by backtracking, offering
// each complete match as a candidate for `fresh`.
class RuleMatcher {
 public:
  RuleMatcher(const Rule& rule, const WorkingSet& working,
              const DerivationMap& derived, uint64_t* matches,
              uint64_t max_matches, DerivationMap* fresh)
      : rule_(rule), working_(working), derived_(derived), matches_(matches),
        max_matches_(max_matches), fresh_(fresh) {}

  absl::Status Run() {
    Match(0);
    return status_;
  }

 private:
  void Match(size_t i) {
    if (!status_.ok()) return;
    if (i == rule_.body.size()) return Offer();
    const RulePattern& p = rule_.body[i];
    auto candidates = working_.by_predicate.find(p.predicate);
    if (candidates == working_.by_predicate.end()) return;
    for (const WorkingFact* fact : candidates->second) {
      if (++*matches_ > max_matches_) {
        status_ = absl::ResourceExhaustedError(
            absl::StrCat("rules tried more than ", max_matches_, " matches"));
        return;
      }
      kg::v1::Value subject;
      subject.set_entity(fact->triple.subject());
      std::vector<std::string> bound_here;
      if (Unify(p.subject, subject, bindings_, bound_here) &&
          Unify(p.value, fact->triple.value(), bindings_, bound_here)) {
        premises_.push_back(fact->triple);
        const float saved = confidence_;
        confidence_ *= fact->confidence;
        Match(i + 1);
        confidence_ = saved;
        premises_.pop_back();
      }
      for (const std::string& v : bound_here) bindings_.erase(v);
    }
  }

  // Keeps the best candidate per (fact, rule) among those not yet derived.
  void Offer() {
    Candidate c;
    c.head.set_subject(Resolve(rule_.head.subject, bindings_).entity());
    c.head.set_predicate(rule_.head.predicate);
    *c.head.mutable_value() = Resolve(rule_.head.value, bindings_);
    if (c.head.subject().empty()) return;  // The subject must be an entity.
    const auto key = std::make_pair(TripleKey(c.head), rule_.id);
    if (derived_.count(key) > 0) return;
    c.premises = premises_;
    c.confidence = confidence_;
    for (const kg::v1::Triple& p : premises_) c.premise_key += TripleKey(p) + "\n";
    auto it = fresh_->find(key);
    if (it == fresh_->end()) {
      fresh_->emplace(key, std::move(c));
    } else if (c.confidence > it->second.confidence ||
               (c.confidence == it->second.confidence &&
                c.premise_key < it->second.premise_key)) {
      it->second = std::move(c);
    }
  }

  const Rule& rule_;
  const WorkingSet& working_;
  const DerivationMap& derived_;
  uint64_t* matches_;
  const uint64_t max_matches_;
  DerivationMap* fresh_;
  Bindings bindings_;
  std::vector<kg::v1::Triple> premises_;
  float confidence_ = 1;
  absl::Status status_;
};

kg::v1::Fact ToFact(absl::string_view document_id,
                    const std::string& reported_date, const std::string& rule_id,
                    Candidate& c) {
  kg::v1::Fact fact;
  fact.set_subject(c.head.subject());
  fact.set_predicate(c.head.predicate());
  *fact.mutable_value() = c.head.value();
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(std::string(document_id));
  e->set_rule(rule_id);
  e->set_confidence(c.confidence);
  e->set_reported_date(reported_date);
  for (kg::v1::Triple& p : c.premises) *e->add_premises() = std::move(p);
  return fact;
}

}  // namespace

bool IsDerived(const kg::v1::Evidence& e) { return e.premises_size() > 0; }

RuleEngine::RuleEngine(std::vector<Rule> rules, const RuleEngineLimits& limits)
    : rules_(std::move(rules)), limits_(limits) {
  for (const Rule& rule : rules_) {
    for (const RulePattern& pattern : rule.body) {
      body_predicates_.insert(pattern.predicate);
    }
  }
}

absl::StatusOr<std::vector<kg::v1::Fact>> RuleEngine::Derive(
    absl::string_view document_id,
    const std::vector<kg::v1::Fact>& facts) const {
  std::vector<kg::v1::Fact> out;
  if (rules_.empty()) return out;
  WorkingSet working;
  // The document's report date, carried to what is derived from it.
  std::string reported_date;
  for (const kg::v1::Fact& fact : facts) {
    kg::v1::Triple triple;
    triple.set_subject(fact.subject());
    triple.set_predicate(fact.predicate());
    *triple.mutable_value() = fact.value();
    for (const kg::v1::Evidence& e : fact.evidence()) {
      if (IsDerived(e)) continue;
      working.Add(triple, e.confidence());
      reported_date = std::max(reported_date, e.reported_date());
    }
  }
  // Fixed once found: later rounds do not revisit a (fact, rule) pair.
  DerivationMap derived;
  uint64_t matches = 0;
  for (int round = 0; round < limits_.max_rounds; ++round) {
    working.Reindex();
    DerivationMap fresh;
    for (const Rule& rule : rules_) {
      const absl::Status status =
          RuleMatcher(rule, working, derived, &matches, limits_.max_matches,
                      &fresh)
              .Run();
      if (!status.ok()) {
        return absl::Status(status.code(), absl::StrCat(status.message(),
                                                        " on document ",
                                                        document_id));
      }
    }
    if (fresh.empty()) break;
    for (auto& [key, c] : fresh) {
      working.Add(c.head, c.confidence);
      derived.emplace(key, std::move(c));
    }
    if (derived.size() > limits_.max_derived) {
      return absl::ResourceExhaustedError(
          absl::StrCat("rules derived more than ", limits_.max_derived,
                       " facts from document ", document_id));
    }
  }
  for (auto& [key, c] : derived) {
    out.push_back(ToFact(document_id, reported_date, key.second, c));
  }
  return out;
}

}  // namespace kg::graph::rules
