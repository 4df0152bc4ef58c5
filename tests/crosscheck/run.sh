#!/usr/bin/env bash
# Cross-check of the graph service against Oxigraph: generates a small
# deterministic graph (bench/graph gen_facts, 5k facts), loads it into a real
# graph_server (one Ingest batch per document) and into an in-process
# Oxigraph store, runs the same basic graph patterns with joins on both and
# compares the result sets (crosscheck.js). Needs node and the npm registry
# (first run: npm ci in bench/graph/node). Exit status 0 when all agree.
#
#   tests/crosscheck/run.sh [--facts N] [--keep]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FACTS=5000 KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --facts) FACTS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "crosscheck: unknown flag $1" >&2; exit 2 ;;
  esac
done
DOCUMENTS=$(( FACTS / 20 > 0 ? FACTS / 20 : 1 ))
ENTITIES=2000
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kg-crosscheck.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "$KEEP" == 0 ]]; then rm -rf "$WORK"; else echo "crosscheck: kept $WORK" >&2; fi
}
trap cleanup EXIT

cd "$ROOT"
bazel build //bench/graph:gen_facts //bench/graph:graph_bench \
  //graph_service:graph_server 2>&1 | tail -1 >&2
BIN="$ROOT/bazel-bin"
NODE_DIR="$ROOT/bench/graph/node"
if [[ ! -d "$NODE_DIR/node_modules/oxigraph" || ! -d "$NODE_DIR/node_modules/@grpc/grpc-js" ]]; then
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund >&2)
fi

mkdir -p "$WORK/data"
"$BIN/bench/graph/gen_facts" --facts="$FACTS" --documents="$DOCUMENTS" \
  --entities="$ENTITIES" --queries_per_shape=15 --out_dir="$WORK/data" >&2

"$BIN/graph_service/graph_server" --port=0 --db_path="$WORK/db" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 300); do
  PORT="$(sed -n 's/.*listening on [0-9.]*:\([0-9]*\).*/\1/p' "$WORK/server.log" | head -1)"
  [[ -n "$PORT" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$PORT" ]] || { echo "crosscheck: graph_server did not start" >&2; exit 1; }

"$BIN/bench/graph/graph_bench" --address="127.0.0.1:$PORT" --mode=load \
  --facts="$FACTS" --documents="$DOCUMENTS" --entities="$ENTITIES" \
  --batch_facts=0 --label=crosscheck >&2
NODE_PATH="$NODE_DIR/node_modules" node "$ROOT/tests/crosscheck/crosscheck.js" \
  "127.0.0.1:$PORT" "$WORK/data" "$ROOT/protos"
