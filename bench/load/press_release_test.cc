#include "bench/load/press_release.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace kg::load {
namespace {

TEST(PressReleaseGeneratorTest, SameNumberAndVersionGiveTheSameText) {
  const PressReleaseGenerator generator;
  EXPECT_EQ(generator.Make(17, 3).text, generator.Make(17, 3).text);
  EXPECT_EQ(generator.Make(17, 3).id, "load-17");
}

TEST(PressReleaseGeneratorTest, NewVersionChangesTheTextButNotTheId) {
  const PressReleaseGenerator generator;
  const PressRelease before = generator.Make(17, 3);
  const PressRelease after = generator.Make(17, 4);
  EXPECT_EQ(before.id, after.id);
  EXPECT_NE(before.text, after.text);
}

TEST(PressReleaseGeneratorTest, TextNamesPeopleFromThePool) {
  const PressReleaseGenerator generator;
  std::set<std::string> people;
  for (uint64_t i = 0; i < PressReleaseGenerator::PersonCount(); ++i) {
    people.insert(generator.PersonName(i));
  }
  EXPECT_EQ(people.size(), PressReleaseGenerator::PersonCount());
  const std::string text = generator.Make(5, 0).text;
  int named = 0;
  for (const std::string& person : people) {
    if (text.find(person) != std::string::npos) ++named;
  }
  EXPECT_GE(named, 1);
  EXPECT_NE(text.find("Operation "), std::string::npos);
}

TEST(PressReleaseGeneratorTest, VersionsVaryTheOperation) {
  const PressReleaseGenerator generator;
  std::set<std::string> texts;
  for (uint64_t version = 0; version < 20; ++version) {
    texts.insert(generator.Make(1, version).text);
  }
  EXPECT_EQ(texts.size(), 20u);
}

}  // namespace
}  // namespace kg::load
