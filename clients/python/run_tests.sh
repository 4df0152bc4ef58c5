#!/usr/bin/env bash
# Builds the servers, generates the stubs and runs the kgclient tests with
# Debian's Python (which has python3-grpcio and python3-protobuf).
# Runnable from any directory; exits non-zero on failure.
#   KG_SKIP_BUILD=1  use the binaries already in bazel-bin/ (or
#                    $KG_GRAPH_SERVER_BIN / $KG_EXTRACTOR_SERVER_BIN)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"

if [[ -z "${KG_SKIP_BUILD:-}" ]]; then
  (cd "$repo" && bazel build //graph_service:graph_server //extractor_service:extractor_server)
fi
"$here/generate_stubs.sh"
cd "$repo"
KG_REQUIRE_SERVERS=1 "$python" -m unittest discover -s clients/python/tests -v
