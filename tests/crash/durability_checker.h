// The crash test's judge: compares what the store holds after a restart
// with what the test sent and what the server acknowledged. gRPC-free, so it
// can be tested on synthetic snapshots (durability_checker_test.cc).
//
// Rules, for every document the test sent:
//   acknowledged    every fact of the batch is present with exactly one
//                   evidence record naming the document, equal to the sent
//                   one; a missing fact is `lost`.
//   unacknowledged  all of the batch is present (as above) or none of it;
//                   anything in between is `half_applied`.
//   both            a (fact, document) pair with more than one evidence
//                   record is `duplicated`.
// And for the store as a whole: evidence naming a document the test never
// sent, or a fact a document never stated, is `unexpected`; GetStats
// counters that disagree with what was read are `counter_mismatches`.
#ifndef KG_TESTS_CRASH_DURABILITY_CHECKER_H_
#define KG_TESTS_CRASH_DURABILITY_CHECKER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "kg/v1/graph.pb.h"

namespace kg::crash {

// Everything the store holds, as read back through the API.
struct StoreSnapshot {
  // Document id -> FactKey -> the evidence records naming that document.
  absl::flat_hash_map<
      std::string,
      absl::flat_hash_map<std::string, std::vector<kg::v1::Evidence>>>
      by_document;
  // Counted while reading (AddFact).
  uint64_t facts_read = 0;
  uint64_t evidence_read = 0;
  // As GetStats reported them.
  uint64_t stats_facts = 0;
  uint64_t stats_evidence = 0;
  uint64_t stats_documents = 0;

  // Records one stored fact with all of its evidence.
  void AddFact(const kg::v1::Fact& fact);
};

// Counters; CheckReport::Add sums them over several checks.
struct CheckReport {
  uint64_t documents_checked = 0;
  uint64_t facts_checked = 0;
  uint64_t lost = 0;
  uint64_t duplicated = 0;
  uint64_t half_applied = 0;
  uint64_t unexpected = 0;
  uint64_t counter_mismatches = 0;
  // Human-readable descriptions of the first problems found.
  std::vector<std::string> problems;

  bool ok() const;
  void Add(const CheckReport& other);
  void AddProblem(std::string problem);
};

// How much of one document's batch the store holds.
enum class Presence { kAbsent, kComplete, kPartial };

// Checks one snapshot. Not thread-safe; use once: CheckDocument for every
// document the test sent, then Finish.
class DurabilityChecker {
 public:
  explicit DurabilityChecker(StoreSnapshot snapshot);

  // Checks `batch` (a whole-document batch the test sent) against the
  // snapshot under the rules above and returns how much of it is stored.
  // A duplicated record still counts as present.
  Presence CheckDocument(const kg::v1::IngestRequest& batch,
                         bool acknowledged);

  // Counts what no checked document accounts for and the counter checks;
  // returns the report of the whole check.
  CheckReport Finish();

 private:
  // Number of the batch's facts found; records duplicates and mismatches.
  int CountPresent(const kg::v1::IngestRequest& batch);

  StoreSnapshot snapshot_;
  CheckReport report_;
};

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_DURABILITY_CHECKER_H_
