#!/usr/bin/env bash
# Builds the sample site and checks it as a reader's tools would:
# - every page passes `tidy -errors` (tidy 5.6 does not know aria-current
#   or SVG xlink attributes; those two warnings are allowed, nothing else);
# - every inline SVG is well-formed XML (xmllint);
# - the home, a unit and a jabatan page, screenshot in headless Chromium at
#   1280 and 390 px wide, are not blank.
# Usage: check_site.sh SAKIP_BINARY SOURCE_DIR
set -euo pipefail
sakip=$(realpath "$1")
src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SOURCE_DATE_EPOCH=1767225600 "$sakip" build --content "$src/content" --out "$work/site" 2>/dev/null
cd "$work/site"
failures=0

pages=$(find . -name '*.html' | sort)
for page in $pages; do
  status=0
  tidy -errors -q "$page" 2>"$work/tidy.txt" >/dev/null || status=$?
  other=$(grep -v 'proprietary attribute "aria-current"' "$work/tidy.txt" |
          grep -v 'proprietary attribute "xlink:' || true)
  if [ "$status" -ge 2 ] || [ -n "$other" ]; then
    echo "tidy: $page"; echo "$other"; failures=$((failures + 1))
  fi
done
echo "tidy: $(echo "$pages" | wc -l) pages checked"

svgs=0
for page in $pages; do
  python3 - "$page" "$work/svg" <<'PY'
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
for i, m in enumerate(re.finditer(r'<svg[\s\S]*?</svg>', html)):
    open(f'{sys.argv[2]}-{i}.svg', 'w', encoding='utf-8').write(m.group(0))
PY
  for svg in "$work"/svg-*.svg; do
    [ -e "$svg" ] || continue
    svgs=$((svgs + 1))
    if ! xmllint --noout "$svg" 2>"$work/xml.txt"; then
      echo "xmllint: $page"; head -5 "$work/xml.txt"; failures=$((failures + 1))
    fi
    rm -f "$svg"
  done
done
echo "xmllint: $svgs inline SVGs checked"

chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --user-data-dir="$work/chrome" "$@" \
    >/dev/null 2>&1
}
for page in 2024/index.html 2024/pemkab-lumajang/satpol-pp/index.html \
            2024/pemkab-lumajang/satpol-pp/jabatan/sekretaris/index.html; do
  for width in 1280 390; do
    png="$work/shot-$width-$(echo "$page" | tr '/' '_').png"
    chrome --window-size=$width,1400 --screenshot="$png" "file://$PWD/$page" || true
    if [ ! -s "$png" ] || ! python3 "$src/tests/png_stats.py" "$png" 40; then
      echo "screenshot blank or missing: $page at $width px"
      failures=$((failures + 1))
    fi
  done
done

if [ "$failures" -ne 0 ]; then
  echo "check_site: $failures failure(s)"
  exit 1
fi
echo "check_site: all checks passed"
