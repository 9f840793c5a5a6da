#!/usr/bin/env bash
# Sakip against Hugo on the same synthetic jabatan pages, in one run.
# Usage: bench/compare.sh [UNITS] [JABATAN] [INDIKATOR] [RUNS]
#   default 500 units x 30 jabatan x 6 indikator (15,000 jabatan), 5 runs;
#   a quick run: bench/compare.sh 20 30 6 1.
# Environment: BENCH_OUT (output folder, default a tmpfs), BENCH_HUGO_NAV
# (pruned, the default, or full: the side navigation of Hugo's site),
# BENCH_HUGO_SCALING=0 (no Hugo runs at the smaller sizes).
#
# Two comparisons, both timed in the same alternating rounds:
# - the main one, the same pages: Hugo writes, per jabatan, its page, its
#   IKI sheet and its four quarterly reports, and per unit a list page and
#   a documents page, with layouts of sakip's kind (bench/hugo-layouts/);
# - the earlier one, Hugo writing one page per jabatan (minimal layout).
# Prints wall time (median of the rounds, hyperfine), peak memory (GNU
# time), HTML pages, files and bytes written, the time a plain cp -r of
# each output takes (the floor of writing it), and ratios; then the
# scaling at 1x, 2x, 4x (time and peak memory), the rebuild after one
# edit, the sample content build, and PDFs per second. Run after the
# README set-up.
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
launcher=()
command -v ccache >/dev/null &&
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAKIP_TESTS=OFF "${launcher[@]}" >/dev/null
work=$PWD/bench/work
mkdir -p "$work"
cmake --build build-bench --target sakip >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
sakip=$PWD/build-bench/sakip
export SOURCE_DATE_EPOCH=1767225600

