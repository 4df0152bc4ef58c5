#!/usr/bin/env bash
# Load test: builds the load generator and both servers, runs them for
# --minutes (default 3) with --writers/--readers (default 2/2), saves the
# JSON lines, and prints a Markdown table of RSS and p99 per window.
#
#   bench/load/run.sh [load_test flags...]
#   KG_LOAD_OUT=/tmp/load.jsonl bench/load/run.sh --minutes=10 --writers=4
#
# Exit status: the load test's (0 passed, 1 failed a check, 2 no servers).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${KG_LOAD_OUT:-/tmp/kg_load_test.jsonl}"
cd "$root"

bazel build //bench/load:load_test >/dev/null 2>&1 ||
  bazel build //bench/load:load_test
echo "host: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
bazel-bin/bench/load/load_test "$@" | tee "$out" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); lines in $out" >&2

python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], errors="replace")
        if line.startswith("{")]
print("\n| window | elapsed s | ingests ok/failed | ingest p99 ms | reads ok/failed "
      "| read p99 ms | graph RSS MB | graph peak MB | extractor RSS MB | facts "
      "| evidence | db MB | cache MB (memtables) | term cache MB | load 1m |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    if "window" in r:
        print(f"| {r['window']} | {r['elapsed_s']:.0f} | {r['ingest_ok']}/{r['ingest_failed']} "
              f"| {r['ingest_p99_ms']:.1f} | {r['read_ok']}/{r['read_failed']} "
              f"| {r['read_p99_ms']:.1f} | {r['graph_rss_mb']:.1f} "
              f"| {r['graph_peak_rss_mb']:.1f} | {r['extractor_rss_mb']:.1f} "
              f"| {r['store']['facts']} | {r['store']['evidence']} "
              f"| {r['store']['db_mb']:.1f} "
              f"| {r['store'].get('cache_mb', 0):.1f} ({r['store'].get('memtable_mb', 0):.1f}) "
              f"| {r['store'].get('term_cache_mb', 0):.1f} | {r['loadavg_1m']:.2f} |")
for r in rows:
    if r.get("summary"):
        g, e = r["graph"], r["extractor"]
        print(f"\noverall: ingest p99 {r['ingest_p99_ms']:.1f} ms, read p99 "
              f"{r['read_p99_ms']:.1f} ms; graph peak RSS {g['peak_rss_mb']:.1f} MB "
              f"(growth {g['growth']:.2f}x, bounded={g['bounded']}); extractor peak "
              f"{e['peak_rss_mb']:.1f} MB (growth {e['growth']:.2f}x); passed={r['passed']}")
PY
exit "$status"
