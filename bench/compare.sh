#!/usr/bin/env bash
# Sakip against Hugo on the same synthetic jabatan pages, in one run.
# Usage: bench/compare.sh [UNITS] [JABATAN] [INDIKATOR] [RUNS]
#   default 500 units x 30 jabatan x 6 indikator (15,000 jabatan), 5 runs.
# Prints wall time (median of the runs, timed with hyperfine; the two
# tools' full builds in alternating rounds), peak memory (GNU time), the
# time a plain cp -r of each tool's output takes (the floor of writing
# it), and ratios; then the scaling at 1x, 2x, 4x, the rebuild after one edit, the sample
# content build, and PDFs per second. Run after the README set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-500}
per_unit=${2:-30}
per_jabatan=${3:-6}
runs=${4:-5}

need=()
for p in hugo hyperfine time python3-yaml; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# Its own Release build, brought up to date: build/ may hold an older
# binary, or the RelWithDebInfo one of scripts/test.sh (-O2).
scripts/install-deps.sh build
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAKIP_TESTS=OFF >/dev/null
work=$PWD/bench/work
mkdir -p "$work"
cmake --build build-bench --target sakip >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
sakip=$PWD/build-bench/sakip
export SOURCE_DATE_EPOCH=1767225600

# generate NAME UNITS: synthetic content in both formats (cached by size).
generate() {
  local dir=$work/$1
  if [ ! -f "$dir/.done-$2x$per_unit x$per_jabatan" ]; then
    rm -rf "$dir"
    /usr/bin/python3 bench/gen_content.py "$2" "$per_unit" "$per_jabatan" \
      "$dir/sakip" "$dir/hugo"
    touch "$dir/.done-$2x$per_unit x$per_jabatan"
  fi
}

