#!/usr/bin/env bash
# README command 2: runs every test in a normal build (gcc) and again under
# AddressSanitizer + UndefinedBehaviorSanitizer (clang), the multi-threaded
# tests under ThreadSanitizer, and each fuzz target for 60 s. Warnings are
# errors (SAKIP_WERROR), so the code builds clean with both compilers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
jobs=$(nproc)
# Pagefind (sakip build --search), playwright-core, axe-core and vnu-jar,
# pinned in package.json.
npm install --no-package-lock --no-audit --no-fund

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAKIP_TESTS=ON
cmake --build build
ctest --test-dir build --output-on-failure -j "$jobs"

# With clang: the second compiler's warnings at no extra build. A build-asan
# configured with another compiler is configured again from scratch.
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug -DSAKIP_SANITIZE=ON -DSAKIP_TESTS=ON
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

# ThreadSanitizer on the tests that load, compute, render and publish on
# several threads.
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAKIP_TSAN=ON -DSAKIP_TESTS=ON
cmake --build build-tsan --target sakip_tests
TSAN_OPTIONS="halt_on_error=1 suppressions=$PWD/tests/tsan.supp" \
  build-tsan/tests/sakip_tests --warn NoTests \
  "incremental builds*,two builds of the same content*,a page for every unit*,versions from commits are not rebuilt*,the results of the content are the same computed on*"

# Each libFuzzer target for 60 s (clang, ASan+UBSan); a crash fails the run.
fuzz/run.sh 60
