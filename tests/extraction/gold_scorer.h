// Scores extracted facts against gold annotations (see
// ../shared/gold/README.md): per-predicate precision, recall and F1.
//
// A predicted fact matches a gold fact when subject and predicate are equal,
// the value kind agrees with o_is_entity, and the value equals `o` or one of
// `o_alt`; an o_alt entry is also accepted as an alternative subject (the
// gold uses it both ways: "Unit" for "Organization", "Turnaround" for
// "Turnaround plan"). Names are compared case-sensitively; evidence is not
// compared. Duplicate gold or predicted facts count once. A `said` value
// also matches a gold quotation it shares enough words with (SameQuotation),
// as the project's evaluation script scores it: a predicted quotation
// holding several gold sentences finds them all.
#ifndef KG_TESTS_EXTRACTION_GOLD_SCORER_H_
#define KG_TESTS_EXTRACTION_GOLD_SCORER_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "extractor_service/pipeline/extractor.h"
#include "kg/v1/fact.pb.h"

namespace kg::testing {

struct GoldFact {
  std::string s;
  std::string p;
  std::string o;
  std::vector<std::string> o_alt;
  bool o_is_entity = false;
};

// Parses JSON Lines gold text; keeps the records with "kind":"fact".
// InvalidArgument naming the line on malformed JSON.
absl::StatusOr<std::vector<GoldFact>> ParseGold(const std::string& jsonl);

struct PredicateScore {
  int gold = 0;       // distinct gold facts
  int found = 0;      // gold facts matched by a prediction
  int predicted = 0;  // distinct predicted facts
  int correct = 0;    // predicted facts matching some gold fact
  double Precision() const { return predicted ? 1.0 * correct / predicted : 1.0; }
  double Recall() const { return gold ? 1.0 * found / gold : 1.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct ScoreReport {
  std::map<std::string, PredicateScore> by_predicate;
  PredicateScore total;
  std::vector<std::string> missed;    // "doc: (s, p, o)"
  std::vector<std::string> spurious;  // "doc: (s, p, o)"
};

// `text` with curly quotation marks and apostrophes made straight, as the
// shared scorer (score.py) compares names and as the extractor writes them:
// "Mayor’s Office" is "Mayor's Office".
std::string Straight(const std::string& text);

// True when the words (ASCII letter and digit runs, case-folded) shared by
// two quotations are at least 60 % of the words of the shorter one.
bool SameQuotation(const std::string& a, const std::string& b);

// Adds one document's counts to `report`.
void ScoreDocument(const std::string& doc_id, const std::vector<GoldFact>& gold,
                   const std::vector<kg::v1::Fact>& predicted,
                   ScoreReport* report);

// Extracts every seeds/<name>.txt under `shared_dir` and scores it against
// gold/<name>.jsonl. NotFound when the folders or a gold file are missing.
absl::StatusOr<ScoreReport> ScoreSeeds(const std::string& shared_dir,
                                       const kg::extractor::Extractor& extractor);

// Fixed-width table: predicate, gold, found, predicted, correct, P, R, F1.
std::string FormatTable(const ScoreReport& report);
// The same numbers as one JSON object.
std::string FormatJson(const ScoreReport& report);

}  // namespace kg::testing

#endif  // KG_TESTS_EXTRACTION_GOLD_SCORER_H_
