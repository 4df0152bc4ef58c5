#!/usr/bin/env bash
# Builds the servers, installs the npm dependencies (from package-lock.json)
# and runs the kg-client tests with `npm test` (node --test); then packs the
# package (npm pack), installs the tarball into a fresh directory, compiles
# tests/installed/usage.ts there with tsc against the shipped declarations
# and runs it against servers with TLS and tokens, with no KG_* variables.
# Runnable from any directory; exits non-zero on failure.
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
KG_REQUIRE_SERVERS=1 npm test

echo "== npm pack, install into a fresh directory, tsc, run against secured servers"
fresh="$(mktemp -d "${TMPDIR:-/tmp}/kg-client-fresh.XXXXXX")"
trap 'rm -rf "$fresh"; rm -f "$here"/kg-client-*.tgz' EXIT
tarball="$(npm pack --silent 2>/dev/null | tail -1)"
tar -tzf "$tarball" | grep -q 'package/protos/kg/v1/graph.proto'
tar -tzf "$tarball" | grep -q 'package/types/index.d.ts'
(cd "$fresh" && npm init -y >/dev/null &&
   npm install --no-audit --no-fund --prefer-offline "$here/$tarball" >/dev/null)
cp tests/installed/usage.ts tests/installed/tsconfig.json "$fresh/"
# The fresh project is an ES module; @types/node comes from this package's dev tools.
(cd "$fresh" && npm pkg set type=module >/dev/null &&
   mkdir -p node_modules/@types && cp -r "$here/node_modules/@types/node" node_modules/@types/ &&
   "$here/node_modules/.bin/tsc" -p tsconfig.json)
env -i PATH="$PATH" HOME="${HOME:-/tmp}" node tests/installed/run_installed.mjs "$fresh"
