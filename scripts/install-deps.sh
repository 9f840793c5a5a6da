#!/usr/bin/env bash
# Installs the Debian 12 packages Sakip needs, only those missing.
# Usage: scripts/install-deps.sh [build|test]
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libyaml-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev libgit2-dev
  libicu-dev libcpp-httplib-dev libmimalloc-dev zlib1g-dev fonts-texgyre
  libxlsxwriter-dev libzip-dev libxml2-dev libxxhash-dev
)
if [ "${1:-build}" = test ]; then
  # catch2 for the unit tests; tidy, xmllint, chromium and fonts for the
  # checks of the built site (tests/check_site.sh).
  # kainjow-mustache is the reference the template renderer is compared
  # with (generator/site/mustache_test.cc). Java runs the Nu HTML checker
  # (npm vnu-jar, tests/check_nu.mjs).
  packages+=(catch2 libkainjow-mustache-dev tidy libxml2-utils chromium fonts-dejavu-core python3
             default-jre-headless
             poppler-utils python3-yaml python3-jsonschema
             libreoffice-calc-nogui  # opens the generated workbooks (tests/sheet_test.cc)
             clang libclang-rt-14-dev)  # libFuzzer targets (fuzz/run.sh)
fi

# Node.js and npm fetch Pagefind (search) and the browser test driver.
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
