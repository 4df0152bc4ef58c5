// gen_facts: writes the synthetic fact set (bench/graph/fact_generator.h) for
// the systems the graph service is compared with, and the benchmark queries.
//
//   gen_facts --facts=1000000 --out_dir=/tmp/kg-bench
//
// Files in --out_dir:
//   facts.nt        one N-Triples line per fact statement (a fact stated by
//                   several documents appears several times; Oxigraph keeps
//                   it once)
//   kuzu_terms.csv  Kùzu node rows "key,kind" (every distinct term once)
//   kuzu_facts.csv  Kùzu rel rows "from,to,predicate" (every distinct fact once)
//   queries.tsv     the benchmark queries (bench/graph/query_set.h)
// and one JSON line on stdout with the counts.
#include <cstdio>
#include <fstream>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/graph/fact_formats.h"
#include "bench/graph/fact_generator.h"
#include "bench/graph/query_set.h"

ABSL_FLAG(uint64_t, facts, 1000000, "Fact statements to generate.");
ABSL_FLAG(uint32_t, entities, 100000, "Entities in the world.");
ABSL_FLAG(uint32_t, documents, 50000, "Documents.");
ABSL_FLAG(uint64_t, seed, 1, "Generator seed.");
ABSL_FLAG(int, queries_per_shape, 200, "Benchmark queries per shape.");
ABSL_FLAG(double, zipf, 0.8, "Exponent of the entity popularity law.");
ABSL_FLAG(std::string, out_dir, "", "Output directory (must exist).");

namespace {

class Writers {
 public:
  explicit Writers(const std::string& dir)
      : nt_(dir + "/facts.nt"),
        terms_(dir + "/kuzu_terms.csv"),
        facts_(dir + "/kuzu_facts.csv") {}

  bool ok() const { return nt_.good() && terms_.good() && facts_.good(); }

  void Write(const kg::v1::Fact& fact) {
    nt_ << kg::bench::NTriplesLine(fact);
    ++statements_;
    kg::v1::Value subject;
    subject.set_entity(fact.subject());
    const std::string from = AddTerm(subject);
    const std::string to = AddTerm(fact.value());
    const std::string row = absl::StrCat(from, ",", to, ",", fact.predicate());
    if (fact_hashes_.insert(absl::Hash<std::string>{}(row)).second) {
      facts_ << row << "\n";
    }
  }

  uint64_t statements() const { return statements_; }
  uint64_t distinct_facts() const { return fact_hashes_.size(); }
  uint64_t terms() const { return terms_seen_.size(); }

 private:
  std::string AddTerm(const kg::v1::Value& value) {
    std::string key = kg::bench::TermKey(value);
    if (terms_seen_.insert(key).second) {
      terms_ << key << "," << key.substr(0, 1) << "\n";
    }
    return key;
  }

  std::ofstream nt_, terms_, facts_;
  uint64_t statements_ = 0;
  absl::flat_hash_set<std::string> terms_seen_;
  absl::flat_hash_set<size_t> fact_hashes_;
};

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Writes the synthetic graph benchmark facts.");
  absl::ParseCommandLine(argc, argv);
  const std::string dir = absl::GetFlag(FLAGS_out_dir);
  if (dir.empty()) {
    std::fprintf(stderr, "gen_facts: --out_dir is required\n");
    return 2;
  }
  kg::bench::GeneratorOptions options;
  options.facts = absl::GetFlag(FLAGS_facts);
  options.entities = absl::GetFlag(FLAGS_entities);
  options.documents = absl::GetFlag(FLAGS_documents);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.zipf_exponent = absl::GetFlag(FLAGS_zipf);
  const absl::Time start = absl::Now();
  kg::bench::FactGenerator generator(options);
  kg::bench::QuerySampler sampler(options.seed,
                                  absl::GetFlag(FLAGS_queries_per_shape));
  Writers writers(dir);
  if (!writers.ok()) {
    std::fprintf(stderr, "gen_facts: cannot write in %s\n", dir.c_str());
    return 1;
  }
  generator.ForEachDocument([&](const kg::bench::GeneratedDocument& doc) {
    for (const kg::v1::Fact& fact : doc.facts) {
      writers.Write(fact);
      sampler.Observe(fact);
    }
    return true;
  });
  std::ofstream queries(dir + "/queries.tsv");
  for (const auto& query : sampler.Queries()) {
    queries << kg::bench::FormatQueryLine(query);
  }
  std::printf(
      "{\"bench\":\"gen_facts\",\"statements\":%llu,\"distinct_facts\":%llu,"
      "\"terms\":%llu,\"documents\":%u,\"entities\":%u,\"seconds\":%.2f}\n",
      static_cast<unsigned long long>(writers.statements()),
      static_cast<unsigned long long>(writers.distinct_facts()),
      static_cast<unsigned long long>(writers.terms()), options.documents,
      options.entities, absl::ToDoubleSeconds(absl::Now() - start));
  return queries.good() ? 0 : 1;
}
