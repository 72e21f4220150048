#!/usr/bin/env bash
# Compiler throughput: builds generated portfolios of 1,000 and 10,000 pages and
# prints pages per second; if `hugo` is installed, builds the same pages with it
# and prints the ratio. Figures only: nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --profile compiler --bin vitrine
VITRINE=target/compiler/vitrine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-3}

calc() { python3 -c "print($1)"; }

best_of() { # command… → best wall time in seconds over $runs runs
  local best=""
  for _ in $(seq "$runs"); do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    t=$(calc "$end - $start")
    if [ -z "$best" ] || [ "$(calc "int($t < $best)")" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

printf "%-8s %-8s %10s %12s %10s %12s %8s\n" pages tool seconds pages/s bundle_kB hugo_pages/s ratio
for n in 1000 10000; do
  dir="$work/site-$n"
  python3 scripts/gen-corpus.py "$n" "$dir"
  t=$(best_of "$VITRINE" build --content "$dir/content" --out "$dir/out")
  rate=$(calc "$n / $t")
  size=$(( $(stat -c %s "$dir/out/content.json") / 1024 ))
  hugo_rate="-"; ratio="-"
  if command -v hugo >/dev/null; then
    th=$(best_of hugo --source "$dir" --destination "$dir/hugo-out" --quiet)
    hugo_rate=$(printf "%.0f" "$(calc "$n / $th")")
    ratio=$(printf "%.1fx" "$(calc "$th / $t")")
  fi
  printf "%-8s %-8s %10.3f %12.0f %10s %12s %8s\n" "$n" vitrine "$t" "$rate" "$size" "$hugo_rate" "$ratio"
done
