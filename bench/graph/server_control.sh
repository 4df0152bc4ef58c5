# Sourced by the graph benchmarks (run.sh, history.sh): start and stop one
# graph_server. Needs SERVER_BIN.
#
# launch_graph_server LOG DB_PATH [FLAG...]: starts $SERVER_BIN on a free
# port with durable writes, waits for its "listening on" line, sets
# SERVER_PID and ADDRESS; exits the script (log on stderr) if it dies first.
launch_graph_server() {
  local log="$1" db="$2"
  shift 2
  "$SERVER_BIN" --port=0 --db_path="$db" --sync_writes=true "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  local port=""
  for _ in $(seq 1 300); do
    port="$(sed -n 's/.*listening on [0-9.]*:\([0-9]*\).*/\1/p' "$log" | head -1)"
    [[ -n "$port" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "$(basename "$0"): graph_server did not start" >&2; exit 1; }
  ADDRESS="127.0.0.1:$port"
}

# stop_server: SIGTERM to SERVER_PID, waits, clears it.
stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
}
