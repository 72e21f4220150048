#!/usr/bin/env bash
# Search figures, Vitrine's against Pagefind's on the same built sites:
# generated sites of 1,000 and 10,000 pages (`PAGES="1000 10000"`) built with
# Trunk, Pagefind 1.x (npm, package.json) run on each built site, then both
# searched in headless Chromium with the same queries (tests/bench_search.rs):
# bytes on the wire (brotli) for the first query and a session of five,
# requests in a row before results, time to results on loopback, per-keystroke
# latency, recall@10 on correct, accent-less and misspelled queries.
# Also: what a language's search folder holds (table, shards, fragments).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v brotli >/dev/null || apt-get install -y -qq brotli >/dev/null
[ -x node_modules/.bin/pagefind ] || npm install --no-audit --no-fund --silent
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
br() { brotli -c -q 11 "$1" | wc -c; }
sites=""
for n in ${PAGES:-1000 10000}; do
  python3 scripts/gen-corpus.py "$n" "$work/gen-$n" >/dev/null
  VITRINE_CONTENT="$work/gen-$n/content" ./scripts/trunk.sh build --release --dist "$work/site-$n" >/dev/null 2>&1
  start=$(date +%s.%N)
  npx pagefind --site "$work/site-$n" >/dev/null
  pf=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
  folder=$(ls -d "$work/site-$n"/search.*/)
  shards=("$folder"w*.json)
  sizes=$(for f in "${shards[@]}"; do br "$f"; done | sort -n)
  echo "$n pages: table $(stat -c %s "$folder/index.json") B raw, $(br "$folder/index.json") B brotli;" \
    "${#shards[@]} shards, brotli median $(echo "$sizes" | sed -n "$(( (${#shards[@]} + 1) / 2 ))p") B, largest $(echo "$sizes" | tail -1) B;" \
    "a fragment $(br "$folder/p0.json") B brotli; pagefind indexed in $pf s"
  sites="$sites $n:$work/site-$n"
done
BENCH_SITES="$sites" cargo test --quiet --profile compiler --test bench_search -- --ignored --nocapture 2>&1 |
  grep -vE "^(running|test result|$)|^test .* ok$" || true
