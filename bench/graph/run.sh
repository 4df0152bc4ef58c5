#!/usr/bin/env bash
# The graph benchmark, side by side in one run on this machine: our
# graph_server over gRPC (durable, --sync_writes=true), Oxigraph and Kùzu
# in-process (npm), our core in-process on the same store (core_bench), the
# gRPC echo floor and the raw RocksDB floor. Prints
# JSON lines (also kept in $WORK/results.jsonl) and a table with the ratios.
# A benchmark, not a test: nothing fails on a missed target.
#
#   bench/graph/run.sh [--facts N] [--documents N] [--entities N]
#                      [--repeat N] [--with-10m] [--skip-doc-batches]
#                      [--work DIR] [--keep] [--graph_server BIN]
#                      [--query_rpc batches|rows] [--bulk_chunk FACTS]
#
# Our load is measured three ways, each into a fresh server: 1000-fact
# batches (AddFacts), one batch per document (ReplaceDocument), and the
# bulk path (metadata kg-ingest-mode: bulk, 10,000-fact batches, chunks of
# --bulk_chunk facts written as table files; docs/api.md). The queries run
# on the store the bulk load built.
#
# --with-10m also bulk-loads 10M facts into a fresh graph_server and
# compares its query p50s with the 1M run's (target ≤ 1.5×);
# The unbounded GetNeighbourhood (limit 1,000,000) is not timed at 10M; the
# walks with the server's default limits (GetNeighbourhood, FindPath) are
# timed at both sizes (targets: p50 <= 10 ms, p99 <= 100 ms).
# --graph_server measures another graph_server binary (e.g. an older build
# kept aside; default: the one built here). --query_rpc=rows queries with
# the one-message-per-row Query RPC instead of QueryBatches (needed for a
# server older than QueryBatches).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FACTS=1000000 DOCUMENTS=50000 ENTITIES=100000 REPEAT=3
WITH_10M=0 DOC_BATCHES=1 KEEP=0 WORK="" SERVER_BIN="" QUERY_RPC=batches
BULK_CHUNK=250000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --facts) FACTS="$2"; shift 2 ;;
    --documents) DOCUMENTS="$2"; shift 2 ;;
    --entities) ENTITIES="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --with-10m) WITH_10M=1; shift ;;
    --skip-doc-batches) DOC_BATCHES=0; shift ;;
    --work) WORK="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --graph_server) SERVER_BIN="$2"; shift 2 ;;
    --query_rpc) QUERY_RPC="$2"; shift 2 ;;
    --bulk_chunk) BULK_CHUNK="$2"; shift 2 ;;
    -h|--help) sed -n 2,20p "$0"; exit 0 ;;
    *) echo "run.sh: unknown flag $1" >&2; exit 2 ;;
  esac
done
[[ -n "$WORK" ]] || WORK="$(mktemp -d "${TMPDIR:-/tmp}/kg-bench-graph.XXXXXX")"
mkdir -p "$WORK"
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "$KEEP" == 0 ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

cd "$ROOT"
bazel build //bench/graph:gen_facts //bench/graph:graph_bench \
  //bench/graph:core_bench //bench/graph:rocksdb_floor \
  //graph_service:graph_server >&2
BIN="$ROOT/bazel-bin"
[[ -n "$SERVER_BIN" ]] || SERVER_BIN="$BIN/graph_service/graph_server"
if [[ ! -d bench/graph/node/node_modules/oxigraph || ! -d bench/graph/node/node_modules/kuzu ]]; then
  (cd bench/graph/node && npm ci --no-audit --no-fund >&2)
fi

record() { tee -a "$RESULTS"; }

# start_server DB_DIR: starts graph_server on a free port, sets SERVER_PID
# and ADDRESS. A 1 GiB memory budget and a 256 MiB term cache, which holds
# the whole dictionary up to ~1.5M terms (10M facts: 1.33M terms)
# (docs/operations.md#memory; Kùzu's buffer pool defaults to most of RAM,
# Oxigraph here is all in memory); an older server without the flags gets
# its own defaults ($SERVER_FLAGS).
SERVER_FLAGS="${SERVER_FLAGS---memory_budget_mb=1024 --term_cache_mb=256}"
# shellcheck source=bench/graph/server_control.sh
source "$ROOT/bench/graph/server_control.sh"
start_server() {
  # shellcheck disable=SC2086
  launch_graph_server "$WORK/server.$(basename "$1").log" "$1" \
    --max_message_mb=256 --bulk_chunk_facts="$BULK_CHUNK" $SERVER_FLAGS
}