# generate NAME UNITS [one]: synthetic content for sakip and the
# same-pages Hugo site (and with "one" the one-page-per-jabatan Hugo
# site), cached by size and by the generator's and layouts' contents.
hugo_nav=${BENCH_HUGO_NAV:-pruned}
generate() {
  local dir=$work/$1 stamp
  stamp=$(cat bench/gen_content.py bench/hugo-layouts/*/* | md5sum | cut -c1-12)
  stamp=".done-$2x$per_unit-x$per_jabatan-$hugo_nav-${3:-same}-$stamp"
  if [ ! -f "$dir/$stamp" ]; then
    rm -rf "$dir"
    /usr/bin/python3 bench/gen_content.py "$2" "$per_unit" "$per_jabatan" \
      "$dir/sakip" "$dir/hugo" ${3:+"$dir/hugo-one"} --hugo-nav "$hugo_nav"
    touch "$dir/$stamp"
  fi
}

# once PREPARE CMD: "WALL CPU" of one run of CMD (hyperfine, after
# PREPARE), in seconds; CPU = user + system time, all threads (less moved
# than the wall time by other work on the machine).
once() {
  hyperfine --runs 1 --style none --prepare "$1" --export-json "$work/once.json" "$2" >/dev/null
  /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["user"] + r["system"])' "$work/once.json"
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
# hugo_build NAME [SITE]: SITE hugo (the same pages) or hugo-one.
hugo_build() { echo "hugo --quiet --source $work/$1/${2:-hugo} --destination $out/$1/${2:-hugo}"; }

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

row() { printf '| %-50s | %11s | %11s | %11s |\n' "$1" "$2" "$3" "${4:-}"; }
# html_pages DIR, files DIR, mbytes DIR: what a build wrote (MB = 10^6
# bytes of file contents).
html_pages() { find "$1" -type f -name '*.html' | wc -l; }
files() { find "$1" -type f | wc -l; }
mbytes() { du -sb "$1" | awk '{printf "%.0f", $1 / 1e6}'; }
# ratio A B [DIGITS]: A / B.
ratio() { /usr/bin/python3 -c "import sys; print('%.${3:-2}f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
# kb_per DIR N: kB written per jabatan.
kb_per() { du -sb "$1" | awk -v n="$2" '{printf "%.1f", $1 / 1000 / n}'; }
load_before=$(uptime | sed 's/.*load average: //')

echo "== generating content"
generate full "$units" one
generate half $((units / 2))
generate quarter $((units / 4))
jabatan=$((units * per_unit))

echo "== full builds: $units units x $per_unit jabatan x $per_jabatan indikator"
# In rounds, one run of each build per round and the order rotating: this
# VM's speed drifts by half within minutes, and all runs of one tool
# followed by all of the other measured the drift as much as the tools.
# hugo = the same pages, hugo-one = one page per jabatan.
sakip_runs=(); hugo_runs=(); one_runs=(); sakip_cpu=(); hugo_cpu=(); one_cpu=()
orders=("sakip hugo hugo-one" "hugo hugo-one sakip" "hugo-one sakip hugo")
for ((round = 1; round <= runs; round++)); do
  for tool in ${orders[$(( (round - 1) % 3 ))]}; do
    case $tool in
      sakip) read -r t c <<<"$(once "$(discard "$out/full/sakip")" "$(sakip_build full)")"
        sakip_runs+=("$t"); sakip_cpu+=("$c") ;;
      hugo) read -r t c <<<"$(once "$(discard "$out/full/hugo")" "$(hugo_build full)")"
        hugo_runs+=("$t"); hugo_cpu+=("$c") ;;
      hugo-one) read -r t c <<<"$(once "$(discard "$out/full/hugo-one")" "$(hugo_build full hugo-one)")"
        one_runs+=("$t"); one_cpu+=("$c") ;;
    esac
  done
  printf 'round %d: sakip %.2f s, hugo same pages %.2f s, hugo one page per jabatan %.2f s\n' \
    "$round" "${sakip_runs[-1]}" "${hugo_runs[-1]}" "${one_runs[-1]}"
done
discard_now "$out/full/sakip"; discard_now "$out/full/hugo"; discard_now "$out/full/hugo-one"
sakip_mem=$(peak_mb $(sakip_build full))
hugo_mem=$(peak_mb $(hugo_build full))
one_mem=$(peak_mb $(hugo_build full hugo-one))
sakip_t=$(stat_of median "${sakip_runs[@]}")
hugo_t=$(stat_of median "${hugo_runs[@]}")
one_t=$(stat_of median "${one_runs[@]}")
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
one_copy=$(copy_of "$out/full/hugo-one")

echo "== scaling ($runs runs each)"
declare -A scale_t scale_m scale_hugo scale_kb
# time_mb CMD...: "seconds / MB" of one run (GNU time).
time_mb() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f / %.0f", $1, $2/1024}'; }
for name in quarter half full; do
  hyperfine --runs "$runs" --style none --prepare "$(discard "$out/$name/sakip")" \
    --export-json "$work/scale-$name.json" "$(sakip_build "$name")" >/dev/null
  scale_t[$name]=$(median_of "$work/scale-$name.json")
  discard_now "$out/$name/sakip"
  scale_m[$name]=$(peak_mb $(sakip_build "$name"))
  n=$(ls "$work/$name/sakip/pemda" | grep -c unit-)
  scale_kb[$name]=$(kb_per "$out/$name/sakip" $((n * per_unit)))
  if [ "$name" = full ]; then
    scale_hugo[$name]="$hugo_t / $hugo_mem"
  elif [ "${BENCH_HUGO_SCALING:-1}" != 0 ]; then
    discard_now "$out/$name/hugo"
    scale_hugo[$name]=$(time_mb $(hugo_build "$name"))
    discard_now "$out/$name/hugo"
  fi
  [ "$name" = full ] || discard_now "$out/$name/sakip"
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
echo "Load average (1, 5, 15 min): before $load_before; after $(uptime | sed 's/.*load average: //')"
echo "Outputs written to: $out; Hugo's side navigation: $hugo_nav"
s_dir=$out/full/sakip; h_dir=$out/full/hugo; o_dir=$out/full/hugo-one
echo
echo "Same pages: sakip $sakip_t s, $sakip_mem MB, $(html_pages "$s_dir") pages, $(mbytes "$s_dir") MB;" \
  "hugo $hugo_t s, $hugo_mem MB, $(html_pages "$h_dir") pages, $(mbytes "$h_dir") MB;" \
  "hugo / sakip $(ratio "$hugo_t" "$sakip_t" 1)x"
echo "One page per jabatan (hugo, the earlier comparison): $one_t s, $one_mem MB," \
  "$(html_pages "$o_dir") pages, $(mbytes "$o_dir") MB; hugo / sakip $(ratio "$one_t" "$sakip_t" 2)x"
echo
row "measure" "sakip" "hugo same" "hugo 1/jab."
row "---" "---:" "---:" "---:"
row "full build, $jabatan jabatan (s, median of $runs)" "$sakip_t" "$hugo_t" "$one_t"
row "full build, fastest-slowest run (s)" "$(stat_of range "${sakip_runs[@]}")" \
  "$(stat_of range "${hugo_runs[@]}")" "$(stat_of range "${one_runs[@]}")"
row "ratio hugo / sakip (time)" "" "$(ratio "$hugo_t" "$sakip_t")" "$(ratio "$one_t" "$sakip_t")"
row "CPU time, user + system (s, median of $runs)" "$(stat_of median "${sakip_cpu[@]}")" \
  "$(stat_of median "${hugo_cpu[@]}")" "$(stat_of median "${one_cpu[@]}")"
row "peak memory (MB)" "$sakip_mem" "$hugo_mem" "$one_mem"
row "HTML pages written" "$(html_pages "$s_dir")" "$(html_pages "$h_dir")" "$(html_pages "$o_dir")"
row "files written" "$(files "$s_dir")" "$(files "$h_dir")" "$(files "$o_dir")"
row "output size (MB)" "$(mbytes "$s_dir")" "$(mbytes "$h_dir")" "$(mbytes "$o_dir")"
row "output per jabatan (kB)" "$(kb_per "$s_dir" "$jabatan")" "$(kb_per "$h_dir" "$jabatan")" "$(kb_per "$o_dir" "$jabatan")"
row "copying the output with cp -r (s)" "$sakip_copy" "$hugo_copy" "$one_copy"
row "time a 10x target leaves: hugo same / 10 (s)" "$(ratio "$hugo_t" 10)" "" ""
row "first rebuild after a clean build (s)" "$first_rebuild_t" "" ""
row "rebuild after one jabatan edit (s, median of $runs)" "$rebuild_t" "" ""
row "rebuild, fastest-slowest run (s)" "$(range_of "$work/rebuild.json")" "" ""
row "rebuild peak memory (MB)" "$rebuild_mem" "" ""
row "rebuild / full build" "$(/usr/bin/python3 -c "print('%.1f %%' % (100 * $rebuild_t / $sakip_t))")" "" ""
for name in quarter half full; do
  case $name in quarter) f=1x;; half) f=2x;; full) f=4x;; esac
  n=$(ls "$work/$name/sakip/pemda" | grep -c unit-)
  row "scaling $f: $((n * per_unit)) jabatan (s / peak MB)" \
    "${scale_t[$name]} / ${scale_m[$name]}" "${scale_hugo[$name]:-}" ""
done
row "sakip output per jabatan at 1x / 2x / 4x (kB)" \
  "${scale_kb[quarter]} / ${scale_kb[half]} / ${scale_kb[full]}" "" ""
row "sample content/ build (s)" "$sample_t" "" ""
row "PDFs per second (sample, $pdfs PDFs, cold)" "$pdf_rate" "" ""
