#!/usr/bin/env bash
# Sakip against Hugo on the same synthetic jabatan pages, in one run.
# Usage: bench/compare.sh [UNITS] [JABATAN] [INDIKATOR] [RUNS]
#   default 500 units x 30 jabatan x 6 indikator (15,000 jabatan), 3 runs.
# Prints wall time (hyperfine mean), peak memory (GNU time), and ratios;
# then the scaling at 1x, 2x, 4x, the rebuild after one edit, the sample
# content build, and PDFs per second. Run after the README set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-500}
per_unit=${2:-30}
per_jabatan=${3:-6}
runs=${4:-3}

need=()
for p in hugo hyperfine time python3-yaml; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if [ ! -x build/sakip ]; then
  scripts/install-deps.sh build
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build --target sakip
fi
sakip=$PWD/build/sakip
work=$PWD/bench/work
mkdir -p "$work"
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

# mean_of JSON: hyperfine's mean in seconds.
mean_of() { /usr/bin/python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"; }
# peak_mb CMD...: peak resident memory of one run, in MB.
peak_mb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

sakip_build() { echo "$sakip build --content $1/sakip --out $1/out-sakip"; }
hugo_build() { echo "hugo --quiet --source $1/hugo --destination $1/out-hugo"; }

# discard DIR: a command that moves DIR out of the way instead of deleting
# it. On ext4 without a journal (as on this VM) a file created within 60 s
# of a mass deletion searches past every recently deleted inode, which made
# the next build's file creation ten times slower; the trash is deleted once,
# at the end, so neither tool's runs pay for the one before.
trash=$work/trash
# The sync writes the previous run's files out first, so that the disk's
# write-back does not compete with the run being timed. A script, as
# hyperfine's --prepare takes a command line.
mkdir -p "$trash"
# The previous site and the parse cache kept beside the output
# (.<out>.spare and .<out>.cache, see publish.h) go too: a full build starts
# from nothing.
cat > "$work/discard.sh" <<EOF
#!/usr/bin/env bash
beside="\$(dirname "\$1")/.\$(basename "\$1")"
for dir in "\$1" "\$beside.spare" "\$beside.cache"; do
  if [ -e "\$dir" ]; then mv "\$dir" "$trash/\$(date +%s%N)"; fi
done
sync
EOF
discard() { echo "bash $work/discard.sh $1"; }
discard_now() { bash "$work/discard.sh" "$1"; }
trap 'rm -rf "$trash"' EXIT

row() { printf '| %-44s | %10s | %10s |\n' "$1" "$2" "$3"; }

echo "== generating content"
generate full "$units"
generate half $((units / 2))
generate quarter $((units / 4))
jabatan=$((units * per_unit))

echo "== full builds: $units units x $per_unit jabatan x $per_jabatan indikator"
hyperfine --runs "$runs" --style basic \
  --prepare "$(discard "$work/full/out-sakip")" --export-json "$work/sakip.json" "$(sakip_build "$work/full")"
hyperfine --runs "$runs" --style basic \
  --prepare "$(discard "$work/full/out-hugo")" --export-json "$work/hugo.json" "$(hugo_build "$work/full")"
discard_now "$work/full/out-sakip"; discard_now "$work/full/out-hugo"
sakip_mem=$(peak_mb $(sakip_build "$work/full"))
hugo_mem=$(peak_mb $(hugo_build "$work/full"))
sakip_t=$(mean_of "$work/sakip.json")
hugo_t=$(mean_of "$work/hugo.json")
sakip_files=$(find "$work/full/out-sakip" -type f | wc -l)
hugo_files=$(find "$work/full/out-hugo" -type f | wc -l)

echo "== scaling ($runs runs each)"
declare -A scale_t scale_m
for name in quarter half full; do
  hyperfine --runs "$runs" --style none --prepare "$(discard "$work/$name/out-sakip")" \
    --export-json "$work/scale-$name.json" "$(sakip_build "$work/$name")" >/dev/null
  scale_t[$name]=$(mean_of "$work/scale-$name.json")
  discard_now "$work/$name/out-sakip"
  scale_m[$name]=$(peak_mb $(sakip_build "$work/$name"))
done

echo "== rebuild after editing one jabatan"
edited=$work/full/sakip/pemda/unit-0001/jabatan/kabid-1.md
# Each run changes the targets of that one file (100 <-> 99).
toggle="sed -i -e 's/^\\( *\\)target: 100\$/\\1target: 99/;t' -e 's/^\\( *\\)target: 99\$/\\1target: 100/' $edited && sync"
# The first rebuild after a clean build has no spare site yet (publish.h):
# it links every kept file. Timed once; then the usual case, a rebuild
# after other rebuilds (one warm-up), as in an editing session.
discard_now "$work/full/out-sakip"
$(sakip_build "$work/full") >/dev/null 2>&1
eval "$toggle"
start=$(date +%s.%N)
$(sakip_build "$work/full") >/dev/null 2>&1
end=$(date +%s.%N)
first_rebuild_t=$(/usr/bin/python3 -c "print('%.2f' % ($end - $start))")
hyperfine --runs "$runs" --warmup 1 --style basic --prepare "$toggle" \
  --export-json "$work/rebuild.json" "$(sakip_build "$work/full")"
rebuild_t=$(mean_of "$work/rebuild.json")

echo "== sample content (content/) and PDFs"
hyperfine --runs "$runs" --style basic --prepare "$(discard "$work/sample")" \
  --export-json "$work/sample.json" "$sakip build --content content --out $work/sample"
sample_t=$(mean_of "$work/sample.json")
discard_now "$work/sample-pdf"
start=$(date +%s.%N)
"$sakip" build --content content --out "$work/sample-pdf" --pdf >/dev/null 2>&1 || true
end=$(date +%s.%N)
pdfs=$(find "$work/sample-pdf" -name '*.pdf' | wc -l)
pdf_rate=$(/usr/bin/python3 -c "print('%.1f' % ($pdfs / ($end - $start)))")

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(hugo version | cut -d' ' -f1-2); sakip $("$sakip" --version | cut -d' ' -f2)"
echo
row "measure" "sakip" "hugo"
row "---" "---:" "---:"
row "full build, $jabatan jabatan (s, mean of $runs)" "$sakip_t" "$hugo_t"
row "peak memory (MB)" "$sakip_mem" "$hugo_mem"
row "files written" "$sakip_files" "$hugo_files"
row "ratio hugo / sakip (time)" "$(/usr/bin/python3 -c "print('%.2f' % ($hugo_t / $sakip_t))")" ""
row "first rebuild after a clean build (s)" "$first_rebuild_t" ""
row "rebuild after one jabatan edit (s)" "$rebuild_t" ""
row "rebuild / full build" "$(/usr/bin/python3 -c "print('%.1f %%' % (100 * $rebuild_t / $sakip_t))")" ""
for name in quarter half full; do
  case $name in quarter) f=1x;; half) f=2x;; full) f=4x;; esac
  n=$(ls "$work/$name/sakip/pemda" | grep -c unit-)
  row "scaling $f: $((n * per_unit)) jabatan (s mean / MB)" "${scale_t[$name]} / ${scale_m[$name]}" ""
done
row "sample content/ build (s)" "$sample_t" ""
row "PDFs per second (sample, $pdfs PDFs, cold)" "$pdf_rate" ""
