#!/usr/bin/env bash
# Smoke test of the shipped binaries, as a user runs them: start both
# services, check the CLI's answers and error messages, stop them with
# SIGTERM. Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

bazel build //graph_service:graph_server //extractor_service:extractor_server //clients/cli:kg >/dev/null 2>&1
kg() { bazel-bin/clients/cli/kg "$@"; }

check() {  # check NAME EXPECTED_SUBSTRING OUTPUT
  if [[ "$3" != *"$2"* ]]; then
    echo "smoke: FAIL $1: expected '$2' in:" >&2
    echo "$3" >&2
    exit 1
  fi
  echo "smoke: ok   $1"
}

# Nothing running yet: the CLI must say so clearly.
out=$(kg --graph_addr=127.0.0.1:1 --timeout=2s stats 2>&1 || true)
check "unreachable graph is named" "cannot reach the graph service at 127.0.0.1:1" "$out"

source tools/services.sh
trap stop_services EXIT
start_services

out=$(kg ingest examples/documents/*.txt 2>&1)
check "ingest reports every document" "ingested 3 of 3 documents" "$out"
out=$(kg ingest examples/documents/*.txt 2>&1)
check "re-ingest is a no-op" "3 unchanged" "$out"

out=$(kg query --why '?p has_role "Commander" . ?p leads ?op . ?op type Operation' 2>&1)
check "commander's operations" "Operation Larkspur" "$out"
check "answers cite their sentence" "who leads Operations Larkspur and Halyard" "$out"

out=$(kg query --json '?p has_role ?r' 2>&1)
check "json rows" '{"p":' "$out"

out=$(kg query '?p has_role' 2>&1 || true)
check "malformed query names line and column" "line 1, column" "$out"

out=$(kg entity "Nobody Atall" 2>&1 || true)
check "unknown entity" "NOT_FOUND" "$out"

out=$(printf 'bad \xff byte' > "$KG_RUN_DIR/bad.txt"; kg ingest "$KG_RUN_DIR/bad.txt" 2>&1 || true)
check "invalid UTF-8 is refused" "INVALID_ARGUMENT" "$out"

out=$(kg delete gmp_knife_crime_crackdown 2>&1)
check "delete retracts" "facts retracted" "$out"
out=$(kg query '?p leads <Operation Larkspur>' 2>&1)
check "deleted facts are gone" "(0 rows)" "$out"

# Online backup, then a restore into a fresh directory: same export.
kg ingest examples/documents/*.txt >/dev/null
out=$(kg backup smoke 2>&1)
check "online backup" "backup smoke:" "$out"
kg export --format=jsonl -o "$KG_RUN_DIR/before.jsonl" >/dev/null
bazel-bin/graph_service/graph_server --port=0 --db_path="$KG_RUN_DIR/restored" \
  --restore_from="$KG_RUN_DIR/backups/smoke" >"$KG_RUN_DIR/restored.log" 2>&1 &
RESTORED_PID=$!
restored_port="$(wait_for_port restored "$RESTORED_PID")"
kg --graph_addr="127.0.0.1:$restored_port" export --format=jsonl \
  -o "$KG_RUN_DIR/after.jsonl" >/dev/null
kill -TERM "$RESTORED_PID" && wait "$RESTORED_PID"
out=$(cmp "$KG_RUN_DIR/before.jsonl" "$KG_RUN_DIR/after.jsonl" && echo same)
check "restore gives the same export" "same" "$out"
