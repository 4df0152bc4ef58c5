#!/usr/bin/env bash
# Every test: installs what is missing, runs all Bazel tests (unit, data-driven,
# end-to-end; the seed-quality tests too when ../shared is present), then a
# smoke test of the real binaries and the CLI. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh || exit 1

shared_args=()
if [ -d ../shared/seeds ]; then
  shared_args=(--test_env=KG_SHARED_DIR="$(cd ../shared && pwd)")
fi

log="$(mktemp)"
bazel test //... --test_summary=short "${shared_args[@]}" 2>&1 | tee "$log"
bazel_status=${PIPESTATUS[0]}
passed=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
failed=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FAILED TO BUILD)' "$log")
rm -f "$log"
if [ "$bazel_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build itself failed
fi

# Suites outside Bazel: the shipped binaries through the CLI, and clients
# in other languages against real servers.
for suite in tools/smoke_test.sh clients/python/run_tests.sh clients/node/run_tests.sh \
    tests/crosscheck/run.sh; do
  echo
  echo "== $suite"
  if KG_SKIP_BUILD=1 "$suite"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $suite"
    failed=$((failed + 1))
  fi
done

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
