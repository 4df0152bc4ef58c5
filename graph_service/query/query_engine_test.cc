#include "graph_service/query/query_engine.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/arena.h"
#include "graph_service/query/row_sink.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

kg::v1::Fact MakeFact(const std::string& subject, const std::string& predicate,
                      const kg::v1::Value& value, const std::string& doc) {
  static uint32_t offset = 0;
  kg::v1::Fact fact;
  fact.set_subject(subject);
  fact.set_predicate(predicate);
  *fact.mutable_value() = value;
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id(doc);
  e->set_sentence(absl::StrCat(subject, " ", predicate));
  e->set_byte_begin(offset);
  e->set_byte_end(++offset);
  e->set_rule("test_rule");
  e->set_confidence(0.75f);
  return fact;
}

kg::v1::Value Entity(const std::string& s) {
  kg::v1::Value v;
  v.set_entity(s);
  return v;
}
kg::v1::Value Text(const std::string& s) {
  kg::v1::Value v;
  v.set_text(s);
  return v;
}

// Renders a row as "var=value,..." with entities bare and texts quoted.
std::string Render(const kg::v1::QueryRow& row) {
  std::vector<std::string> parts;
  for (const kg::v1::Binding& b : row.bindings()) {
    const kg::v1::Value& v = b.value();
    parts.push_back(absl::StrCat(
        b.variable(), "=",
        v.has_entity() ? v.entity() : absl::StrCat("\"", v.text(), "\"")));
  }
  return absl::StrJoin(parts, ",");
}

class QueryEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        store_
            .AddFacts({
                MakeFact("Nora Vale", "has_role", Text("Commander"), "d1"),
                MakeFact("Nora Vale", "leads", Entity("Operation Kestrel"),
                         "d1"),
                MakeFact("Nora Vale", "leads", Entity("drugs"), "d1"),
                MakeFact("Operation Kestrel", "type", Entity("Operation"),
                         "d1"),
                MakeFact("Operation Kestrel", "type", Entity("Operation"),
                         "d2"),
                MakeFact("Ivo Brandt", "has_role", Text("Sergeant"), "d2"),
                MakeFact("Ivo Brandt", "leads", Entity("Operation Kestrel"),
                         "d2"),
                MakeFact("Ivo Brandt", "knows", Entity("Ivo Brandt"), "d2"),
                MakeFact("Ivo Brandt", "lives_in", Entity("Arden"), "d2"),
                MakeFact("Nora Vale", "alias", Text("Arden"), "d2"),
            })
            .ok());
  }

  // Runs `query`; returns the rows, failing the test on error.
  std::vector<kg::v1::QueryRow> Run(const std::string& query,
                                    QueryOptions options = {}) {
    std::vector<kg::v1::QueryRow> rows;
    const absl::Status status = ExecuteQuery(
        store_, query, options, [&](kg::v1::QueryRow row) {
          rows.push_back(std::move(row));
          return true;
        });
    EXPECT_TRUE(status.ok()) << status;
    return rows;
  }
  std::vector<std::string> RunRendered(const std::string& query) {
    std::vector<std::string> out;
    for (const auto& row : Run(query)) out.push_back(Render(row));
    return out;
  }
  absl::Status RunStatus(const std::string& query, QueryOptions options = {}) {
    return ExecuteQuery(store_, query, options,
                        [](kg::v1::QueryRow) { return true; });
  }

  MemoryGraphStore store_;
};

TEST_F(QueryEngineTest, AnswersTheOntologyExample) {
  EXPECT_THAT(RunRendered("?p has_role \"Commander\" . ?p leads ?op . "
                          "?op type Operation"),
              ElementsAre("p=Nora Vale,op=Operation Kestrel"));
}

TEST_F(QueryEngineTest, BindsVariablesInOrderOfFirstAppearance) {
  EXPECT_THAT(RunRendered("?op type Operation . ?who leads ?op"),
              UnorderedElementsAre("op=Operation Kestrel,who=Nora Vale",
                                   "op=Operation Kestrel,who=Ivo Brandt"));
}

