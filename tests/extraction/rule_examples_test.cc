// Runs the examples of every rule in the shipped rules file: each rule runs
// alone; a positive example must yield its fact with the rule's id in the
// evidence, a negative one must yield no fact from the rule.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "extractor_service/pipeline/builtin_matchers.h"
#include "extractor_service/pipeline/extractor.h"
#include "extractor_service/pipeline/rule_set.h"
#include "gtest/gtest.h"

namespace kg::testing {
namespace {

using kg::extractor::RelationRule;
using kg::extractor::RuleExample;

std::string Runfiles(const std::string& path) {
  return std::string(std::getenv("TEST_SRCDIR")) + "/kg/" + path;
}

std::string ValueText(const kg::v1::Fact& f) {
  return f.value().has_entity() ? f.value().entity() : f.value().text();
}

bool FromRule(const kg::v1::Fact& f, const std::string& rule) {
  for (const kg::v1::Evidence& e : f.evidence()) {
    if (e.rule() == rule) return true;
  }
  return false;
}

// Empty when the example holds, else what went wrong.
std::string Check(const RelationRule& rule, const RuleExample& ex,
                  const std::vector<kg::v1::Fact>& facts) {
  std::string from_rule;
  for (const kg::v1::Fact& f : facts) {
    if (!FromRule(f, rule.id)) continue;
    const std::string row = f.subject() + " | " + f.predicate() + " | " + ValueText(f);
    if (ex.positive && f.subject() == ex.subject && f.predicate() == ex.predicate &&
        ValueText(f) == ex.value) {
      return "";
    }
    from_rule += "\n    got: " + row;
  }
  if (!ex.positive && from_rule.empty()) return "";
  return (ex.positive ? "missing " + ex.subject + " | " + ex.predicate + " | " + ex.value
                      : std::string("unexpected facts")) + from_rule;
}

TEST(RuleExamplesTest, EveryShippedRuleMatchesItsExamples) {
  const std::string rules_file = Runfiles("extractor_service/rules/relations.rules");
  auto rules = kg::extractor::RuleSet::Load(
      rules_file, kg::extractor::BuiltinMatcherNames());
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_GE(rules->rules().size(), 20u);
  int passed = 0, total = 0;
  for (const RelationRule& rule : rules->rules()) {
    kg::extractor::ExtractorOptions options;
    options.data_dir = Runfiles("extractor_service/data");
    options.rules_file = rules_file;
    options.enabled_rules = {rule.id};
    auto extractor = kg::extractor::Extractor::Create(options);
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    int n = 0;
    for (const RuleExample& ex : rule.examples) {
      kg::v1::Document doc;
      doc.set_id(rule.id + "#" + std::to_string(n++));
      doc.set_text(ex.sentence);
      auto facts = (*extractor)->Extract(doc);
      ASSERT_TRUE(facts.ok()) << facts.status();
      const std::string problem = Check(rule, ex, *facts);
      ++total;
      passed += problem.empty();
      std::printf("%s %-36s %s \"%s\"\n", problem.empty() ? "ok  " : "FAIL",
                  rule.id.c_str(), ex.positive ? "+" : "-", ex.sentence.c_str());
      EXPECT_TRUE(problem.empty())
          << rule.id << " (line " << rule.line << ") " << (ex.positive ? "+" : "-")
          << " \"" << ex.sentence << "\": " << problem;
    }
  }
  std::printf("{\"rules\":%zu,\"examples\":%d,\"passed\":%d}\n",
              rules->rules().size(), total, passed);
}

}  // namespace
}  // namespace kg::testing
