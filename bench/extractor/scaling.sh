#!/usr/bin/env bash
# Extraction cost against document size: one document of 1, 4 and 16 MB,
# article text and one sentence repeated, each size in its own process.
# Prints the JSON lines of big_document_bench and a table with seconds per
# MB (flat when the cost is linear).
#
#   bench/extractor/scaling.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bazel build -c opt //bench/extractor:big_document_bench >/dev/null 2>&1
bin=bazel-bin/bench/extractor/big_document_bench
lines=""
for kind in "" "--one_sentence"; do
  for mb in 1 4 16; do
    lines+="$("$bin" --mb="$mb" $kind)"$'\n'
  done
done
printf '%s' "$lines"
LINES="$lines" node -e '
const rows = process.env.LINES.trim().split("\n").map((l) => JSON.parse(l));
console.log("\ntext           MB   seconds   s/MB     facts   evidence   peak RSS MB");
for (const r of rows) {
  console.log((r.one_sentence ? "one sentence" : "articles").padEnd(13) +
              String(r.mb).padStart(4) + r.seconds.toFixed(2).padStart(10) +
              (r.seconds / r.mb).toFixed(3).padStart(7) + String(r.facts).padStart(10) +
              String(r.evidence).padStart(11) + r.rss_mb.toFixed(0).padStart(14));
}'