TEST_F(QueryEngineTest, UnknownTermsYieldNoRows) {
  EXPECT_THAT(Run("?p has_role \"Admiral\""), IsEmpty());
  EXPECT_THAT(Run("?p unknown_predicate ?x"), IsEmpty());
  EXPECT_THAT(Run("<Nobody> leads ?x . ?x type Operation"), IsEmpty());
}

TEST_F(QueryEngineTest, KeepsEntitiesAndTextApart) {
  EXPECT_THAT(RunRendered("?who lives_in Arden"),
              ElementsAre("who=Ivo Brandt"));
  EXPECT_THAT(RunRendered("?who alias \"Arden\""),
              ElementsAre("who=Nora Vale"));
  EXPECT_THAT(Run("?who lives_in \"Arden\""), IsEmpty());
}

TEST_F(QueryEngineTest, BindsPredicateVariablesAsText) {
  EXPECT_THAT(RunRendered("<Ivo Brandt> ?rel Arden"),
              ElementsAre("rel=\"lives_in\""));
  EXPECT_THAT(RunRendered("?a ?rel <Operation Kestrel> . ?a has_role ?r"),
              UnorderedElementsAre("a=Nora Vale,rel=\"leads\",r=\"Commander\"",
                                   "a=Ivo Brandt,rel=\"leads\",r=\"Sergeant\""));
}

TEST_F(QueryEngineTest, RepeatedVariableWithinAPatternMustAgree) {
  EXPECT_THAT(RunRendered("?x knows ?x"), ElementsAre("x=Ivo Brandt"));
  EXPECT_THAT(RunRendered("?x ?p ?x"), ElementsAre("x=Ivo Brandt,p=\"knows\""));
}

TEST_F(QueryEngineTest, QueryWithoutVariablesReturnsOneEmptyRow) {
  const auto rows = Run("<Nora Vale> leads drugs . <Nora Vale> leads drugs");
  ASSERT_THAT(rows, SizeIs(1));
  EXPECT_THAT(rows[0].bindings(), IsEmpty());
  EXPECT_THAT(Run("<Nora Vale> leads Arden"), IsEmpty());
}

// A server limit (default_limit, max_rows) that cuts the rows says so; a
// limit the caller asked for (request or LIMIT) does not; LIMIT in the text
// reaches past the default up to max_rows.
TEST_F(QueryEngineTest, ReportsRowsCutByAServerLimit) {
  const size_t all = Run("?s ?p ?o").size();
  ASSERT_GE(all, 4u);
  auto run = [&](const std::string& query, const QueryOptions& options,
                 bool* truncated) {
    size_t rows = 0;
    EXPECT_TRUE(ExecuteQuery(store_, query, options,
                             [&](kg::v1::QueryRow) { return ++rows > 0; },
                             truncated)
                    .ok());
    return rows;
  };
  QueryOptions options;
  options.default_limit = 2;
  options.max_rows = 3;
  bool truncated = false;
  EXPECT_EQ(run("?s ?p ?o", options, &truncated), 2u);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(run("?s ?p ?o LIMIT 3", options, &truncated), 3u);
  EXPECT_FALSE(truncated);  // past the default, as many as asked
  EXPECT_EQ(run("?s ?p ?o LIMIT 5", options, &truncated), 3u);
  EXPECT_TRUE(truncated);  // max_rows cut what was asked
  EXPECT_EQ(run("?s ?p ?o LIMIT 1", options, &truncated), 1u);
  EXPECT_FALSE(truncated);  // the caller asked for one
  options.limit = 2;
  EXPECT_EQ(run("?s ?p ?o", options, &truncated), 2u);
  EXPECT_FALSE(truncated);
  options = QueryOptions();
  options.default_limit = 1000;
  EXPECT_EQ(run("?s ?p ?o", options, &truncated), all);
  EXPECT_FALSE(truncated);  // everything fitted
  options.default_limit = all;
  EXPECT_EQ(run("?s ?p ?o", options, &truncated), all);
  EXPECT_FALSE(truncated);  // exactly at the limit is not cut
}

TEST_F(QueryEngineTest, HonoursLimitMaxRowsAndEmit) {
  QueryOptions options;
  options.limit = 2;
  EXPECT_THAT(Run("?s ?p ?o", options), SizeIs(2));
  options.limit = 5;
  options.max_rows = 3;
  EXPECT_THAT(Run("?s ?p ?o", options), SizeIs(3));
  int calls = 0;
  EXPECT_TRUE(ExecuteQuery(store_, "?s ?p ?o", QueryOptions(),
                           [&](kg::v1::QueryRow) { return ++calls < 4; })
                  .ok());
  EXPECT_EQ(calls, 4);
}

