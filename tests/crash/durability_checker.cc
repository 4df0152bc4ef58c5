#include "tests/crash/durability_checker.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/crash/fact_key.h"

namespace kg::crash {
namespace {

constexpr size_t kMaxProblems = 20;

// The store sets ingested_at_micros; everything else must round-trip.
bool SameEvidence(const kg::v1::Evidence& sent, kg::v1::Evidence stored) {
  stored.set_ingested_at_micros(sent.ingested_at_micros());
  return google::protobuf::util::MessageDifferencer::Equals(sent, stored);
}

void CheckCounter(const char* name, uint64_t read, uint64_t reported,
                  CheckReport& report) {
  if (read == reported) return;
  ++report.counter_mismatches;
  report.AddProblem(absl::StrCat("GetStats reports ", reported, " ", name,
                                 " but ", read, " were read"));
}

}  // namespace

void StoreSnapshot::AddFact(const kg::v1::Fact& fact) {
  ++facts_read;
  const std::string key = FactKey(fact);
  for (const kg::v1::Evidence& evidence : fact.evidence()) {
    ++evidence_read;
    by_document[evidence.document_id()][key].push_back(evidence);
  }
}

bool CheckReport::ok() const {
  return lost == 0 && duplicated == 0 && half_applied == 0 &&
         unexpected == 0 && counter_mismatches == 0 && problems.empty();
}

void CheckReport::Add(const CheckReport& other) {
  documents_checked += other.documents_checked;
  facts_checked += other.facts_checked;
  lost += other.lost;
  duplicated += other.duplicated;
  half_applied += other.half_applied;
  unexpected += other.unexpected;
  counter_mismatches += other.counter_mismatches;
  for (const std::string& problem : other.problems) AddProblem(problem);
}

void CheckReport::AddProblem(std::string problem) {
  if (problems.size() < kMaxProblems) problems.push_back(std::move(problem));
}

DurabilityChecker::DurabilityChecker(StoreSnapshot snapshot)
    : snapshot_(std::move(snapshot)) {}

int DurabilityChecker::CountPresent(const kg::v1::IngestRequest& batch) {
  auto doc = snapshot_.by_document.find(batch.document_id());
  if (doc == snapshot_.by_document.end()) return 0;
  int present = 0;
  for (const kg::v1::Fact& fact : batch.facts()) {
    auto stored = doc->second.find(FactKey(fact));
    if (stored == doc->second.end()) continue;
    ++present;
    const std::vector<kg::v1::Evidence>& records = stored->second;
    if (records.size() > 1) {
      report_.duplicated += records.size() - 1;
      report_.AddProblem(absl::StrCat(batch.document_id(), ": ", stored->first,
                                      " has ", records.size(),
                                      " evidence records naming it"));
    } else if (!SameEvidence(fact.evidence(0), records[0])) {
      ++report_.unexpected;
      report_.AddProblem(absl::StrCat(batch.document_id(), ": ", stored->first,
                                      " evidence differs from what was sent: ",
                                      records[0].ShortDebugString()));
    }
    doc->second.erase(stored);  // Accounted for; Finish counts the rest.
  }
  return present;
}

Presence DurabilityChecker::CheckDocument(const kg::v1::IngestRequest& batch,
                                          bool acknowledged) {
  ++report_.documents_checked;
  const int total = batch.facts_size();
  report_.facts_checked += total;
  const int present = CountPresent(batch);
  if (acknowledged && present < total) {
    report_.lost += total - present;
    report_.AddProblem(absl::StrCat(batch.document_id(),
                                    " was acknowledged but ", total - present,
                                    " of its ", total, " facts are missing"));
  } else if (!acknowledged && present > 0 && present < total) {
    ++report_.half_applied;
    report_.AddProblem(absl::StrCat(batch.document_id(),
                                    " (unacknowledged) is half-applied: ",
                                    present, " of ", total, " facts stored"));
  }
  if (present == 0) return Presence::kAbsent;
  return present == total ? Presence::kComplete : Presence::kPartial;
}

CheckReport DurabilityChecker::Finish() {
  for (const auto& [document_id, facts] : snapshot_.by_document) {
    for (const auto& [key, records] : facts) {
      report_.unexpected += records.size();
      report_.AddProblem(absl::StrCat("unexpected evidence naming ",
                                      document_id, " on ", key));
    }
  }
  CheckCounter("facts", snapshot_.facts_read, snapshot_.stats_facts, report_);
  CheckCounter("evidence records", snapshot_.evidence_read,
               snapshot_.stats_evidence, report_);
  CheckCounter("documents", snapshot_.by_document.size(),
               snapshot_.stats_documents, report_);
  return std::move(report_);
}

}  // namespace kg::crash
