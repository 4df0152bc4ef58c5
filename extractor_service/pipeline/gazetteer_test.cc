#include "extractor_service/pipeline/gazetteer.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

std::string DataDir() {
  return std::string(std::getenv("TEST_SRCDIR")) + "/kg/extractor_service/data";
}

TEST(PhraseTableTest, FindsLongestMatch) {
  PhraseTable table(true);
  table.Add("Det Supt", {"Detective Superintendent", ""});
  table.Add("Supt", {"Superintendent", ""});
  const TokenizedString tokenized("Det Supt Amy Shaw");
  const std::vector<Token>& toks = tokenized.tokens();
  PhraseTable::Match m = table.LongestAt(toks, 0, toks.size());
  ASSERT_EQ(m.length, 2);
  EXPECT_EQ(m.entry->canonical, "Detective Superintendent");
  EXPECT_EQ(table.LongestAt(toks, 1, toks.size()).length, 1);
  EXPECT_EQ(table.LongestAt(toks, 2, toks.size()).length, 0);
}

TEST(PhraseTableTest, CaseInsensitiveTable) {
  PhraseTable table(false);
  table.Add("knife crime", {"knife crime", ""});
  const TokenizedString tokenized("Knife Crime fell");
  const std::vector<Token>& toks = tokenized.tokens();
  EXPECT_EQ(table.LongestAt(toks, 0, toks.size()).length, 2);
  EXPECT_EQ(table.LongestAt(toks, 0, 1).length, 0);  // limit respected
}

TEST(GazetteerTest, LoadsShippedData) {
  absl::StatusOr<Gazetteer> g = Gazetteer::Load(DataDir());
  ASSERT_TRUE(g.ok()) << g.status();
  TokenizedString tokenized("DCI GMP antisocial behaviour Salford");
  const std::vector<Token>& toks = tokenized.tokens();
  EXPECT_EQ(g->ranks().LongestAt(toks, 0, 5).entry->canonical,
            "Detective Chief Inspector");
  EXPECT_EQ(g->organisations().LongestAt(toks, 1, 5).entry->canonical,
            "Greater Manchester Police");
  EXPECT_EQ(g->crime_types().LongestAt(toks, 2, 5).entry->canonical,
            "anti-social behaviour");
  EXPECT_EQ(g->places().LongestAt(toks, 4, 5).entry->extra, "Greater Manchester");
  // Annotated tokens give the same answers through their word ids.
  g->Annotate(&tokenized.mutable_tokens());
  EXPECT_GE(toks[0].text_id, 0);
  EXPECT_EQ(g->ranks().LongestAt(toks, 0, 5).entry->canonical,
            "Detective Chief Inspector");
  EXPECT_EQ(g->organisations().LongestAt(toks, 1, 5).length, 1);
  EXPECT_EQ(g->crime_types().LongestAt(toks, 2, 5).entry->canonical,
            "anti-social behaviour");
  EXPECT_EQ(g->places().LongestAt(toks, 0, 5).length, 0);
  EXPECT_FALSE(g->IsHonorific(toks[0]));
  EXPECT_TRUE(g->IsHonorific("Dame"));
  EXPECT_EQ(g->HeadClass("squad"), "Unit");
  EXPECT_EQ(g->HeadClass("officer"), "");
}

TEST(GazetteerTest, ProgrammesMatchWithoutTheirArticle) {
  absl::StatusOr<Gazetteer> g = Gazetteer::Load(DataDir());
  ASSERT_TRUE(g.ok()) << g.status();
  TokenizedString with("A New Met for London"), without("New Met for London plan");
  PhraseTable::Match m = g->programmes().LongestAt(with.tokens(), 0, 5);
  ASSERT_EQ(m.length, 5);
  EXPECT_EQ(m.entry->canonical, "A New Met for London");
  m = g->programmes().LongestAt(without.tokens(), 0, 5);
  ASSERT_EQ(m.length, 4);
  EXPECT_EQ(m.entry->canonical, "A New Met for London");
  TokenizedString prevent("Prevent");
  m = g->programmes().LongestAt(prevent.tokens(), 0, 1);
  ASSERT_EQ(m.length, 1);
  EXPECT_EQ(m.entry->extra, "headed");
  TokenizedString byline("POSTED BY Jo Bell");
  EXPECT_EQ(g->bylines().LongestAt(byline.tokens(), 0, 4).length, 2);
}

TEST(GazetteerTest, LexiconGivesTagsMostFrequentFirst) {
  absl::StatusOr<Gazetteer> g = Gazetteer::Load(DataDir());
  ASSERT_TRUE(g.ok()) << g.status();
  const LexiconEntry& police = g->Lexicon("police");
  EXPECT_EQ(police.ranked[0], PosTag::kNoun);
  EXPECT_EQ(police.ranked[1], PosTag::kVerb);
  EXPECT_EQ(g->Lexicon("arrested").ranked[0], PosTag::kVerb);  // inflection
  EXPECT_EQ(g->Lexicon("ran").ranked[0], PosTag::kVerb);       // exception list
  EXPECT_EQ(g->Lexicon("the").tags, PosBit(PosTag::kDet));      // closed class
  EXPECT_EQ(g->Lexicon("xyzzy").tags, 0);
  TokenizedString tokenized("Police");
  g->Annotate(&tokenized.mutable_tokens());
  EXPECT_EQ(g->Lexicon(tokenized.tokens()[0]).ranked[0], PosTag::kNoun);
}

TEST(GazetteerTest, MissingDirectoryIsNotFound) {
  absl::StatusOr<Gazetteer> g = Gazetteer::Load("/nonexistent/kg-data");
  EXPECT_EQ(g.status().code(), absl::StatusCode::kNotFound);
}

// Copies the shipped data files but `skip` into a fresh folder.
std::string CopyData(const std::string& name, const std::string& skip) {
  const std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
  std::filesystem::create_directories(dir);
  for (const char* f : {"ranks.tsv", "titles.tsv", "honorifics.txt",
                        "crime_types.tsv", "organisations.tsv", "places.tsv",
                        "first_names.txt", "head_words.tsv", "programmes.tsv",
                        "bylines.txt", "lexicon.tsv"}) {
    if (f == skip) continue;
    std::ifstream in(DataDir() + "/" + f);
    std::ofstream out(dir + "/" + f);
    out << in.rdbuf();
  }
  return dir;
}

TEST(GazetteerTest, MalformedLineNamesFileAndLine) {
  const std::string dir = CopyData("ranks", "ranks.tsv");
  std::ofstream(dir + "/ranks.tsv") << "# ranks\nSupt\tSuperintendent\textra\n";
  absl::StatusOr<Gazetteer> g = Gazetteer::Load(dir);
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(g.status().message().find("ranks.tsv:2"), std::string::npos)
      << g.status();
}

TEST(GazetteerTest, LexiconIsRequiredAndChecked) {
  const std::string dir = CopyData("lexicon", "lexicon.tsv");
  EXPECT_EQ(Gazetteer::Load(dir).status().code(), absl::StatusCode::kNotFound);
  std::ofstream(dir + "/lexicon.tsv") << "# tags\npolice\tNOUN VERB\nthe\tDETERMINER\n";
  absl::StatusOr<Gazetteer> g = Gazetteer::Load(dir);
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(g.status().message().find("lexicon.tsv:3"), std::string::npos)
      << g.status();
}

}  // namespace
}  // namespace kg::extractor
