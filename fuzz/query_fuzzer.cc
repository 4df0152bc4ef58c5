// libFuzzer target: the query language (lexer, parser, checker, planner,
// engine) on arbitrary text against a small in-memory graph. Limits are
// tight so that adversarial queries end in ResourceExhausted or
// DeadlineExceeded rather than a slow unit.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/store/memory/memory_graph_store.h"

namespace {

kg::v1::Fact Fact(const std::string& subject, const std::string& predicate,
                  const kg::v1::Value& value) {
  kg::v1::Fact fact;
  fact.set_subject(subject);
  fact.set_predicate(predicate);
  *fact.mutable_value() = value;
  kg::v1::Evidence* evidence = fact.add_evidence();
  evidence->set_document_id("seed");
  evidence->set_sentence("A fictional sentence.");
  evidence->set_end(21);
  evidence->set_byte_end(21);
  evidence->set_rule("fuzz");
  evidence->set_confidence(0.5);
  return fact;
}

kg::v1::Value Entity(const std::string& name) {
  kg::v1::Value value;
  value.set_entity(name);
  return value;
}

const kg::graph::GraphStore& TheStore() {
  static kg::graph::MemoryGraphStore* store = [] {
    auto* s = new kg::graph::MemoryGraphStore();
    kg::v1::Value text, integer, date, decimal;
    text.set_text("Commander");
    integer.set_integer(12);
    date.set_date("2021-05-01");
    decimal.set_decimal("8.5");
    std::vector<kg::v1::Fact> facts = {
        Fact("Ada Quill", "has_role", text),
        Fact("Ada Quill", "leads", Entity("Operation Lantern")),
        Fact("Ada Quill", "member_of", Entity("Northshire Police")),
        Fact("Ben Ostrow", "member_of", Entity("Northshire Police")),
        Fact("Operation Lantern", "type", Entity("Operation")),
        Fact("Operation Lantern", "arrests", integer),
        Fact("Operation Lantern", "started_on", date),
        Fact("Operation Lantern", "seized_kg", decimal),
    };
    (void)s->AddFacts(facts);
    return s;
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string query(reinterpret_cast<const char*>(data), size);
  kg::graph::QueryOptions options;
  options.limit = 100;
  options.max_rows = 1000;
  options.max_scanned = 100000;
  options.max_memory_bytes = 8 << 20;
  options.with_evidence = (size % 2) == 0;
  options.deadline = absl::Now() + absl::Milliseconds(200);
  (void)kg::graph::ExecuteQuery(TheStore(), query, options,
                                [](kg::v1::QueryRow) { return true; });
  (void)kg::graph::PlanQueryText(TheStore(), query);
  return 0;
}
