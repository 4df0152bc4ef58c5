// Deterministic press-release corpus for the extractor benchmarks: fictional
// documents of about 5 KB built from templates (forces, ranks, names,
// operations, crime types, places), separated by a form feed line.
#ifndef KG_BENCH_EXTRACTOR_CORPUS_H_
#define KG_BENCH_EXTRACTOR_CORPUS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace kg::bench {

// One generated document of roughly `bytes` bytes; the same `seed` always
// gives the same text.
std::string GenerateDocument(unsigned seed, size_t bytes = 5000);

// Documents totalling at least `total_bytes`, joined by "\f\n".
std::string GenerateCorpus(size_t total_bytes);

// Splits a corpus back into its documents.
std::vector<std::string> SplitCorpus(const std::string& corpus);

}  // namespace kg::bench

#endif  // KG_BENCH_EXTRACTOR_CORPUS_H_
