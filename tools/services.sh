# Sourced by demo.sh and test.sh: start and stop both services on free
# loopback ports, from binaries already built under bazel-bin/.
# Sets KG_GRAPH_ADDR and KG_EXTRACTOR_ADDR for kg.

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until `kg stats` answers (the graph) or a probe extraction answers.
wait_for() {
  local what="$1" pid="$2"
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "services: $what exited during start-up; its log:" >&2
      cat "$KG_RUN_DIR/$what.log" >&2
      return 1
    fi
    if grep -q "listening on" "$KG_RUN_DIR/$what.log" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "services: $what did not start within 10 s" >&2
  return 1
}

start_services() {
  KG_RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kg-run.XXXXXX")"
  local graph_port extractor_port
  graph_port="$(free_port)"
  extractor_port="$(free_port)"
  bazel-bin/graph_service/graph_server --port="$graph_port" \
    --db_path="$KG_RUN_DIR/graph-db" >"$KG_RUN_DIR/graph.log" 2>&1 &
  GRAPH_PID=$!
  wait_for graph "$GRAPH_PID"
  bazel-bin/extractor_service/extractor_server --port="$extractor_port" \
    --graph_address="127.0.0.1:$graph_port" >"$KG_RUN_DIR/extractor.log" 2>&1 &
  EXTRACTOR_PID=$!
  wait_for extractor "$EXTRACTOR_PID"
  export KG_GRAPH_ADDR="127.0.0.1:$graph_port"
  export KG_EXTRACTOR_ADDR="127.0.0.1:$extractor_port"
  echo "services: graph on $KG_GRAPH_ADDR, extractor on $KG_EXTRACTOR_ADDR (logs in $KG_RUN_DIR)"
}

# SIGTERM both and wait: they shut down gracefully.
stop_services() {
  [ -n "${EXTRACTOR_PID:-}" ] && kill -TERM "$EXTRACTOR_PID" 2>/dev/null && wait "$EXTRACTOR_PID" 2>/dev/null
  [ -n "${GRAPH_PID:-}" ] && kill -TERM "$GRAPH_PID" 2>/dev/null && wait "$GRAPH_PID" 2>/dev/null
  EXTRACTOR_PID=""
  GRAPH_PID=""
  [ -n "${KG_RUN_DIR:-}" ] && rm -rf "$KG_RUN_DIR"
  return 0
}
