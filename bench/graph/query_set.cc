#include "bench/graph/query_set.h"

#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kg::bench {
namespace {

bool IsLinkPredicate(const std::string& predicate) {
  return predicate == "member_of" || predicate == "part_of" ||
         predicate == "operates_in" || predicate == "targets" ||
         predicate == "located_in" || predicate == "leads";
}

}  // namespace

const char* ShapeName(QueryShape shape) {
  switch (shape) {
    case QueryShape::kSubject: return "subject";
    case QueryShape::kPredValue: return "pred_value";
    case QueryShape::kJoin: return "join";
    case QueryShape::kTwoHop: return "two_hop";
  }
  return "";
}

std::string ToKgQuery(const BenchQuery& query) {
  switch (query.shape) {
    case QueryShape::kSubject:
      return absl::StrCat("<", query.a, "> ?p ?o");
    case QueryShape::kPredValue:
      return absl::StrCat("?s ", query.a, " <", query.b, ">");
    case QueryShape::kJoin:
      return absl::StrCat("<", query.a, "> leads ?y . ?y type Operation");
    case QueryShape::kTwoHop:
      return absl::StrCat("<", query.a, "> ?p1 ?y . ?y ?p2 ?z");
  }
  return "";
}

QuerySampler::QuerySampler(uint64_t seed, int per_shape)
    : rng_(seed ^ 0x5eed0fbe9c4ULL), per_shape_(per_shape) {}

void QuerySampler::Offer(int shape, BenchQuery query) {
  const uint64_t seen = ++seen_[shape];
  std::vector<BenchQuery>& samples = samples_[shape];
  if (samples.size() < static_cast<size_t>(per_shape_)) {
    samples.push_back(std::move(query));
    return;
  }
  const uint64_t slot = rng_() % seen;
  if (slot < samples.size()) samples[slot] = std::move(query);
}

void QuerySampler::Observe(const kg::v1::Fact& fact) {
  Offer(0, {QueryShape::kSubject, fact.subject(), ""});
  Offer(3, {QueryShape::kTwoHop, fact.subject(), ""});
  if (fact.value().has_entity() && IsLinkPredicate(fact.predicate())) {
    Offer(1, {QueryShape::kPredValue, fact.predicate(), fact.value().entity()});
  }
  if (fact.predicate() == "leads") {
    Offer(2, {QueryShape::kJoin, fact.subject(), ""});
  }
}

std::vector<BenchQuery> QuerySampler::Queries() const {
  std::vector<BenchQuery> all;
  for (const auto& samples : samples_) {
    all.insert(all.end(), samples.begin(), samples.end());
  }
  return all;
}

std::string FormatQueryLine(const BenchQuery& query) {
  return absl::StrCat(ShapeName(query.shape), "\t", query.a, "\t", query.b,
                      "\n");
}

absl::StatusOr<std::vector<BenchQuery>> ReadQueryFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::vector<BenchQuery> queries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    bool known = false;
    BenchQuery query;
    for (QueryShape shape : kAllShapes) {
      if (fields[0] == ShapeName(shape)) {
        query.shape = shape;
        known = true;
      }
    }
    if (!known || fields.size() != 3 || fields[1].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": malformed query line"));
    }
    query.a = fields[1];
    query.b = fields[2];
    queries.push_back(std::move(query));
  }
  return queries;
}

}  // namespace kg::bench
