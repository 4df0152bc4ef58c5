#!/usr/bin/env bash
# Every test: installs what is missing, runs all Bazel tests (unit,
# data-driven, end-to-end, crash, faults, bad input; the seed-quality tests
# too when ../shared is present), the suites outside Bazel (smoke test of the
# real binaries through kg, Python and Node.js clients against real servers,
# cross-check against Oxigraph), then the core unit tests under ASan and
# UBSan and each fuzz target for a short time. Ends with "N passed, N failed".
#
#   tools/test.sh            everything (what CI runs)
#   tools/test.sh --quick    skip the sanitizer builds and fuzzing
set -uo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1

tools/install_deps.sh || exit 1

shared_args=()
if [ -d ../shared/seeds ]; then
  shared_args=(--test_env=KG_SHARED_DIR="$(cd ../shared && pwd)")
fi

log="$(mktemp)"
bazel test //... --build_tests_only --test_summary=short "${shared_args[@]}" 2>&1 | tee "$log"
bazel_status=${PIPESTATUS[0]}
passed=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log")
failed=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FAILED TO BUILD)' "$log")
rm -f "$log"
if [ "$bazel_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build itself failed
fi

suites=(tools/smoke_test.sh clients/python/run_tests.sh clients/node/run_tests.sh
        tests/crosscheck/run.sh)
if [ "$quick" -eq 0 ]; then
  suites+=("fuzz/sanitize.sh asan" "fuzz/sanitize.sh ubsan" "fuzz/run.sh 30")
fi
for suite in "${suites[@]}"; do
  echo
  echo "== $suite"
  start=$(date +%s)
  # shellcheck disable=SC2086  # a suite may carry its arguments
  if KG_SKIP_BUILD=1 $suite; then
    passed=$((passed + 1))
    echo "== $suite: passed in $(( $(date +%s) - start )) s"
  else
    echo "FAILED: $suite"
    failed=$((failed + 1))
  fi
done

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
