# Sourced by demo.sh and smoke_test.sh: start and stop both services on free
# loopback ports (--port=0; the bound port is read from the start-up line),
# from binaries already built under bazel-bin/. Exports KG_GRAPH_ADDR and
# KG_EXTRACTOR_ADDR, which kg reads.

# Prints the port once the server's log says "listening on 127.0.0.1:PORT".
wait_for_port() {
  local what="$1" pid="$2" log="$KG_RUN_DIR/$1.log"
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "services: $what exited during start-up; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    local port
    port="$(sed -n 's/.*listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "$log" 2>/dev/null)"
    if [ -n "$port" ]; then
      echo "$port"
      return 0
    fi
    sleep 0.1
  done
  echo "services: $what did not start within 30 s" >&2
  return 1
}

start_services() {
  KG_RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kg-run.XXXXXX")"
  local graph_port extractor_port
  bazel-bin/graph_service/graph_server --port=0 \
    --db_path="$KG_RUN_DIR/graph-db" --backup_dir="$KG_RUN_DIR/backups" \
    >"$KG_RUN_DIR/graph.log" 2>&1 &
  GRAPH_PID=$!
  graph_port="$(wait_for_port graph "$GRAPH_PID")"
  bazel-bin/extractor_service/extractor_server --port=0 \
    --graph_address="127.0.0.1:$graph_port" >"$KG_RUN_DIR/extractor.log" 2>&1 &
  EXTRACTOR_PID=$!
  extractor_port="$(wait_for_port extractor "$EXTRACTOR_PID")"
  export KG_GRAPH_ADDR="127.0.0.1:$graph_port"
  export KG_EXTRACTOR_ADDR="127.0.0.1:$extractor_port"
  echo "services: graph on $KG_GRAPH_ADDR, extractor on $KG_EXTRACTOR_ADDR"
}

# SIGTERM both and wait: they shut down gracefully.
stop_services() {
  if [ -n "${EXTRACTOR_PID:-}" ]; then
    kill -TERM "$EXTRACTOR_PID" 2>/dev/null && wait "$EXTRACTOR_PID" 2>/dev/null
  fi
  if [ -n "${GRAPH_PID:-}" ]; then
    kill -TERM "$GRAPH_PID" 2>/dev/null && wait "$GRAPH_PID" 2>/dev/null
  fi
  EXTRACTOR_PID=""
  GRAPH_PID=""
  if [ -n "${KG_RUN_DIR:-}" ]; then rm -rf "$KG_RUN_DIR"; fi
  return 0
}
