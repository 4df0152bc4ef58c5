#!/usr/bin/env bash
# Builds the servers, installs the npm dependencies (from package-lock.json)
# and runs the kg-client tests with `node --test`. Runnable from any
# directory; exits non-zero on failure.
#   KG_SKIP_BUILD=1  use the binaries already in bazel-bin/ (or
#                    $KG_GRAPH_SERVER_BIN / $KG_EXTRACTOR_SERVER_BIN)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [[ -z "${KG_SKIP_BUILD:-}" ]]; then
  (cd "$repo" && bazel build //graph_service:graph_server //extractor_service:extractor_server)
fi
cd "$here"
# npm ci reinstalls exactly the locked versions; skip it when node_modules
# already matches the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
KG_REQUIRE_SERVERS=1 node --test
