#!/usr/bin/env bash
# Extraction throughput, side by side on one generated corpus (>= 5 MB of
# press-release text): our full pipeline (C++, entities + relations) against
# wink-nlp (entities only) and compromise (people/places/organisations), one
# core each; then p99 latency of one 5 KB document through gRPC. Prints JSON
# lines and a table with the ratios. Each tool reports wall-clock and CPU
# time; the table's "MB/s/core" and the ratios use CPU time (on a shared
# machine the pinned core is not ours alone), the wall figure is beside it.
#
#   bench/extractor/run.sh [MB]      (default 6)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mb="${1:-6}"
cd "$root"

if [[ ! -d "$here/node_modules/wink-nlp" || ! -d "$here/node_modules/compromise" ]]; then
  (cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
fi
bazel build -c opt //bench/extractor:extractor_bench //bench/extractor:grpc_latency_bench >/dev/null 2>&1
corpus="$(mktemp /tmp/kg-bench-corpus.XXXXXX)"
trap 'rm -f "$corpus"' EXIT
bazel-bin/bench/extractor/extractor_bench --write_corpus="$corpus" --mb="$mb"

results="$( (taskset -c 0 bazel-bin/bench/extractor/extractor_bench --corpus="$corpus" --rounds=3 2>/dev/null ||
             bazel-bin/bench/extractor/extractor_bench --corpus="$corpus" --rounds=3)
            (taskset -c 0 node "$here/node_bench.js" "$corpus" 2 2>/dev/null ||
             node "$here/node_bench.js" "$corpus" 2) )"
latency="$(bazel-bin/bench/extractor/grpc_latency_bench --calls=2000)"
echo "$results"
echo "$latency"
RESULTS="$results" LATENCY="$latency" node -e '
const rows = process.env.RESULTS.trim().split("\n").map((l) => JSON.parse(l));
const ours = rows.find((r) => r.tool === "kg-extractor");
const perCore = (r) => r.mb_per_cpu_s || r.mb_per_s;
console.log("\ntool           task                          MB/s/core   ours/them   (wall MB/s)");
for (const r of rows) {
  console.log(r.tool.padEnd(15) + r.task.padEnd(30) + perCore(r).toFixed(2).padStart(9) +
              (perCore(ours) / perCore(r)).toFixed(2).padStart(12) +
              r.mb_per_s.toFixed(2).padStart(13));
}
const lat = JSON.parse(process.env.LATENCY);
console.log(`\ngRPC Extract, ~${lat.avg_doc_bytes} B document: p50 ${lat.p50_ms} ms, p99 ${lat.p99_ms} ms (${lat.calls} calls)`);
const summary = {corpus_mb: ours.mb, ours_mb_per_cpu_s: perCore(ours), ours_mb_per_s: ours.mb_per_s,
                 grpc_p99_ms: lat.p99_ms};
for (const r of rows) {
  if (r !== ours) summary["ratio_vs_" + r.tool] = +(perCore(ours) / perCore(r)).toFixed(2);
}
console.log(JSON.stringify(summary));
'