TEST_F(QueryEngineTest, FillsSupportWithEvidenceInPatternOrder) {
  QueryOptions options;
  options.with_evidence = true;
  const auto rows = Run("?op type Operation . ?p has_role \"Commander\" . "
                        "?p leads ?op",
                        options);
  ASSERT_THAT(rows, SizeIs(1));
  const auto& support = rows[0].support();
  ASSERT_THAT(support, SizeIs(3));
  EXPECT_EQ(support[0].subject(), "Operation Kestrel");
  EXPECT_EQ(support[0].predicate(), "type");
  EXPECT_EQ(support[0].value().entity(), "Operation");
  ASSERT_THAT(support[0].evidence(), SizeIs(2));  // d1 and d2
  EXPECT_EQ(support[1].value().text(), "Commander");
  EXPECT_EQ(support[1].evidence(0).document_id(), "d1");
  EXPECT_FLOAT_EQ(support[1].evidence(0).confidence(), 0.75f);
  EXPECT_EQ(support[2].predicate(), "leads");
  EXPECT_THAT(Run("?op type Operation")[0].support(), IsEmpty());
}

// Rows built in place on an arena; stops after `max_rows` commits.
class ArenaSink final : public RowSink {
 public:
  explicit ArenaSink(int max_rows = 1 << 20) : max_rows_(max_rows) {}
  kg::v1::QueryRow* StartRow() override {
    pending_ =
        google::protobuf::Arena::CreateMessage<kg::v1::QueryRow>(&arena_);
    return pending_;
  }
  bool CommitRow() override {
    rows.push_back(pending_->SerializeAsString());
    return static_cast<int>(rows.size()) < max_rows_;
  }
  void DiscardRow() override { ++discarded; }

  std::vector<std::string> rows;  // serialised
  int discarded = 0;

 private:
  google::protobuf::Arena arena_;
  kg::v1::QueryRow* pending_ = nullptr;
  const int max_rows_;
};

TEST_F(QueryEngineTest, RowSinkGetsTheSameRowsAsEmit) {
  const std::vector<std::string> queries = {
      "?s ?p ?o",
      "<Nora Vale> ?p ?o",
      "?p leads ?op . OPTIONAL { ?op type ?t }",
      "SELECT ?p WHERE { ?p leads ?o } ORDER BY DESC(?p)",
      "SELECT ?p (COUNT(*) AS ?n) WHERE { ?p ?x ?y } GROUP BY ?p",
      "?op type Operation {source: \"d2\"} . OPTIONAL { ?op targets ?c }",
  };
  for (const bool with_evidence : {false, true}) {
    QueryOptions options;
    options.with_evidence = with_evidence;
    for (const std::string& query : queries) {
      std::vector<std::string> emitted;
      for (const kg::v1::QueryRow& row : Run(query, options)) {
        emitted.push_back(row.SerializeAsString());
      }
      ArenaSink sink;
      ASSERT_TRUE(ExecuteQuery(store_, query, options, &sink).ok()) << query;
      EXPECT_FALSE(emitted.empty()) << query;
      EXPECT_EQ(sink.rows, emitted) << query;
      EXPECT_EQ(sink.discarded, 0);
    }
  }
}

TEST_F(QueryEngineTest, RowSinkDecliningStopsEvaluation) {
  ArenaSink sink(/*max_rows=*/2);
  EXPECT_TRUE(ExecuteQuery(store_, "?s ?p ?o", QueryOptions(), &sink).ok());
  EXPECT_THAT(sink.rows, SizeIs(2));
}

TEST_F(QueryEngineTest, UnboundOptionalVariableHasAnUnsetValue) {
  const auto rows = Run("?p leads ?op . OPTIONAL { ?op type ?t }");
  ASSERT_THAT(rows, SizeIs(3));
  int unbound = 0;
  for (const kg::v1::QueryRow& row : rows) {
    ASSERT_THAT(row.bindings(), SizeIs(3));
    EXPECT_TRUE(row.bindings(2).has_value());
    if (row.bindings(2).value().kind_case() ==
        kg::v1::Value::KIND_NOT_SET) {
      ++unbound;
    }
  }
  EXPECT_EQ(unbound, 1);  // "drugs" has no type
}

