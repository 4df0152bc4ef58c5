// The shipped rule on the seed documents, through both real services:
// "which operations did Jane Connors lead?" is answered by derivation and
// explained down to sentences, and a document ingested, re-ingested and
// deleted leaves the store exactly as it was. Reads the seeds from
// $KG_SHARED_DIR/seeds at run time; skipped when KG_SHARED_DIR is unset.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_services.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;

constexpr char kQuestion[] = "<Jane Connors> leads ?op . ?op type Operation";
constexpr char kReplayed[] = "002_c29683c070cc1435";

struct Seed {
  std::string id;
  std::string text;
};

std::vector<Seed> ReadSeeds(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Seed> seeds;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    seeds.push_back({std::filesystem::path(path).stem(), text.str()});
  }
  return seeds;
}

class SeedRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* shared = std::getenv("KG_SHARED_DIR");
    if (shared == nullptr || *shared == '\0') {
      GTEST_SKIP() << "KG_SHARED_DIR is not set";
    }
    seeds_ = ReadSeeds(std::string(shared) + "/seeds");
    ASSERT_FALSE(seeds_.empty());
  }
  std::vector<Seed> seeds_;
};

TEST_F(SeedRulesTest, JaneConnorsLeadsOperationsByRuleWithExplanation) {
  auto services = GraphServices::Start("seed-rules");
  ASSERT_TRUE(services.ok()) << services.status();
  for (const Seed& seed : seeds_) {
    ASSERT_TRUE((*services)->IngestText(seed.id, seed.text).ok()) << seed.id;
  }
  absl::StatusOr<std::vector<std::string>> rows =
      (*services)->QueryStrings(kQuestion);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_THAT(*rows, ElementsAre("Operation Pandilla", "Operation Sceptre",
                                 "Operation Winter Nights"));
  std::cout << "== " << kQuestion << "\n";
  for (const std::string& op : *rows) {
    absl::StatusOr<kg::v1::Derivation> tree =
        (*services)->Explain(EntityTriple("Jane Connors", "leads", op));
    ASSERT_TRUE(tree.ok()) << tree.status();
    std::cout << FormatDerivation(*tree) << "\n";
    ASSERT_GE(tree->fact().evidence_size(), 1);
    EXPECT_EQ(tree->fact().evidence(0).rule(), "leads_via_crime_area");
    ASSERT_EQ(tree->premises_size(), 4);
    for (const kg::v1::Derivation& premise : tree->premises()) {
      ASSERT_GE(premise.fact().evidence_size(), 1);
      EXPECT_FALSE(premise.fact().evidence(0).sentence().empty());
    }
  }
}

TEST_F(SeedRulesTest, ReingestedTwiceThenDeletedLeavesStoreAsBefore) {
  auto services = GraphServices::Start("seed-replay");
  ASSERT_TRUE(services.ok()) << services.status();
  const Seed* replayed = nullptr;
  for (const Seed& seed : seeds_) {
    if (seed.id == kReplayed) {
      replayed = &seed;
      continue;
    }
    ASSERT_TRUE((*services)->IngestText(seed.id, seed.text).ok()) << seed.id;
  }
  ASSERT_NE(replayed, nullptr);
  const absl::StatusOr<std::string> before = (*services)->Export(kg::v1::JSONL);
  ASSERT_TRUE(before.ok()) << before.status();
  // Ingested, re-ingested unchanged, re-ingested changed (first half only).
  ASSERT_TRUE((*services)->IngestText(replayed->id, replayed->text).ok());
  const absl::StatusOr<std::string> with = (*services)->Export(kg::v1::JSONL);
  ASSERT_TRUE((*services)->IngestText(replayed->id, replayed->text).ok());
  EXPECT_EQ(*(*services)->Export(kg::v1::JSONL), *with);
  const std::string half =
      replayed->text.substr(0, replayed->text.find('\n', replayed->text.size() / 2));
  ASSERT_TRUE((*services)->IngestText(replayed->id, half).ok());
  kg::v1::DeleteDocumentRequest request;
  request.set_document_id(replayed->id);
  kg::v1::DeleteDocumentResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE((*services)->graph().DeleteDocument(&context, request, &response).ok());
  const absl::StatusOr<std::string> after = (*services)->Export(kg::v1::JSONL);
  ASSERT_TRUE(after.ok());
  const auto lines = [](const std::string& s) {
    return std::vector<std::string>(absl::StrSplit(s, '\n', absl::SkipEmpty())).size();
  };
  std::cout << "export before: " << lines(*before) << " facts, " << before->size()
            << " bytes; with " << kReplayed << ": " << lines(*with)
            << " facts; after re-ingest x2 + delete: " << lines(*after)
            << " facts, " << after->size() << " bytes; identical: "
            << (*after == *before ? "yes" : "NO") << "\n";
  EXPECT_GT(lines(*with), lines(*before));
  EXPECT_EQ(*after, *before);
}

}  // namespace
}  // namespace kg::testing
