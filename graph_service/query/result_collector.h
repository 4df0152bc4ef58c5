// The solution modifiers of a query: projection, de-duplication, COUNT with
// GROUP BY, ORDER BY, OFFSET and LIMIT, applied to the solutions the join
// produces, with a memory guard on everything it must hold.
//
// Solutions arrive as bindings of TermIds. Without ORDER BY or COUNT, rows
// stream: each is decoded and emitted as it arrives. Otherwise rows are held
// until Finish (ORDER BY with a LIMIT keeps only the best OFFSET+LIMIT rows).
#ifndef KG_GRAPH_SERVICE_QUERY_RESULT_COLLECTOR_H_
#define KG_GRAPH_SERVICE_QUERY_RESULT_COLLECTOR_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "graph_service/query/row_sink.h"
#include "graph_service/query/term_decoder.h"
#include "graph_service/store/graph_store.h"
#include "kg/v1/graph.pb.h"

namespace kg::graph {

// What to make of the solutions. A "cell" is a slot of the intermediate
// row: without COUNT, the binding itself (one cell per variable); with
// COUNT, the grouped variables followed by one cell per COUNT.
struct ResultSpec {
  struct Column {
    std::string name;
    int cell = 0;
  };
  struct Count {
    int variable = -1;  // -1: COUNT(*)
    bool distinct = false;
  };
  struct SortKey {
    int cell = 0;
    bool descending = false;
  };
  std::vector<Column> columns;
  // Per variable of the binding: holds predicate ids (decoded as text).
  std::vector<bool> predicate_variables;
  // Without COUNT: drop rows whose projected cells were already emitted.
  bool deduplicate = false;
  bool aggregate = false;
  std::vector<int> group_variables;  // binding slots; aggregate only
  std::vector<Count> counts;         // aggregate only
  std::vector<SortKey> order;
  uint64_t offset = 0;
  std::optional<uint64_t> limit;  // rows after OFFSET
  uint64_t max_memory_bytes = 0;  // 0: unlimited
  bool with_support = false;
};

class ResultCollector {
 public:
  // Fills row.support from the facts a solution matched.
  using SupportFn = std::function<absl::Status(const std::vector<IdTriple>&,
                                               kg::v1::QueryRow*)>;

  // Rows are built in place in `sink`, which must outlive the collector.
  ResultCollector(ResultSpec spec, TermDecoder* decoder, SupportFn support,
                  RowSink* sink);

  // Takes one solution. False when evaluation should stop: the limit was
  // reached, `emit` declined, or an error (see status()).
  bool Add(const std::vector<TermId>& binding,
           const std::vector<IdTriple>& matched);

  // Emits the held rows (aggregates, sorted rows). Returns the first error
  // met by Add or Finish: ResourceExhausted when the memory guard tripped,
  // store errors while decoding.
  absl::Status Finish();

  absl::Status status() const { return status_; }

  // What the memory guard charges for one COUNT/GROUP BY group of `keys`
  // grouping variables and `counts` counts, and for one row held for
  // de-duplication: the entry's hash-table slot at the table's peak (while
  // it rehashes) plus its heap blocks, as glibc allocates them. Checked
  // against the allocator in query_memory_test.
  static uint64_t GroupBytes(size_t keys, size_t counts);
  static uint64_t SeenRowBytes(size_t columns);

 private:
  struct HeldRow {
    std::vector<uint64_t> cells;
    std::vector<kg::v1::Value> keys;  // decoded sort keys
    std::vector<IdTriple> matched;    // only with support
    uint64_t sequence = 0;
  };
  struct Group {
    std::vector<uint64_t> counts;
    std::vector<absl::flat_hash_set<TermId>> distinct;
    // Groups are emitted in the order their first row was found, so that
    // the same query on the same store gives the same rows in the same
    // order (hash-map order is not stable: debug builds randomise it).
    uint64_t first_seen = 0;
  };

  bool AddAggregate(const std::vector<TermId>& binding);
  bool Hold(std::vector<uint64_t> cells, const std::vector<IdTriple>& matched);
  bool EmitCells(const std::vector<uint64_t>& cells,
                 const std::vector<IdTriple>& matched);
  bool FillRow(const std::vector<uint64_t>& cells,
               const std::vector<IdTriple>& matched, kg::v1::QueryRow* row);
  absl::StatusOr<kg::v1::Value> CellValue(const std::vector<uint64_t>& cells,
                                          int cell);
  bool IsCountCell(int cell) const;
  bool Less(const HeldRow& a, const HeldRow& b) const;
  void Prune();
  bool Charge(uint64_t bytes);
  bool Fail(absl::Status status);

  const ResultSpec spec_;
  TermDecoder* decoder_;
  const SupportFn support_;
  RowSink* const sink_;
  uint64_t keep_ = 0;  // rows ORDER BY must keep (0: all)

  absl::flat_hash_set<std::vector<uint64_t>> seen_;
  absl::flat_hash_map<std::vector<TermId>, Group> groups_;
  std::vector<HeldRow> held_;
  uint64_t sequence_ = 0;
  uint64_t skipped_ = 0;
  uint64_t emitted_ = 0;
  uint64_t memory_ = 0;
  bool done_ = false;
  absl::Status status_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_RESULT_COLLECTOR_H_
