// Crash durability of transaction time: SIGKILL the real graph_server while
// documents are being replaced and deleted, restart it on the same
// database, and check that every acknowledged retraction kept its history:
//   - the document's current facts are its new version (replace) or none
//     (delete);
//   - {as_of: T}, T taken just before the call, still answers with the old
//     version, complete;
// and that the one call in flight at the kill is all or nothing: either the
// old version is current and nothing was retracted, or the call's whole
// effect, history included, is there.
//
//   bazel test //tests/crash:history_crash_test [--test_env=KG_CRASH_SEED=N]
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/iso_date.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/crash/crash_harness.h"
#include "tests/crash/document_generator.h"
#include "tests/crash/graph_client.h"
#include "tests/crash/server_process.h"

namespace kg::crash {
namespace {

constexpr int kDocuments = 240;
constexpr int kKills = 6;
constexpr absl::Duration kTimeout = absl::Seconds(60);

// Even documents are deleted, odd ones replaced by their first half.
bool IsDelete(int index) { return index % 2 == 0; }

kg::v1::IngestRequest SecondVersion(const kg::v1::IngestRequest& first) {
  kg::v1::IngestRequest second = first;
  second.mutable_facts()->DeleteSubrange(0, first.facts_size() / 2);
  second.set_content_hash(first.content_hash() + "-v2");
  return second;
}

// Rows of `query` (the server's row cap is far above a document's facts).
absl::StatusOr<int> CountRows(kg::v1::GraphService::Stub& stub,
                              const std::string& query) {
  kg::v1::QueryRequest request;
  request.set_query(query);
  request.set_limit(100000);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + kTimeout));
  std::unique_ptr<grpc::ClientReader<kg::v1::QueryRow>> reader =
      stub.Query(&context, request);
  kg::v1::QueryRow row;
  int rows = 0;
  while (reader->Read(&row)) ++rows;
  const grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat(query, ": ", status.error_message()));
  }
  return rows;
}

std::string FactsOf(int index, const std::string& as_of = "") {
  std::string conditions =
      absl::StrCat("source: \"", DocumentGenerator::DocumentId(index), "\"");
  if (!as_of.empty()) absl::StrAppend(&conditions, ", as_of: \"", as_of, "\"");
  return absl::StrCat("?s ?p ?o {", conditions, "}");
}

struct Operation {
  int index = 0;
  std::string before;  // an instant just before the call, RFC 3339
  bool acknowledged = false;
};

class HistoryCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* seed_text = std::getenv("KG_CRASH_SEED");
    seed_ = static_cast<uint64_t>(absl::ToUnixMicros(absl::Now()));
    if (seed_text != nullptr && *seed_text != '\0') {
      ASSERT_TRUE(absl::SimpleAtoi(seed_text, &seed_)) << seed_text;
    }
    std::cout << "history crash test seed " << seed_ << std::endl;
    generator_ = std::make_unique<DocumentGenerator>(seed_);
    const char* tmp = std::getenv("TEST_TMPDIR");
    work_dir_ = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/history_crash_",
                             seed_);
    std::filesystem::create_directories(work_dir_);
    binary_ = FindRunfile("graph_service/graph_server", "");
    ASSERT_FALSE(binary_.empty()) << "graph_server not in the runfiles";
    Restart();
  }

  void Restart() {
    server_.reset();
    ServerProcessOptions options;
    options.binary = binary_;
    options.db_path = work_dir_ + "/db";
    options.log_path = work_dir_ + "/graph_server.log";
    options.extra_flags = {"--sync_writes=true", "--rules=none",
                           "--history_retention=inf"};
    absl::StatusOr<std::unique_ptr<ServerProcess>> server =
        ServerProcess::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
    stub_ = NewGraphStub(server_->address());
  }

  // Replaces or deletes documents from `next` on until the server dies.
  void RunOperations(int next, std::vector<Operation>* done) {
    for (int index = next; index < kDocuments; ++index) {
      Operation op;
      op.index = index;
      op.before = FormatInstant(absl::ToUnixMicros(absl::Now()));
      absl::SleepFor(absl::Microseconds(50));  // strictly before the write
      {
        absl::MutexLock lock(&mu_);
        done->push_back(op);
      }
      absl::Status status =
          IsDelete(index)
              ? DeleteDocument(*stub_, DocumentGenerator::DocumentId(index),
                               kTimeout)
              : IngestOne(*stub_, SecondVersion(generator_->Generate(index)),
                          kTimeout)
                    .status();
      if (!status.ok()) return;
      absl::MutexLock lock(&mu_);
      done->back().acknowledged = true;
    }
  }

  // Checks one operation after a restart; returns whether it took effect.
  bool Check(const Operation& op) {
    const kg::v1::IngestRequest first = generator_->Generate(op.index);
    const int old_facts = first.facts_size();
    const int new_facts =
        IsDelete(op.index) ? 0 : SecondVersion(first).facts_size();
    absl::StatusOr<int> now = CountRows(*stub_, FactsOf(op.index));
    absl::StatusOr<int> then = CountRows(*stub_, FactsOf(op.index, op.before));
    EXPECT_TRUE(now.ok()) << now.status();
    EXPECT_TRUE(then.ok()) << then.status();
    if (!now.ok() || !then.ok()) return false;
    // As of before the call the old version is there, whatever happened.
    EXPECT_EQ(*then, old_facts) << "doc " << op.index << " as of " << op.before;
    if (op.acknowledged) {
      EXPECT_EQ(*now, new_facts) << "acknowledged doc " << op.index;
    } else {
      EXPECT_TRUE(*now == old_facts || *now == new_facts)
          << "in-flight doc " << op.index << " half applied: " << *now;
    }
    return *now == new_facts;
  }

  uint64_t seed_ = 0;
  std::unique_ptr<DocumentGenerator> generator_;
  std::string work_dir_;
  std::string binary_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<kg::v1::GraphService::Stub> stub_;
  absl::Mutex mu_;
};

TEST_F(HistoryCrashTest, AcknowledgedRetractionsKeepTheirHistory) {
  for (int index = 0; index < kDocuments; ++index) {
    ASSERT_TRUE(IngestOne(*stub_, generator_->Generate(index), kTimeout).ok());
  }
  std::mt19937_64 delays(seed_);
  std::vector<Operation> done;
  int next = 0;
  int acknowledged = 0;
  int kills = 0;
  for (; kills < kKills && next < kDocuments; ++kills) {
    std::thread writer([&] { RunOperations(next, &done); });
    absl::SleepFor(absl::Milliseconds(20 + delays() % 150));
    ASSERT_TRUE(server_->Kill().ok());
    writer.join();
    Restart();
    ASSERT_FALSE(done.empty());
    for (const Operation& op : done) {
      if (op.index >= next) acknowledged += op.acknowledged;
    }
    // Every call since the last kill; the last one may be unacknowledged.
    for (const Operation& op : done) {
      if (op.index < next) continue;
      const bool applied = Check(op);
      if (!op.acknowledged && !applied) {
        // Not applied: the history must not claim it was (checked above),
        // and the retry applies it once.
        absl::Status retried =
            IsDelete(op.index)
                ? DeleteDocument(*stub_, DocumentGenerator::DocumentId(op.index),
                                 kTimeout)
                : IngestOne(*stub_, SecondVersion(generator_->Generate(op.index)),
                            kTimeout)
                      .status();
        ASSERT_TRUE(retried.ok()) << retried;
      }
    }
    next = done.back().index + 1;
    done.clear();
  }
  std::cout << "history crash test: " << kills << " kills, " << acknowledged
            << " acknowledged retractions checked, " << next
            << " documents retracted (seed " << seed_ << ")" << std::endl;
  EXPECT_GT(acknowledged, 0);
  // Everything retracted is in the history, once.
  kg::v1::GetStatsResponse stats;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->GetStats(&context, kg::v1::GetStatsRequest(), &stats).ok());
  uint64_t retracted = 0;
  for (int index = 0; index < next; ++index) {
    const kg::v1::IngestRequest first = generator_->Generate(index);
    retracted += IsDelete(index) ? first.facts_size()
                                 : first.facts_size() / 2;
  }
  EXPECT_EQ(stats.history_records(), retracted);
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
}

}  // namespace
}  // namespace kg::crash
