#include "graph_service/temporal/as_of_view.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "graph_service/store/rocksdb_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

kg::v1::Fact Fact(const std::string& subject, const std::string& predicate,
                  const std::string& entity, const std::string& document,
                  uint32_t begin = 0) {
  kg::v1::Fact f;
  f.set_subject(subject);
  f.set_predicate(predicate);
  f.mutable_value()->set_entity(entity);
  kg::v1::Evidence* e = f.add_evidence();
  e->set_document_id(document);
  e->set_sentence(subject + " " + predicate + " " + entity + ".");
  e->set_byte_begin(begin);
  e->set_byte_end(begin + 10);
  e->set_rule("test_rule");
  e->set_confidence(0.9f);
  return f;
}

int64_t NowMicros() { return absl::ToUnixMicros(absl::Now()); }

// An instant strictly between the writes before and after it.
int64_t Between() {
  absl::SleepFor(absl::Milliseconds(2));
  const int64_t t = NowMicros();
  absl::SleepFor(absl::Milliseconds(2));
  return t;
}

class AsOfViewTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam()) {
      RocksDbGraphStoreOptions options;
      std::string name =
          ::testing::UnitTest::GetInstance()->current_test_info()->name();
      std::replace(name.begin(), name.end(), '/', '_');
      options.path = ::testing::TempDir() + "/as_of_" + name;
      std::filesystem::remove_all(options.path);
      auto store = RocksDbGraphStore::Open(options);
      ASSERT_TRUE(store.ok()) << store.status();
      store_ = std::move(*store);
    } else {
      store_ = std::make_unique<MemoryGraphStore>();
    }
  }

  // (subject, predicate, entity) of every fact the view has for `pattern`.
  std::set<std::string> Facts(const GraphStore& view,
                              const IdPattern& pattern = {}) {
    std::set<std::string> out;
    EXPECT_TRUE(view.Scan(pattern, [&](const IdTriple& t) {
                      out.insert(view.DecodeValue(t.subject)->entity() + " " +
                                 *view.DecodePredicate(t.predicate) + " " +
                                 view.DecodeValue(t.value)->entity());
                      return true;
                    }).ok());
    return out;
  }

  std::unique_ptr<AsOfView> View(int64_t t) {
    auto view = AsOfView::Open(*store_, t, 0);
    EXPECT_TRUE(view.ok()) << view.status();
    return view.ok() ? std::move(*view) : nullptr;
  }

  TermId Entity(const std::string& name) {
    kg::v1::Value v;
    v.set_entity(name);
    return *store_->LookupValue(v);
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_P(AsOfViewTest, ReadsTheGraphBeforeAReplaceAndADelete) {
  const int64_t before_any = Between();
  ASSERT_TRUE(store_->ReplaceDocument("doc", "v1",
                                      {Fact("Ann", "leads", "Squad A", "doc"),
                                       Fact("Ann", "member_of", "Force", "doc")})
                  .ok());
  const int64_t after_v1 = Between();
  ASSERT_TRUE(store_->ReplaceDocument("doc", "v2",
                                      {Fact("Ann", "leads", "Squad B", "doc"),
                                       Fact("Ann", "member_of", "Force", "doc")})
                  .ok());
  const int64_t after_v2 = Between();
  ASSERT_TRUE(store_->DeleteDocument("doc").ok());

  EXPECT_THAT(Facts(*store_), IsEmpty());
  EXPECT_THAT(Facts(*View(before_any)), IsEmpty());
  EXPECT_THAT(Facts(*View(after_v1)),
              UnorderedElementsAre("Ann leads Squad A", "Ann member_of Force"));
  EXPECT_THAT(Facts(*View(after_v2)),
              UnorderedElementsAre("Ann leads Squad B", "Ann member_of Force"));
  EXPECT_THAT(Facts(*View(NowMicros())), IsEmpty());

  // Evidence read as of a time says when it was retracted.
  auto view = View(after_v1);
  const IdTriple led = {Entity("Ann"), *store_->LookupPredicate("leads"),
                        Entity("Squad A")};
  auto evidence = view->GetEvidence(led);
  ASSERT_TRUE(evidence.ok()) << evidence.status();
  ASSERT_EQ(evidence->size(), 1u);
  EXPECT_GT((*evidence)[0].retracted_at_micros(), after_v1);
  EXPECT_LT((*evidence)[0].retracted_at_micros(), after_v2);
  EXPECT_LE((*evidence)[0].ingested_at_micros(), after_v1);

  auto info = store_->GetHistoryInfo();
  ASSERT_TRUE(info.ok());
  // v2 retracted one record; the delete, two.
  EXPECT_EQ(info->records, 3u);
  EXPECT_EQ(store_->GetStats()->history_records, 3u);
}

TEST_P(AsOfViewTest, BoundPatternsFindFactsOnlyInTheHistory) {
  ASSERT_TRUE(store_->ReplaceDocument("d1", "", {Fact("Ann", "leads", "Op X", "d1")}).ok());
  ASSERT_TRUE(store_->ReplaceDocument("d2", "", {Fact("Bob", "leads", "Op X", "d2")}).ok());
  const int64_t t = Between();
  ASSERT_TRUE(store_->DeleteDocument("d1").ok());
  auto view = View(t);
  const TermId ann = Entity("Ann"), op = Entity("Op X");
  const TermId leads = *store_->LookupPredicate("leads");
  EXPECT_THAT(Facts(*view, {ann, kNoTerm, kNoTerm}), ElementsAre("Ann leads Op X"));
  EXPECT_THAT(Facts(*view, {kNoTerm, leads, op}),
              UnorderedElementsAre("Ann leads Op X", "Bob leads Op X"));
  EXPECT_THAT(Facts(*view, {kNoTerm, kNoTerm, op}),
              UnorderedElementsAre("Ann leads Op X", "Bob leads Op X"));
  EXPECT_THAT(Facts(*view, {ann, leads, op}), ElementsAre("Ann leads Op X"));
  EXPECT_THAT(Facts(*store_, {kNoTerm, leads, op}), ElementsAre("Bob leads Op X"));
}

TEST_P(AsOfViewTest, RecordsAddedAfterTheInstantAreNotSeen) {
  const int64_t t = Between();
  ASSERT_TRUE(store_->AddFacts({Fact("Ann", "leads", "Op X", "d1")}).ok());
  EXPECT_THAT(Facts(*View(t)), IsEmpty());
  EXPECT_THAT(Facts(*View(NowMicros())), ElementsAre("Ann leads Op X"));
}

TEST_P(AsOfViewTest, PurgedHistoryIsRefusedNotAnsweredWrong) {
  ASSERT_TRUE(store_->ReplaceDocument("d1", "", {Fact("Ann", "leads", "Op X", "d1")}).ok());
  const int64_t t = Between();
  ASSERT_TRUE(store_->DeleteDocument("d1").ok());
  const int64_t cutoff = Between();
  auto purged = store_->PurgeHistory(cutoff);
  ASSERT_TRUE(purged.ok()) << purged.status();
  EXPECT_EQ(*purged, 1u);
  auto view = AsOfView::Open(*store_, t, 0);
  EXPECT_EQ(view.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(view.status().message()),
              ::testing::HasSubstr("--history_retention"));
  EXPECT_TRUE(AsOfView::Open(*store_, cutoff, 0).ok());
  EXPECT_EQ(store_->GetHistoryInfo()->records, 0u);
  // Exact from the latest retraction purged on.
  const int64_t horizon = store_->GetHistoryInfo()->complete_from_micros;
  EXPECT_GT(horizon, t);
  EXPECT_LT(horizon, cutoff);
  EXPECT_TRUE(AsOfView::Open(*store_, horizon, 0).ok());
  // A purge never moves the horizon back, nor forward when it drops nothing.
  ASSERT_TRUE(store_->PurgeHistory(t).ok());
  ASSERT_TRUE(store_->PurgeHistory(NowMicros()).ok());
  EXPECT_EQ(store_->GetHistoryInfo()->complete_from_micros, horizon);
}

TEST_P(AsOfViewTest, HistoryPastTheMemoryBoundIsRefused) {
  std::vector<kg::v1::Fact> facts;
  for (uint32_t i = 0; i < 50; ++i) {
    facts.push_back(Fact("Ann", "leads", "Op " + std::to_string(i), "d1", i));
  }
  ASSERT_TRUE(store_->ReplaceDocument("d1", "", facts).ok());
  const int64_t t = Between();
  ASSERT_TRUE(store_->DeleteDocument("d1").ok());
  auto view = AsOfView::Open(*store_, t, 1024);
  EXPECT_EQ(view.status().code(), absl::StatusCode::kResourceExhausted);
  auto roomy = AsOfView::Open(*store_, t, 1 << 20);
  ASSERT_TRUE(roomy.ok());
  EXPECT_EQ((*roomy)->history_records(), 50u);
  EXPECT_EQ((*roomy)->AddFacts(facts).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

INSTANTIATE_TEST_SUITE_P(Stores, AsOfViewTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "RocksDb" : "Memory";
                         });

}  // namespace
}  // namespace kg::graph
