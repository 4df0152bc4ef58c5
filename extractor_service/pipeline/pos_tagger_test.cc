#include "extractor_service/pipeline/pos_tagger.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extractor {
namespace {

std::string Runfiles(const std::string& path) {
  return std::string(std::getenv("TEST_SRCDIR")) + "/kg/" + path;
}

class PosTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Load(Runfiles("extractor_service/data"));
    ASSERT_TRUE(g.ok()) << g.status();
    gaz_ = new Gazetteer(*std::move(g));
    tagger_ = new PosTagger(gaz_);
  }

  // "Police/NOUN arrested/VERB ..." for a sentence.
  static std::string Tags(const std::string& sentence) {
    TokenizedString s(sentence);
    tagger_->Tag(&s.mutable_tokens());
    std::string out;
    for (const Token& t : s.tokens()) {
      if (!out.empty()) out += ' ';
      out += std::string(t.text) + "/" + PosTagName(t.pos);
    }
    return out;
  }

  // The lexicon alone, for comparison: its most frequent tag, PROPN for a
  // capitalised word inside the sentence or unknown, NOUN for other
  // unknown words.
  static PosTag LexiconOnly(const Token& t, bool first) {
    if (t.kind == TokenKind::kPunct) return PosTag::kPunct;
    if (t.kind == TokenKind::kNumber) return PosTag::kNum;
    const LexiconEntry& e = gaz_->Lexicon(t);
    if (t.capitalized && (!first || e.tags == 0)) return PosTag::kPropn;
    return e.tags == 0 ? PosTag::kNoun : e.ranked[0];
  }

  struct Accuracy {
    int right = 0, lexicon_only = 0, total = 0;
    double Rate() const { return total ? static_cast<double>(right) / total : 0; }
  };

  // Tokens the tagger (and the lexicon alone) tag as in a hand-tagged file
  // (word/TAG per token, one sentence a line); mistakes go to stdout when
  // `show_mistakes`.
  static Accuracy Score(const std::string& file, bool show_mistakes) {
    std::ifstream in(Runfiles("extractor_service/pipeline/testdata/" + file));
    EXPECT_TRUE(in) << file;
    Accuracy a;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::pair<std::string, std::string>> gold;
      std::string text;
      size_t b = 0;
      while (b < line.size()) {
        size_t e = line.find(' ', b);
        if (e == std::string::npos) e = line.size();
        const std::string item = line.substr(b, e - b);
        const size_t slash = item.rfind('/');
        gold.emplace_back(item.substr(0, slash), item.substr(slash + 1));
        if (!text.empty() && gold.back().first != "'s") text += ' ';
        text += gold.back().first;
        b = e + 1;
      }
      TokenizedString s(text);
      tagger_->Tag(&s.mutable_tokens());
      const std::vector<Token>& toks = s.tokens();
      EXPECT_EQ(toks.size(), gold.size()) << text;
      if (toks.size() != gold.size()) continue;
      for (size_t i = 0; i < toks.size(); ++i) {
        EXPECT_EQ(toks[i].text, gold[i].first) << text;
        ++a.total;
        if (gold[i].second == PosTagName(LexiconOnly(toks[i], i == 0))) {
          ++a.lexicon_only;
        }
        if (gold[i].second == PosTagName(toks[i].pos)) {
          ++a.right;
        } else if (show_mistakes) {
          std::printf("%s: %s/%s tagged %s in: %s\n", file.c_str(),
                      gold[i].first.c_str(), gold[i].second.c_str(),
                      PosTagName(toks[i].pos), text.c_str());
        }
      }
    }
    std::printf("%s: %d/%d tokens right (%.3f); lexicon alone %d (%.3f)\n",
                file.c_str(), a.right, a.total, a.Rate(), a.lexicon_only,
                a.total ? static_cast<double>(a.lexicon_only) / a.total : 0.0);
    return a;
  }

  static Gazetteer* gaz_;
  static PosTagger* tagger_;
};

Gazetteer* PosTaggerTest::gaz_ = nullptr;
PosTagger* PosTaggerTest::tagger_ = nullptr;

TEST_F(PosTaggerTest, LexiconAndContext) {
  EXPECT_EQ(Tags("Police arrested a man."),
            "Police/NOUN arrested/VERB a/DET man/NOUN ./PUNCT");
  // After a determiner a noun; after "to" or a modal a verb.
  EXPECT_EQ(Tags("the report"), "the/DET report/NOUN");
  EXPECT_EQ(Tags("They will report it"),
            "They/PRON will/AUX report/VERB it/PRON");
  EXPECT_EQ(Tags("He went to court to record the hearing"),
            "He/PRON went/VERB to/ADP court/NOUN to/PART record/VERB "
            "the/DET hearing/NOUN");
}

TEST_F(PosTaggerTest, CapitalisedWords) {
  // Inside a sentence a capitalised word is a name; at its start only when
  // another capitalised word follows or the lexicon lacks it.
  EXPECT_EQ(Tags("Officers from Kestrel Road Station said"),
            "Officers/NOUN from/ADP Kestrel/PROPN Road/PROPN Station/PROPN "
            "said/VERB");
  EXPECT_EQ(Tags("Detective Sergeant Amy Rourke said"),
            "Detective/PROPN Sergeant/PROPN Amy/PROPN Rourke/PROPN said/VERB");
  EXPECT_EQ(Tags("\"We will\", said Smith"),
            "\"/PUNCT We/PRON will/AUX \"/PUNCT ,/PUNCT said/VERB Smith/PROPN");
}

TEST_F(PosTaggerTest, FunctionWordsByContext) {
  EXPECT_EQ(Tags("she said that the car that was stolen had a dent"),
            "she/PRON said/VERB that/SCONJ the/DET car/NOUN that/PRON "
            "was/AUX stolen/VERB had/VERB a/DET dent/NOUN");
  EXPECT_EQ(Tags("That van"), "That/DET van/NOUN");
  EXPECT_EQ(Tags("It's the man's van"),
            "It/PRON 's/AUX the/DET man/NOUN 's/PART van/NOUN");
  EXPECT_EQ(Tags("after the raid, after he fled"),
            "after/ADP the/DET raid/NOUN ,/PUNCT after/SCONJ he/PRON fled/VERB");
  EXPECT_EQ(Tags("there were 3 stolen cars"),
            "there/PRON were/AUX 3/NUM stolen/ADJ cars/NOUN");
}

TEST_F(PosTaggerTest, UnknownWordsByShape) {
  EXPECT_EQ(Tags("a knife-wielding man"), "a/DET knife-wielding/ADJ man/NOUN");
  EXPECT_EQ(Tags("a 34-year-old man"), "a/DET 34-year-old/ADJ man/NOUN");
  EXPECT_EQ(Tags("they blarged zoomily"), "they/PRON blarged/VERB zoomily/ADV");
}

// Accuracy on hand-tagged police-news sentences (docs/extraction.md): the
// sentences the rules were written on, and held-out ones.
TEST_F(PosTaggerTest, AccuracyOnDevelopmentSentences) {
  const Accuracy a = Score("pos_tagged_dev.txt", true);
  ASSERT_GT(a.total, 800);
  RecordProperty("accuracy", std::to_string(a.Rate()));
  EXPECT_GE(a.Rate(), 0.95);
}

TEST_F(PosTaggerTest, AccuracyOnHeldOutSentences) {
  const Accuracy a = Score("pos_tagged_test.txt", true);
  ASSERT_GT(a.total, 450);
  RecordProperty("accuracy", std::to_string(a.Rate()));
  EXPECT_GE(a.Rate(), 0.9);
}

}  // namespace
}  // namespace kg::extractor