# ours LABEL FACTS DOCUMENTS DATA_DIR: bulk-loads a server, runs the
# queries and the echo floor on it, then (unless skipped) loads fresh
# servers with 1000-fact batches and with one batch per document.
ours() {
  local label="$1" facts="$2" docs="$3" data="$4"
  local gen=(--facts="$facts" --documents="$docs" --entities="$ENTITIES")
  local neighbourhood=true
  [[ "$facts" -gt 2000000 ]] && neighbourhood=false
  start_server "$WORK/db_${label}_bulk"
  "$BIN/bench/graph/graph_bench" --address="$ADDRESS" --label="$label" \
    "${gen[@]}" --mode=load --batch_facts=10000 --bulk | record
  "$BIN/bench/graph/graph_bench" --address="$ADDRESS" --label="$label" \
    --mode=query,echo --queries="$data/queries.tsv" --repeat="$REPEAT" \
    --query_rpc="$QUERY_RPC" --neighbourhood="$neighbourhood" | record
  "$BIN/bench/graph/graph_bench" --address="$ADDRESS" --label="$label" \
    --mode=walks,overhead --queries="$data/queries.tsv" --repeat="$REPEAT" | record
  stop_server
  # The same store in-process (store + query engine, no gRPC), once the
  # server has let go of it.
  "$BIN/bench/graph/core_bench" --db_path="$WORK/db_${label}_bulk" \
    --label="${label}_inprocess" --queries="$data/queries.tsv" \
    --repeat="$REPEAT" | record
  rm -rf "$WORK/db_${label}_bulk" "$WORK/db_${label}_bulk.bulk"
  if [[ "$DOC_BATCHES" == 1 ]]; then
    for batching in 1000 0; do
      start_server "$WORK/db_${label}_$batching"
      "$BIN/bench/graph/graph_bench" --address="$ADDRESS" --label="$label" \
        "${gen[@]}" --mode=load --batch_facts="$batching" | record
      stop_server
      rm -rf "$WORK/db_${label}_$batching"
    done
  fi
}

mkdir -p "$WORK/data"
"$BIN/bench/graph/gen_facts" --facts="$FACTS" --documents="$DOCUMENTS" \
  --entities="$ENTITIES" --out_dir="$WORK/data" | record
ours ours "$FACTS" "$DOCUMENTS" "$WORK/data"
PER_DOC=$(( FACTS / DOCUMENTS ))
"$BIN/bench/graph/rocksdb_floor" --db_path="$WORK/rocks_doc" --keys="$FACTS" \
  --batch="$PER_DOC" | record
"$BIN/bench/graph/rocksdb_floor" --db_path="$WORK/rocks_1000" --keys="$FACTS" \
  --batch=1000 | record
rm -rf "$WORK/rocks_doc" "$WORK/rocks_1000"
node bench/graph/node/bench.js oxigraph "$WORK/data" "$REPEAT" | record
node bench/graph/node/bench.js kuzu "$WORK/data" "$WORK/kuzu" "$REPEAT" | record
rm -rf "$WORK/kuzu"

if [[ "$WITH_10M" == 1 ]]; then
  mkdir -p "$WORK/data10m"
  "$BIN/bench/graph/gen_facts" --facts=10000000 --documents="$DOCUMENTS" \
    --entities="$ENTITIES" --out_dir="$WORK/data10m" | sed 's/"gen_facts"/"gen_facts_10m"/' | record
  rm -f "$WORK/data10m/facts.nt" "$WORK/data10m/kuzu_"*.csv
  # The 1M query keys, so the latencies compare the same questions.
  DOC_BATCHES=0 ours ours10m 10000000 "$DOCUMENTS" "$WORK/data"
fi

python3 "$ROOT/bench/graph/report.py" "$RESULTS"
