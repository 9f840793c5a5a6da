#!/usr/bin/env bash
# README command 1: builds the generator into build/sakip, then the sample
# site from content/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAKIP_TESTS=OFF
cmake --build build --target sakip
# Pagefind for the search box; without it the site is built without search.
npm install --no-package-lock --no-audit --no-fund ||
  echo "npm install failed: building without search"
build/sakip build --content content --out site --search
