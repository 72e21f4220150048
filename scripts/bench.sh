#!/usr/bin/env bash
# Whole-build throughput: everything that turns content/ into the files of dist/
# except the wasm compile (check and compile the content, every route's HTML
# rendered by the app's views, one data file per route, search index, sitemap,
# feed), on generated portfolios of 1,000 and 10,000 pages, side by side with
# `hugo` (Debian's package, installed if missing) building the same pages with
# its usual outputs, twice: with the least template that shows them (`bare`:
# title, table of contents, content, tag links; lists of links) and with a
# theme that writes what Vitrine writes for each page (`full`: description,
# Open Graph, canonical, menu, reading time, related pages, previous/next,
# cards with summaries, a JSON search index of every page's text, as PaperMod
# does). Both ratios are printed. Figures only: nothing here asserts a time.
set -euo pipefail
# `$EPOCHREALTIME` with a decimal point, whatever the locale.
export LC_ALL=C
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v hugo >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq hugo >/dev/null || echo "bench: hugo could not be installed; Vitrine alone"
fi
cargo build --quiet --profile compiler --bin vitrine
VITRINE=$PWD/target/compiler/vitrine
# In memory (/dev/shm) where there is one: this machine's disk spends ~0.3 ms of
# kernel time per file created, which would time the disk rather than the tools.
# `BENCH_TMP=/tmp make bench` times them on disk.
work=$(mktemp -d -p "${BENCH_TMP:-$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp)}")
trap 'rm -rf "$work"' EXIT
echo "bench: building in $work (best of ${RUNS:-5} runs)"
runs=${RUNS:-5}
# The page Trunk would hand to the prerenderer (its links to the app are not needed to time it).
sed 's|<base data-trunk-public-url>|<base href="/">|' index.html > "$work/shell.html"

calc() { python3 -c "print($1)"; }

best_of() { # setup command, timed command… → best wall time in seconds over $runs runs
  # Each run starts from an empty output folder, emptied before the clock starts
  # (deleting 25,000 files takes ~0.4 s here, and neither tool needs it done).
  # Times are kept in microseconds by bash itself: no other process is
  # started inside or between the timed runs.
  local setup=$1 best=""
  shift
  for _ in $(seq "$runs"); do
    local start end t
    $setup
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1 || { echo "bench: $* failed" >&2; exit 1; }
    end=${EPOCHREALTIME/./}
    t=$((end - start))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  calc "$best / 1e6"
}

# Trunk's staging folder as the prerenderer finds it: only the app's page.
fresh_out() { rm -rf "$out" && mkdir -p "$out" && cp "$work/shell.html" "$out/index.html"; }
fresh_hugo_out() { rm -rf "$hugo_out"; }
hugo_build() { # theme → best time; leaves that theme's output in $hugo_out
  best_of fresh_hugo_out hugo --source "$dir" --destination "$hugo_out" --theme "$1" --quiet
}

printf "%-7s %9s %9s %7s %8s %9s %8s %7s %8s %7s\n" pages vitrine_s pages/s files out_MB hugo_bare bare_x hugo_full files full_x
for n in 1000 10000; do
  dir="$work/site-$n"
  python3 scripts/gen-corpus.py "$n" "$dir"
  out="$dir/out" hugo_out="$dir/hugo-out"
  t=$(best_of fresh_out "$VITRINE" build --content "$dir/content" --out "$out")
  files=$(find "$dir/out" -type f | wc -l)
  bytes=$(find "$dir/out" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }')
  bare="-" bare_x="-" full="-" full_files="-" full_x="-"
  if command -v hugo >/dev/null; then
    bare=$(hugo_build bare)
    full=$(hugo_build full)
    full_files=$(find "$hugo_out" -type f | wc -l)
    bare_x=$(printf "%.1fx" "$(calc "$bare / $t")") full_x=$(printf "%.1fx" "$(calc "$full / $t")")
    bare=$(printf "%.3f" "$bare") full=$(printf "%.3f" "$full")
  fi
  printf "%-7s %9.3f %9.0f %7s %8s %9s %8s %7s %8s %7s\n" "$n" "$t" "$(calc "$n / $t")" "$files" "$bytes" "$bare" "$bare_x" "$full" "$full_files" "$full_x"
done
