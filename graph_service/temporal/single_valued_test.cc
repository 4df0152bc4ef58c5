#include "graph_service/temporal/single_valued.h"

#include "gtest/gtest.h"

namespace kg::graph {
namespace {

TEST(SingleValuedTest, ParsesDeclarationsAndComments) {
  absl::StatusOr<std::vector<SingleValued>> schema = ParseSingleValued(
      "# ranks\n"
      "has_role per_subject   # one rank\n"
      "\n"
      "leads\tper_value Operation\n"
      "heads per_value\n");
  ASSERT_TRUE(schema.ok()) << schema.status();
  ASSERT_EQ(schema->size(), 3u);
  EXPECT_EQ((*schema)[0].predicate, "has_role");
  EXPECT_FALSE((*schema)[0].per_value);
  EXPECT_TRUE((*schema)[1].per_value);
  EXPECT_EQ((*schema)[1].value_class, "Operation");
  EXPECT_EQ((*schema)[2].value_class, "");
}

TEST(SingleValuedTest, RefusesWhatItCannotRead) {
  for (const char* bad : {"has_role", "has_role per_person",
                          "has_role per_subject Person", "HasRole per_subject",
                          "has_role per_subject\nhas_role per_value",
                          "leads per_value Operation extra"}) {
    absl::StatusOr<std::vector<SingleValued>> schema = ParseSingleValued(bad);
    EXPECT_EQ(schema.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_NE(ParseSingleValued("x\nhas_role").status().message().find("line 1"),
            std::string::npos);
}

TEST(SingleValuedTest, TheShippedSchemaLoads) {
  absl::StatusOr<std::vector<SingleValued>> schema =
      LoadSingleValued("graph_service/temporal/single_valued.schema");
  ASSERT_TRUE(schema.ok()) << schema.status();
  EXPECT_GE(schema->size(), 3u);
  EXPECT_EQ(LoadSingleValued("no/such/file").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kg::graph
