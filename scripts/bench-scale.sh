#!/usr/bin/env bash
# Does the first visit grow with the site? Builds the sample site and a
# generated 10,000-page site with Trunk, then prints, side by side, the bytes a
# visitor downloads to see and use a compétence page (its HTML, with the data it
# hydrates from, + wasm + JS + CSS; no data file is fetched before the first
# click) and the data a click to another page fetches. Raw, gzip -9, brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v brotli >/dev/null || apt-get install -y -qq brotli >/dev/null
n=${PAGES:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-corpus.py "$n" "$work/gen" >/dev/null
./scripts/trunk.sh build --release --dist "$work/sample" >/dev/null 2>&1
VITRINE_CONTENT="$work/gen/content" ./scripts/trunk.sh build --release --dist "$work/big" >/dev/null 2>&1

sizes() { # files… → "raw gzip brotli"
  local raw=0 gz=0 br=0
  for f in "$@"; do
    raw=$((raw + $(stat -c %s "$f"))); gz=$((gz + $(gzip -9c "$f" | wc -c))); br=$((br + $(brotli -c -q 11 "$f" | wc -c)))
  done
  echo "$raw $gz $br"
}
# The stylesheet is inside each page's HTML (prerender/template.rs), so the app is wasm + JS.
app() { ls "$1"/*_bg.wasm "$1"/vitrine-*.js; }
data() { sed -n 's|.*<meta name="vitrine-data" content="\([^"]*\)".*|\1|p' "$1/index.html"; }

row() { printf "%-44s %12s %12s %12s\n" "$@"; }
row "" raw gzip brotli
read -r a b c <<<"$(sizes $(app "$work/sample"))"; row "app (wasm + JS; CSS is in the HTML), both sites" "$a" "$b" "$c"
for site in sample big; do
  if [ $site = sample ]; then page=competences/autonomie-professionnelle; next=projets/citi; label="sample site ($(find "$work/sample/$(data "$work/sample")" -name '*.json' | wc -l) data files)"
  else page=competences/page-00000; next=projets/page-00001; label="generated $n-page site"; fi
  dir="$work/$site"
  read -r h1 h2 h3 <<<"$(sizes "$dir/$page/index.html")"
  read -r f1 f2 f3 <<<"$(sizes "$dir/$page/index.html" $(app "$dir"))"
  read -r d1 d2 d3 <<<"$(sizes "$dir/$(data "$dir")$next.json")"
  echo "$label"
  row "  compétence page HTML (with its data)" "$h1" "$h2" "$h3"
  row "  first load: HTML + app" "$f1" "$f2" "$f3"
  row "  a click to /$next: data fetched" "$d1" "$d2" "$d3"
  eval "first_$site=$f3"
done
python3 -c "print(f'first load, generated / sample (brotli): {$first_big / $first_sample:.3f}x')"
largest=$(find "$work/big/$(data "$work/big")" -name '*.json' ! -name routes.json -printf '%s %P\n' | sort -n | tail -1)
read -r size name <<<"$largest"
echo "largest route data file of the generated site: $name, $size bytes raw (routes.json, read only on a miss: $(stat -c %s "$work/big/$(data "$work/big")routes.json") bytes)"
