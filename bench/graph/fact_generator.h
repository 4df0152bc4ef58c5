// A deterministic synthetic news-like fact set for the graph benchmarks and
// the Oxigraph cross-check.
//
// The world: `entities` entities (persons, organizations, units, operations,
// campaigns, programmes, places and the ontology's crime types) whose
// popularity follows a Zipf law over their id (id 0 is the most popular).
// Each entity has intrinsic facts fixed by (seed, id) — its type, role,
// membership, what it leads, targets, where it operates — over the ontology's
// ten core predicates plus two project-defined ones, `started_on` (date) and
// `arrests` (integer). Documents mention Zipf-drawn entities and state some
// of their intrinsic facts (so popular facts are stated by many documents:
// one fact, many evidence records) plus document-specific quotations
// (`said`). Every fact carries one evidence record naming its document,
// sentence, offsets, rule and confidence.
//
// The same options always yield the same documents, byte for byte.
//
// Thread-compatible: a FactGenerator is immutable after construction, so
// const methods may be called from several threads.
#ifndef KG_BENCH_GRAPH_FACT_GENERATOR_H_
#define KG_BENCH_GRAPH_FACT_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kg/v1/fact.pb.h"

namespace kg::bench {

struct GeneratorOptions {
  uint64_t seed = 1;
  // Entities in the world (at least 100).
  uint32_t entities = 100000;
  // Fact statements over all documents (one evidence record each).
  uint64_t facts = 1000000;
  // Documents the statements are spread over (as evenly as possible).
  uint32_t documents = 50000;
  // Exponent of the Zipf popularity law.
  double zipf_exponent = 0.8;
};

enum class EntityKind {
  kCrimeType,
  kPerson,
  kOrganization,
  kUnit,
  kOperation,
  kCampaign,
  kProgramme,
  kPlace,
};

// One document: its id ("doc-0000042") and its distinct facts.
struct GeneratedDocument {
  uint32_t index = 0;
  std::string id;
  std::vector<kg::v1::Fact> facts;
};

class FactGenerator {
 public:
  explicit FactGenerator(const GeneratorOptions& options);

  const GeneratorOptions& options() const { return options_; }

  // Document `index` (< options().documents).
  GeneratedDocument Document(uint32_t index) const;

  // Calls `visit` with every document in index order until it returns false.
  void ForEachDocument(
      const std::function<bool(const GeneratedDocument&)>& visit) const;

  // Canonical name and kind of entity `id` (< options().entities). Names are
  // unique, contain no comma, tab, quote or backslash.
  std::string EntityName(uint32_t id) const;
  EntityKind Kind(uint32_t id) const { return kinds_[id]; }

  // "doc-0000042".
  static std::string DocumentId(uint32_t index);

 private:
  struct Statement {
    std::string predicate;
    kg::v1::Value value;
  };

  // Intrinsic statements of entity `id` (same for every document).
  std::vector<Statement> Intrinsic(uint32_t id) const;
  // An entity of `kind`, skewed towards the popular ones.
  uint32_t PickOfKind(EntityKind kind, uint64_t hash) const;
  uint32_t ZipfDraw(double uniform) const;

  GeneratorOptions options_;
  std::vector<EntityKind> kinds_;
  // Position of each entity inside its kind's list.
  std::vector<uint32_t> index_in_kind_;
  std::vector<std::vector<uint32_t>> by_kind_;
  // Cumulative Zipf weights over entity ids, normalised to 1.
  std::vector<double> zipf_cdf_;
};

// Name of a kind as a `type` value ("Person"...).
const char* KindName(EntityKind kind);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_FACT_GENERATOR_H_