TEST_F(QueryEngineTest, PruningNonEntitySubjectsKeepsTheRows) {
  // ?y takes entity values ("Operation Kestrel", "Ivo Brandt") and text
  // values ("Commander", "Arden") whose scans are pruned.
  ASSERT_TRUE(store_
                  .AddFacts({MakeFact("Arden", "located_in",
                                      Entity("Westmark"), "d3")})
                  .ok());
  for (const std::string query :
       {"?x ?p ?y . ?y ?q ?z", "?y ?q ?z . ?x ?p ?y",
        "?x ?p ?y . OPTIONAL { ?y ?q ?z }", "?x knows ?x . ?x ?p ?y"}) {
    QueryOptions pruned;
    pruned.prune_non_entity_subjects = true;
    std::vector<std::string> plain_rows, pruned_rows;
    for (const auto& row : Run(query)) plain_rows.push_back(Render(row));
    for (const auto& row : Run(query, pruned)) {
      pruned_rows.push_back(Render(row));
    }
    EXPECT_FALSE(plain_rows.empty()) << query;
    EXPECT_EQ(pruned_rows, plain_rows) << query;
  }
}

TEST_F(QueryEngineTest, ReportsParseErrorsWithPosition) {
  const absl::Status status = RunStatus("?p leads ?op .\n?op type");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("line 2, column 9: expected a value"));
}

TEST_F(QueryEngineTest, StopsAtTheScanBudget) {
  QueryOptions options;
  options.max_scanned = 5;
  const absl::Status status = RunStatus("?a ?b ?c . ?d ?e ?f", options);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  options.max_scanned = 1000;
  EXPECT_TRUE(RunStatus("?a leads ?b", options).ok());
}

