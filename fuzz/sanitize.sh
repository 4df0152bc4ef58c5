#!/usr/bin/env bash
# Runs the unit and end-to-end tests of the services and the CLI under
# AddressSanitizer and then UndefinedBehaviorSanitizer (the asan/ubsan
# configs of .bazelrc), and prints one JSON line per config:
#   {"config":"asan","seconds":812,"passed":true}
#
#   fuzz/sanitize.sh            both
#   fuzz/sanitize.sh asan       one
#
# A sanitizer build discards Bazel's analysis cache of the normal build, so
# by default it uses its own output base (KG_SANITIZE_OUTPUT_BASE, default
# /tmp/kg-sanitize-bazel): a normal `bazel test` afterwards stays cached.
set -uo pipefail
cd "$(dirname "$0")/.."
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(asan ubsan)
output_base="${KG_SANITIZE_OUTPUT_BASE:-/tmp/kg-sanitize-bazel}"
targets=(//common/... //graph_service/... //extractor_service/...
         //clients/cli/...)
status=0
for config in "${configs[@]}"; do
  start=$(date +%s)
  # --symlink_prefix=/: no bazel-* convenience links. Links into this
  # separate output base would replace the normal build's, and the next
  # `bazel test //...` would then descend into them.
  bazel --output_base="$output_base" test --config="$config" --keep_going \
    --symlink_prefix=/ --test_output=errors "${targets[@]}"
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  passed=true
  [ "$rc" -eq 0 ] || { passed=false; status=1; }
  printf '{"config":"%s","seconds":%d,"passed":%s}\n' "$config" "$elapsed" \
    "$passed"
done
# The extra Bazel server holds memory; stop it (it is ours alone).
bazel --output_base="$output_base" shutdown
exit "$status"
