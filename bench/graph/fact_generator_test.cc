#include "bench/graph/fact_generator.h"

#include <set>
#include <string>

#include "bench/graph/fact_formats.h"
#include "bench/graph/query_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::bench {
namespace {

GeneratorOptions SmallOptions() {
  GeneratorOptions options;
  options.entities = 2000;
  options.facts = 5000;
  options.documents = 250;
  return options;
}

TEST(FactGeneratorTest, SameOptionsSameDocuments) {
  FactGenerator a(SmallOptions());
  FactGenerator b(SmallOptions());
  for (uint32_t i : {0u, 17u, 249u}) {
    GeneratedDocument da = a.Document(i);
    GeneratedDocument db = b.Document(i);
    ASSERT_EQ(da.facts.size(), db.facts.size());
    for (size_t f = 0; f < da.facts.size(); ++f) {
      EXPECT_EQ(da.facts[f].SerializeAsString(),
                db.facts[f].SerializeAsString());
    }
  }
}

TEST(FactGeneratorTest, BudgetPredicatesAndEvidence) {
  FactGenerator generator(SmallOptions());
  uint64_t total = 0;
  std::set<std::string> predicates;
  generator.ForEachDocument([&](const GeneratedDocument& doc) {
    total += doc.facts.size();
    for (const auto& fact : doc.facts) {
      predicates.insert(fact.predicate());
      EXPECT_EQ(fact.evidence_size(), 1);
      EXPECT_EQ(fact.evidence(0).document_id(), doc.id);
      EXPECT_LT(fact.evidence(0).begin(), fact.evidence(0).end());
    }
    return true;
  });
  EXPECT_EQ(total, 5000u);
  EXPECT_THAT(predicates,
              testing::UnorderedElementsAre(
                  "type", "alias", "has_role", "member_of", "leads", "part_of",
                  "located_in", "operates_in", "targets", "said", "started_on",
                  "arrests"));
}

TEST(FactGeneratorTest, NamesAreUniqueAndSafe) {
  FactGenerator generator(SmallOptions());
  std::set<std::string> names;
  for (uint32_t id = 0; id < 2000; ++id) {
    const std::string name = generator.EntityName(id);
    EXPECT_EQ(name.find_first_of(",\t\"\\"), std::string::npos) << name;
    EXPECT_TRUE(names.insert(name).second) << name;
  }
}

TEST(FactFormatsTest, NTriplesAndTermKeys) {
  kg::v1::Fact fact;
  fact.set_subject("Ada Kalo");
  fact.set_predicate("arrests");
  fact.mutable_value()->set_integer(42);
  EXPECT_EQ(NTriplesLine(fact),
            "<urn:kg:entity:Ada%20Kalo> <urn:kg:predicate:arrests> "
            "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  EXPECT_EQ(TermKey(fact.value()), "i:42");
  fact.mutable_value()->set_text("say \"hi\"");
  EXPECT_EQ(NTriplesLine(fact),
            "<urn:kg:entity:Ada%20Kalo> <urn:kg:predicate:arrests> "
            "\"say \\\"hi\\\"\" .\n");
}

TEST(QuerySetTest, SamplesEveryShapeAndFormatsKgQueries) {
  FactGenerator generator(SmallOptions());
  QuerySampler sampler(1, 10);
  generator.ForEachDocument([&](const GeneratedDocument& doc) {
    for (const auto& fact : doc.facts) sampler.Observe(fact);
    return true;
  });
  std::vector<BenchQuery> queries = sampler.Queries();
  ASSERT_EQ(queries.size(), 40u);
  EXPECT_EQ(queries[10].shape, QueryShape::kPredValue);
  EXPECT_EQ(ToKgQuery({QueryShape::kJoin, "Ada Kalo", ""}),
            "<Ada Kalo> leads ?y . ?y type Operation");
}

}  // namespace
}  // namespace kg::bench