# once PREPARE CMD: the wall time of one run of CMD (hyperfine, after
# PREPARE), in seconds.
once() {
  hyperfine --runs 1 --style none --prepare "$1" --export-json "$work/once.json" "$2" >/dev/null
  /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/once.json"
}
# stat_of WHAT TIMES...: the median ("median"), or "min-max" ("range"),
# of the times, in seconds.
stat_of() {
  /usr/bin/python3 - "$@" <<'PY'
import statistics, sys
what, times = sys.argv[1], [float(t) for t in sys.argv[2:]]
print("%.2f" % statistics.median(times) if what == "median" else "%.2f-%.2f" % (min(times), max(times)))
PY
}
# median_of JSON: hyperfine's median in seconds (one slow run of a noisy
# machine moves a mean of three).
median_of() { /usr/bin/python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
# range_of JSON: hyperfine's fastest and slowest run, "min-max" in seconds
# (on a noisy machine the spread says more than the mean).
range_of() { /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f-%.2f" % (r["min"], r["max"]))' "$1"; }
# peak_mb CMD...: peak resident memory of one run, in MB.
peak_mb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

# Outputs go to a tmpfs (BENCH_OUT, default /dev/shm/sakip-bench when it
# has room), so that both tools are timed on their own work and not on the
# state of the disk: on this VM's ext4 (no journal), creating files after a
# mass deletion is up to ten times slower, and that lasts minutes. It
# punished whichever tool ran after a deletion, and each bench run the next.
out=${BENCH_OUT:-}
if [ -z "$out" ]; then
  out=$work/out
  if [ -d /dev/shm ] &&
     [ "$(df --output=avail -k /dev/shm | tail -1)" -gt $((12 * 1024 * 1024)) ]; then
    out=/dev/shm/sakip-bench
  fi
fi
mkdir -p "$out"
sakip_build() { echo "$sakip build --content $work/$1/sakip --out $out/$1/sakip"; }
hugo_build() { echo "hugo --quiet --source $work/$1/hugo --destination $out/$1/hugo"; }

# discard DIR: a command that removes a build's output before the next run:
# deleted on a tmpfs; on a disk moved aside into a trash deleted at the end
# (see above). The previous site and the parse cache kept beside sakip's
# output (.<out>.spare and .<out>.cache, see publish.h) go too: a full
# build starts from nothing. The sync writes the previous run's files out
# first, so that write-back does not compete with the run being timed. A
# script, as hyperfine's --prepare takes a command line.
trash=$work/trash
mkdir -p "$trash"
cat > "$work/discard.sh" <<EOF
#!/usr/bin/env bash
beside="\$(dirname "\$1")/.\$(basename "\$1")"
for dir in "\$1" "\$beside.spare" "\$beside.cache"; do
  [ -e "\$dir" ] || continue
  case "\$dir" in
    /dev/shm/*) rm -rf "\$dir" ;;
    *) mv "\$dir" "$trash/\$(date +%s%N)" ;;
  esac
done
sync
EOF
discard() { echo "bash $work/discard.sh $1"; }
discard_now() { bash "$work/discard.sh" "$1"; }
trap 'rm -rf "$trash"; case "$out" in /dev/shm/*) rm -rf "$out" ;; esac' EXIT

row() { printf '| %-44s | %10s | %10s |\n' "$1" "$2" "$3"; }

echo "== generating content"
generate full "$units"
generate half $((units / 2))
generate quarter $((units / 4))
jabatan=$((units * per_unit))

echo "== full builds: $units units x $per_unit jabatan x $per_jabatan indikator"
# In rounds, one run of each tool per round and the first tool alternating:
# this VM's speed drifts by half within minutes, and all runs of one tool
# followed by all of the other measured the drift as much as the tools.
sakip_runs=(); hugo_runs=()
for ((round = 1; round <= runs; round++)); do
  if ((round % 2)); then order="sakip hugo"; else order="hugo sakip"; fi
  for tool in $order; do
    if [ "$tool" = sakip ]; then
      sakip_runs+=("$(once "$(discard "$out/full/sakip")" "$(sakip_build full)")")
    else
      hugo_runs+=("$(once "$(discard "$out/full/hugo")" "$(hugo_build full)")")
    fi
  done
  printf 'round %d: sakip %.2f s, hugo %.2f s\n' "$round" "${sakip_runs[-1]}" "${hugo_runs[-1]}"
done
discard_now "$out/full/sakip"; discard_now "$out/full/hugo"
sakip_mem=$(peak_mb $(sakip_build full))
hugo_mem=$(peak_mb $(hugo_build full))
sakip_t=$(stat_of median "${sakip_runs[@]}")
hugo_t=$(stat_of median "${hugo_runs[@]}")
sakip_files=$(find "$out/full/sakip" -type f | wc -l)
hugo_files=$(find "$out/full/hugo" -type f | wc -l)
# The floor of writing what each tool writes: its finished output copied
# with cp -r on the same file system (the kernel's work of making the
# files and copying their bytes, which no generator of that output
# avoids), set beside the time a 5x target leaves.
copy_of() {
  rm -rf "$1.copy"; sync
  local start end
  start=$(date +%s.%N); cp -r "$1" "$1.copy"; end=$(date +%s.%N)
  rm -rf "$1.copy"
  /usr/bin/python3 -c "print('%.2f' % ($end - $start))"
}
sakip_copy=$(copy_of "$out/full/sakip")
hugo_copy=$(copy_of "$out/full/hugo")
sakip_bytes=$(du -sm "$out/full/sakip" | cut -f1)
hugo_bytes=$(du -sm "$out/full/hugo" | cut -f1)

echo "== scaling ($runs runs each)"
declare -A scale_t scale_m
for name in quarter half full; do
  hyperfine --runs "$runs" --style none --prepare "$(discard "$out/$name/sakip")" \
    --export-json "$work/scale-$name.json" "$(sakip_build "$name")" >/dev/null
  scale_t[$name]=$(median_of "$work/scale-$name.json")
  discard_now "$out/$name/sakip"
  scale_m[$name]=$(peak_mb $(sakip_build "$name"))
done

echo "== rebuild after editing one jabatan"
# A jabatan of the middle unit: the open data is rewritten from the first
# changed unit on (publish.h), so the first unit would be the worst case
# and the last the best.
edited=$work/full/sakip/pemda/unit-$(printf %04d $(( (units + 1) / 2 )))/jabatan/kabid-1.md
# Each run raises its first target by one: every rebuild sees new content.
# (Toggling between two values would let the spare, two builds old, hold
# exactly the new site.)
toggle="perl -0pi -e 's/^( *target: )(\\d+)\$/\$1.(\$2+1)/me' $edited && sync"
# The first rebuild after a clean build has no spare site yet (publish.h):
# it links every kept file. Timed once; then the usual case, a rebuild
# after other rebuilds (one warm-up), as in an editing session.
discard_now "$out/full/sakip"
$(sakip_build full) >/dev/null 2>&1
eval "$toggle"
start=$(date +%s.%N)
$(sakip_build full) >/dev/null 2>&1
end=$(date +%s.%N)
first_rebuild_t=$(/usr/bin/python3 -c "print('%.2f' % ($end - $start))")
hyperfine --runs "$runs" --warmup 1 --style basic --prepare "$toggle" \
  --export-json "$work/rebuild.json" "$(sakip_build full)"
rebuild_t=$(median_of "$work/rebuild.json")
eval "$toggle"
rebuild_mem=$(peak_mb $(sakip_build full))

echo "== sample content (content/) and PDFs"
hyperfine --runs "$runs" --style basic --prepare "$(discard "$out/sample")" \
  --export-json "$work/sample.json" "$sakip build --content content --out $out/sample"
sample_t=$(median_of "$work/sample.json")
discard_now "$out/sample-pdf"
start=$(date +%s.%N)
"$sakip" build --content content --out "$out/sample-pdf" --pdf >/dev/null 2>&1 || true
end=$(date +%s.%N)
pdfs=$(find "$out/sample-pdf" -name '*.pdf' | wc -l)
pdf_rate=$(/usr/bin/python3 -c "print('%.1f' % ($pdfs / ($end - $start)))")

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(hugo version | cut -d' ' -f1-2); sakip $("$sakip" --version | cut -d' ' -f2)"
echo "Outputs written to: $out"
echo
row "measure" "sakip" "hugo"
row "---" "---:" "---:"
row "full build, $jabatan jabatan (s, median of $runs)" "$sakip_t" "$hugo_t"
row "full build, fastest-slowest run (s)" "$(stat_of range "${sakip_runs[@]}")" "$(stat_of range "${hugo_runs[@]}")"
row "peak memory (MB)" "$sakip_mem" "$hugo_mem"
row "files written" "$sakip_files" "$hugo_files"
row "output size (MB)" "$sakip_bytes" "$hugo_bytes"
row "copying the output with cp -r (s)" "$sakip_copy" "$hugo_copy"
row "time a 5x target leaves: hugo / 5 (s)" "$(/usr/bin/python3 -c "print('%.2f' % ($hugo_t / 5))")" ""
row "ratio hugo / sakip (time)" "$(/usr/bin/python3 -c "print('%.2f' % ($hugo_t / $sakip_t))")" ""
row "first rebuild after a clean build (s)" "$first_rebuild_t" ""
row "rebuild after one jabatan edit (s, median of $runs)" "$rebuild_t" ""
row "rebuild, fastest-slowest run (s)" "$(range_of "$work/rebuild.json")" ""
row "rebuild peak memory (MB)" "$rebuild_mem" ""
row "rebuild / full build" "$(/usr/bin/python3 -c "print('%.1f %%' % (100 * $rebuild_t / $sakip_t))")" ""
for name in quarter half full; do
  case $name in quarter) f=1x;; half) f=2x;; full) f=4x;; esac
  n=$(ls "$work/$name/sakip/pemda" | grep -c unit-)
  row "scaling $f: $((n * per_unit)) jabatan (s median / MB)" "${scale_t[$name]} / ${scale_m[$name]}" ""
done
row "sample content/ build (s)" "$sample_t" ""
row "PDFs per second (sample, $pdfs PDFs, cold)" "$pdf_rate" ""
