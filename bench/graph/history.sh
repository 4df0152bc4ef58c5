#!/usr/bin/env bash
# Transaction time's cost (docs/time.md): a graph_server loads N statements
# one document at a time, then every document is replaced by a new version
# (another generator seed, same document ids), so the store keeps ~N
# retracted records in its history. Prints JSON lines: the store's size
# after each pass (reopened, so that only live files count) and
# the query p50/p99 per shape after the replace (current evidence only:
# the normal query path). A query as of an instant before the replace reads
# the whole history; its time (or refusal past the query memory budget) is
# printed too.
#
# Run it with an older build to compare (e.g. from a git worktree):
#   bench/graph/history.sh [--facts N] [--documents N] [--repeat N]
#                          [--graph_server BIN] [--label NAME] [--work DIR]
#                          [--keep] [--settle SECONDS]
# --keep leaves the store in DIR/db (for side-by-side query runs);
# --settle idles the server that long before each size (default 30), so
# that background compactions finish and the sizes compare.
# A benchmark, not a test.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FACTS=1000000 DOCUMENTS=50000 ENTITIES=100000 REPEAT=3 SERVER_BIN="" LABEL=ours WORK=""
KEEP=0 SETTLE=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --facts) FACTS="$2"; shift 2 ;;
    --documents) DOCUMENTS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --graph_server) SERVER_BIN="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --settle) SETTLE="$2"; shift 2 ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    *) echo "history.sh: unknown flag $1" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
bazel build //bench/graph:gen_facts //bench/graph:graph_bench \
  //graph_service:graph_server //clients/cli:kg >&2
BIN="$ROOT/bazel-bin"
[[ -n "$SERVER_BIN" ]] || SERVER_BIN="$BIN/graph_service/graph_server"
[[ -n "$WORK" ]] || WORK="$(mktemp -d "${TMPDIR:-/tmp}/kg-bench-history.XXXXXX")"
mkdir -p "$WORK/data"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "$KEEP" == 0 ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

"$BIN/bench/graph/gen_facts" --facts="$FACTS" --documents="$DOCUMENTS" \
  --entities="$ENTITIES" --seed=1 --out_dir="$WORK/data" >/dev/null
DB="$WORK/db"

# shellcheck source=bench/graph/server_control.sh
source "$ROOT/bench/graph/server_control.sh"
start_server() {
  launch_graph_server "$WORK/server.log" "$DB" --max_message_mb=256 \
    --memory_budget_mb=1024 --term_cache_mb=256
}
# The store's size once reopened: opening deletes the table files that
# compactions made obsolete, which a stopped server may have left behind
# (counting them overstated a store by up to 2x). Leaves the server running.
store_size() {
  start_server
  sleep 2
  printf '{"label":"%s","step":"%s","statements":%d,"store_bytes":%d}\n' \
    "$LABEL" "$1" "$FACTS" "$(du -sb "$DB" | cut -f1)"
}
load() {  # one batch per document: each is a ReplaceDocument
  "$BIN/bench/graph/graph_bench" --address="$ADDRESS" --label="${LABEL}_$1" \
    --facts="$FACTS" --documents="$DOCUMENTS" --entities="$ENTITIES" \
    --seed="$2" --mode=load --batch_facts=0
}

start_server
load first_version 1
sleep "$SETTLE"
stop_server
store_size first_version
before_replace="$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)"
load replaced 2
sleep "$SETTLE"
stop_server
store_size replaced
"$BIN/bench/graph/graph_bench" --address="$ADDRESS" --label="${LABEL}_after_replace" \
  --mode=query --queries="$WORK/data/queries.tsv" --repeat="$REPEAT" \
  --neighbourhood=false
# One query as of before the replace: every history record is read.
start_ns="$(date +%s%N)"
if out="$("$BIN/clients/cli/kg" --graph_addr="$ADDRESS" --timeout=600s query \
            --format=csv -n 5 "?s ?p ?o {as_of: \"$before_replace\"}" 2>&1)"; then
  outcome=ok
else
  outcome="$(printf '%s' "$out" | tail -1 | tr -d '"\\' | cut -c1-200)"
fi
printf '{"label":"%s","step":"as_of_before_replace","ms":%d,"outcome":"%s"}\n' \
  "$LABEL" $(( ($(date +%s%N) - start_ns) / 1000000 )) "$outcome"
"$BIN/clients/cli/kg" --graph_addr="$ADDRESS" stats | sed -n 's/^history /{"label":"'"$LABEL"'","step":"history","text":"/p' | sed 's/$/"}/'
stop_server
