// The four benchmark query shapes and the keys they are asked with, chosen
// from the generated facts so that every system is asked exactly the same
// questions:
//
//   kSubject    <S> ?p ?o                         all facts of one subject
//   kPredValue  ?s P <O>                          subjects of a predicate+value
//   kJoin       <X> leads ?y . ?y type Operation  a two-pattern join
//   kTwoHop     <X> ?p1 ?y . ?y ?p2 ?z            2-hop neighbourhood
//
// Keys are drawn uniformly over fact *statements* (reservoir sampling), so
// popular entities are asked about as often as documents mention them.
// Stored one query per line as "shape<TAB>a<TAB>b" (b empty except for
// kPredValue, where a is the predicate and b the entity).
#ifndef KG_BENCH_GRAPH_QUERY_SET_H_
#define KG_BENCH_GRAPH_QUERY_SET_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/v1/fact.pb.h"

namespace kg::bench {

enum class QueryShape { kSubject, kPredValue, kJoin, kTwoHop };

inline constexpr QueryShape kAllShapes[] = {
    QueryShape::kSubject, QueryShape::kPredValue, QueryShape::kJoin,
    QueryShape::kTwoHop};

// "subject", "pred_value", "join", "two_hop".
const char* ShapeName(QueryShape shape);

struct BenchQuery {
  QueryShape shape = QueryShape::kSubject;
  std::string a;
  std::string b;
};

// The query in the graph service's query language.
std::string ToKgQuery(const BenchQuery& query);

// Keeps `per_shape` uniform samples of each shape's keys over the facts it
// observes. Deterministic for a given seed and observation order.
class QuerySampler {
 public:
  QuerySampler(uint64_t seed, int per_shape);
  void Observe(const kg::v1::Fact& fact);
  // Shapes in kAllShapes order, each in sampling order.
  std::vector<BenchQuery> Queries() const;

 private:
  void Offer(int shape, BenchQuery query);

  std::mt19937_64 rng_;
  int per_shape_;
  uint64_t seen_[4] = {0, 0, 0, 0};
  std::vector<BenchQuery> samples_[4];
};

std::string FormatQueryLine(const BenchQuery& query);

// Reads a file written with FormatQueryLine lines. NotFound if it cannot be
// opened, InvalidArgument (with the line number) for a malformed line.
absl::StatusOr<std::vector<BenchQuery>> ReadQueryFile(const std::string& path);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_QUERY_SET_H_
