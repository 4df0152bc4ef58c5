#include "extractor_service/pipeline/rule_set.h"

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

const absl::flat_hash_set<std::string> kBuiltins = {"said_colon"};

TEST(RuleSetTest, ParsesPatternAndBuiltinRules) {
  auto set = RuleSet::Parse(R"(
# comment
words heads = head leader
rule leads.head_of
  predicate leads
  confidence 0.7
  pattern [Person:s] , $heads of [Unit:o]
  emit s o
  example + "Ann Lee, head of Dog Unit, spoke." => Ann Lee | leads | Dog Unit
  example - "Ann Lee spoke."
end
rule said.colon
  predicate said
  confidence 0.9
  builtin said_colon
  words reporting = said
  example + "Ann Lee said: \"Yes.\"" => Ann Lee | said | Yes.
end
)", "test", kBuiltins);
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ(set->rules().size(), 2u);
  const RelationRule& r = set->rules()[0];
  EXPECT_EQ(r.id, "leads.head_of");
  EXPECT_FLOAT_EQ(r.confidence, 0.7f);
  EXPECT_TRUE(r.Words("heads").contains("leader"));
  ASSERT_EQ(r.examples.size(), 2u);
  EXPECT_EQ(r.examples[0].value, "Dog Unit");
  EXPECT_FALSE(r.examples[1].positive);
  EXPECT_EQ(set->rules()[1].examples[0].sentence, "Ann Lee said: \"Yes.\"");
  EXPECT_TRUE(set->rules()[1].Words("reporting").contains("said"));
}

TEST(RuleSetTest, PatternsMayUsePartsOfSpeech) {
  auto set = RuleSet::Parse(
      "rule leads.head\n  predicate leads\n"
      "  pattern [Person:s] , <DET>? <ADJ|NOUN>? head of !<VERB> [Unit:o]\n"
      "  emit s o\n"
      "  example + \"Ann Lee, the unit head of Dog Unit\" => Ann Lee | leads | Dog Unit\n"
      "end\n",
      "t", kBuiltins);
  ASSERT_TRUE(set.ok()) << set.status();
  const PatternElement& e = set->rules()[0].pattern.elements()[3];
  EXPECT_EQ(e.kind, PatternElement::kPos);
  EXPECT_EQ(e.pos_tags, PosBit(PosTag::kAdj) | PosBit(PosTag::kNoun));
  EXPECT_TRUE(e.optional);
  auto bad = RuleSet::Parse(
      "rule a\n  predicate p\n  pattern [Person:s] <VRB> [Unit:o]\n", "f.rules",
      kBuiltins);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("f.rules:3: unknown part of speech 'VRB'"),
            std::string::npos)
      << bad.status();
}

TEST(RuleSetTest, ErrorsNameTheLine) {
  auto set = RuleSet::Parse("rule a\n  predicate leads\n  builtin nope\n"
                            "  example + \"x\" => a | b | c\nend\n",
                            "f.rules", kBuiltins);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("f.rules:5"), std::string::npos)
      << set.status();
}

TEST(RuleSetTest, RejectsBadRules) {
  const char* bad[] = {
      "rule a\n predicate p\n builtin said_colon\nend\n",  // no example
      "rule a\n predicate p\n confidence 2\n builtin said_colon\n"
      " example + \"x\" => a | p | b\nend\n",
      "rule a\n predicate p\n pattern $missing\n emit s o\n"
      " example + \"x\" => a | p | b\nend\n",
      "rule a\n predicate p\n pattern [Person:s]\n emit s o\n"
      " example + \"x\" => a | p | b\nend\n",  // unknown slot o
      "rule a\n predicate p\n builtin said_colon\n",  // no end
      "bogus line\n",
  };
  for (const char* text : bad) {
    EXPECT_FALSE(RuleSet::Parse(text, "t", kBuiltins).ok()) << text;
  }
}

TEST(RuleSetTest, KeepOnly) {
  auto set = RuleSet::Parse(
      "rule a\n predicate p\n builtin said_colon\n example + \"x\" => a | p | b\nend\n"
      "rule b\n predicate p\n builtin said_colon\n example + \"x\" => a | p | b\nend\n",
      "t", kBuiltins);
  ASSERT_TRUE(set.ok());
  set->KeepOnly({"b"});
  ASSERT_EQ(set->rules().size(), 1u);
  EXPECT_EQ(set->rules()[0].id, "b");
}

}  // namespace
}  // namespace kg::extractor
