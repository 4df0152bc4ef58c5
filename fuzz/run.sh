#!/usr/bin/env bash
# Builds the libFuzzer targets with Debian's clang (outside Bazel: Bazel here
# uses gcc, and libFuzzer needs clang) and runs each for SECONDS (default 60)
# from the seed corpus in fuzz/corpus/. Prints one JSON line per target:
#   {"target":"document_fuzzer","seconds":60,"runs":N,"crash":false}
# and exits 1 if any target crashed (the reproducer is in $KG_FUZZ_OUT).
#
#   fuzz/run.sh [SECONDS]          both targets
#   KG_FUZZ_TARGETS=query_fuzzer fuzz/run.sh 600
#
# Objects are rebuilt every run (headers change under them); KG_FUZZ_REUSE=1
# reuses objects newer than their .cc, for quick reruns.
# Needs: clang, libclang-rt-14-dev (libFuzzer), and the libraries the
# services use (tools/install_deps.sh). Sources are the Bazel dependencies of
# the cores, listed by `bazel query`, so new files are picked up.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out="${KG_FUZZ_OUT:-/tmp/kg-fuzz}"
targets="${KG_FUZZ_TARGETS:-document_fuzzer query_fuzzer}"
jobs="${KG_FUZZ_JOBS:-$(nproc)}"
mkdir -p "$out/obj" "$out/gen"
cxx="${CXX_FUZZ:-clang++}"
flags=(-std=c++17 -O1 -g -fno-omit-frame-pointer
       -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -I. -I"$out/gen" -DNDEBUG)
libs=($(pkg-config --libs protobuf) -labsl_statusor -labsl_status
      -labsl_strerror -labsl_str_format_internal -labsl_cord -labsl_cordz_info
      -labsl_cord_internal -labsl_cordz_functions -labsl_cordz_handle
      -labsl_raw_hash_set -labsl_hashtablez_sampler -labsl_exponential_biased
      -labsl_synchronization -labsl_graphcycles_internal -labsl_stacktrace
      -labsl_symbolize -labsl_debugging_internal -labsl_demangle_internal
      -labsl_malloc_internal -labsl_time -labsl_civil_time -labsl_time_zone
      -labsl_hash -labsl_city -labsl_low_level_hash -labsl_strings
      -labsl_strings_internal -labsl_bad_optional_access
      -labsl_bad_variant_access -labsl_throw_delegate
      -labsl_raw_logging_internal -labsl_base -labsl_log_severity
      -labsl_spinlock_wait -labsl_int128 -lpthread)

# Generated protobuf code (messages only: the cores never see gRPC).
protoc --proto_path=protos --cpp_out="$out/gen" protos/kg/v1/fact.proto \
  protos/kg/v1/graph.proto protos/kg/v1/extractor.proto

sources_of() {  # bazel target -> its project .cc files
  bazel query "kind('source file', deps($1)) except //third_party/..." \
      2>/dev/null | grep -E '^//[^@].*\.cc$' |
    sed -E 's#^//##; s#:#/#'
}

build() {  # name core_target...
  local name="$1"; shift
  local sources=("fuzz/$name.cc")
  for target in "$@"; do sources+=($(sources_of "$target")); done
  sources+=("$out"/gen/kg/v1/*.pb.cc)
  printf '%s\n' "${sources[@]}" | sort -u |
    xargs -P "$jobs" -I{} sh -c 'o="$0/obj/$(echo "{}" | tr / _).o";
      [ -n "${KG_FUZZ_REUSE:-}" ] && [ "$o" -nt "{}" ] && exit 0;
      exec '"$cxx"' "$@" -c "{}" -o "$o"' \
      "$out" "${flags[@]}"
  local objects=()
  for s in $(printf '%s\n' "${sources[@]}" | sort -u); do
    objects+=("$out/obj/$(echo "$s" | tr / _).o")
  done
  "$cxx" -fsanitize=fuzzer,address,undefined "${objects[@]}" "${libs[@]}" \
    -o "$out/$name"
}

status=0
for name in $targets; do
  case "$name" in
    document_fuzzer) build "$name" //extractor_service/pipeline:extractor ;;
    query_fuzzer) build "$name" //graph_service/query:query_engine \
                    //graph_service/store/memory:memory_graph_store ;;
    *) echo "unknown target $name" >&2; exit 2 ;;
  esac
  corpus="fuzz/corpus/${name%_fuzzer}"
  work="$out/corpus-$name"
  mkdir -p "$work"
  log="$out/$name.log"
  set +e
  KG_FUZZ_DATA_DIR=extractor_service/data "$out/$name" "$work" "$corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$out/$name-" -print_final_stats=1 \
    >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" |
           grep -oE '[0-9]+$' || echo 0)
  crash=false
  if [ "$rc" -ne 0 ]; then crash=true; status=1; tail -40 "$log" >&2; fi
  printf '{"target":"%s","seconds":%s,"runs":%s,"crash":%s}\n' \
    "$name" "$seconds" "${runs:-0}" "$crash"
done
exit "$status"
