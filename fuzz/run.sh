#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS
# (default 60, as in CI) from seeds taken from content/.
# Usage: fuzz/run.sh [SECONDS]
# A crash leaves its input in build-fuzz/crashes/<target>/; copy it to
# fuzz/regressions/<target>/ once fixed, so that the tests replay it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAKIP_FUZZ=ON >/dev/null
cmake --build build-fuzz --target content_fuzzer realisasi_fuzzer markdown_fuzzer sheet_fuzzer

seed() {  # seed TARGET FIND-ARGS...: copies matching content files as seeds
  local target=$1
  shift
  mkdir -p "build-fuzz/corpus/$target"
  find content "$@" -type f -exec cp {} "build-fuzz/corpus/$target/" \;
  cp fuzz/regressions/"$target"/* "build-fuzz/corpus/$target/" 2>/dev/null || true
}
seed content -path '*/jabatan/*.md'
seed realisasi -path '*/realisasi/*.yaml'
seed markdown -name '*.md'
seed sheet -path '*/realisasi/*.yaml'  # the file the import edits

status=0
for target in content realisasi markdown sheet; do
  mkdir -p "build-fuzz/crashes/$target"
  echo "== $target: ${seconds} s"
  if ! ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 \
      "build-fuzz/fuzz/${target}_fuzzer" "build-fuzz/corpus/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/crashes/$target/" 2>"build-fuzz/$target.log"; then
    echo "FAILED: $target (see build-fuzz/$target.log)"
    tail -40 "build-fuzz/$target.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "build-fuzz/$target.log" | tail -2
  fi
done
exit $status