TEST_F(QueryEngineTest, StopsAtTheDeadline) {
  QueryOptions options;
  options.deadline = absl::Now() - absl::Seconds(1);
  EXPECT_EQ(RunStatus("?a leads ?b", options).code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST(QueryEngineDeadlineTest, StopsALongJoinAtTheDeadline) {
  MemoryGraphStore store;
  std::vector<kg::v1::Fact> facts;
  for (int i = 0; i < 200; ++i) {
    facts.push_back(MakeFact(absl::StrCat("P", i), "type", Entity("Person"),
                             "big"));
  }
  ASSERT_TRUE(store.AddFacts(facts).ok());
  QueryOptions options;
  options.max_rows = 0;  // no cap: only the deadline can stop it
  options.deadline = absl::Now() + absl::Milliseconds(50);
  const absl::Status status = ExecuteQuery(
      store, "?a type Person . ?b type Person . ?c type Person", options,
      [](kg::v1::QueryRow) { return true; });  // 8M rows if not stopped
  EXPECT_EQ(status.code(), absl::StatusCode::kDeadlineExceeded);
}

TEST_F(QueryEngineTest, PlansQueryText) {
  absl::StatusOr<kg::v1::QueryPlan> plan = PlanQueryText(
      store_,
      "?p leads ?op . ?op type Operation . OPTIONAL { ?p has_role ?r }");
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_THAT(plan->steps(), SizeIs(3));
  // One fact has type Operation; three have `leads`.
  EXPECT_EQ(plan->steps(0).pattern(), "?op type <Operation>");
  EXPECT_EQ(plan->steps(0).index(), "pos");
  EXPECT_DOUBLE_EQ(plan->steps(0).estimated_rows(), 1);
  EXPECT_EQ(plan->steps(1).pattern(), "?p leads ?op");
  EXPECT_EQ(plan->steps(1).index(), "pos");  // predicate and value known
  EXPECT_EQ(plan->steps(2).pattern(), "OPTIONAL ?p has_role ?r");
  EXPECT_EQ(plan->steps(2).index(), "spo");
  plan = PlanQueryText(store_, "?s ?p ?o . ?s nope ?x");
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->steps(0).index(), "all");
  EXPECT_EQ(plan->steps(1).pattern(), "?s nope ?x");
  EXPECT_DOUBLE_EQ(plan->steps(1).estimated_rows(), 0);  // unknown predicate
  EXPECT_EQ(PlanQueryText(store_, "?p leads").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, OrdersFiltersAndCounts) {
  EXPECT_THAT(RunRendered("SELECT ?p WHERE { ?p leads ?o } ORDER BY DESC(?p)"),
              ElementsAre("p=Nora Vale", "p=Ivo Brandt"));
  EXPECT_THAT(RunRendered("?p has_role ?r FILTER(STARTS_WITH(?r, \"Ser\"))"),
              ElementsAre("p=Ivo Brandt,r=\"Sergeant\""));
  const auto rows = Run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
  ASSERT_THAT(rows, SizeIs(1));
  EXPECT_EQ(rows[0].bindings(0).variable(), "n");
  EXPECT_EQ(rows[0].bindings(0).value().integer(), 9);
}

TEST_F(QueryEngineTest, SupportShowsQualifyingEvidenceAndEmptyOptional) {
  QueryOptions options;
  options.with_evidence = true;
  const auto rows = Run(
      "?op type Operation {source: \"d2\"} . OPTIONAL { ?op targets ?c }",
      options);
  ASSERT_THAT(rows, SizeIs(1));
  ASSERT_THAT(rows[0].support(), SizeIs(2));
  ASSERT_THAT(rows[0].support(0).evidence(), SizeIs(1));
  EXPECT_EQ(rows[0].support(0).evidence(0).document_id(), "d2");
  EXPECT_TRUE(rows[0].support(1).subject().empty());
  EXPECT_FALSE(rows[0].bindings(1).value().has_entity());
}

TEST_F(QueryEngineTest, MemoryGuardReturnsResourceExhausted) {
  QueryOptions options;
  options.max_memory_bytes = 1000;
  const absl::Status status =
      RunStatus("?a ?b ?c . ?d ?e ?f ORDER BY ?c", options);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(status.message()), HasSubstr("max_memory_bytes"));
  options.max_memory_bytes = 0;  // unlimited
  EXPECT_TRUE(RunStatus("?a ?b ?c . ?d ?e ?f ORDER BY ?c", options).ok());
}

TEST_F(QueryEngineTest, DeadlineStopsAnOrderedQuery) {
  QueryOptions options;
  options.deadline = absl::Now() - absl::Seconds(1);
  EXPECT_EQ(RunStatus("?a leads ?b ORDER BY ?a", options).code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST_F(QueryEngineTest, DescribesAnEntityBothWays) {
  absl::StatusOr<kg::v1::GetEntityResponse> described =
      DescribeEntity(store_, "Operation Kestrel");
  ASSERT_TRUE(described.ok()) << described.status();
  ASSERT_THAT(described->outgoing(), SizeIs(1));
  EXPECT_EQ(described->outgoing(0).predicate(), "type");
  EXPECT_THAT(described->outgoing(0).evidence(), SizeIs(2));
  ASSERT_THAT(described->incoming(), SizeIs(2));
  std::vector<std::string> leaders;
  for (const kg::v1::Fact& f : described->incoming()) {
    EXPECT_EQ(f.predicate(), "leads");
    EXPECT_EQ(f.value().entity(), "Operation Kestrel");
    EXPECT_THAT(f.evidence(), SizeIs(1));
    leaders.push_back(f.subject());
  }
  EXPECT_THAT(leaders, UnorderedElementsAre("Nora Vale", "Ivo Brandt"));

  described = DescribeEntity(store_, "Operation");
  ASSERT_TRUE(described.ok());
  EXPECT_THAT(described->outgoing(), IsEmpty());
  EXPECT_THAT(described->incoming(), SizeIs(1));
}

TEST_F(QueryEngineTest, DescribeEntityNotFound) {
  absl::StatusOr<kg::v1::GetEntityResponse> described =
      DescribeEntity(store_, "Nobody");
  EXPECT_EQ(described.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(described.status().message()),
              HasSubstr("no entity named Nobody"));
  // "Commander" exists only as text, never as an entity.
  EXPECT_EQ(DescribeEntity(store_, "Commander").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kg::graph
