#!/usr/bin/env bash
# Sizes of what a visitor downloads, from dist/ (run `make build` first): raw, gzip -9, brotli -q 11.
# The app (wasm + JS + CSS) is what every first visit loads besides the page itself.
set -euo pipefail
cd "$(dirname "$0")/../dist"
if ! command -v brotli >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq brotli >/dev/null
fi
data=$(sed -n 's|.*<meta name="vitrine-data" content="\([^"]*\)".*|\1|p' index.html)
row() { printf "%-44s %10s %10s %10s\n" "$@"; }
row file raw gzip brotli
total=(0 0 0)
# The stylesheet is written into each page (prerender/template.rs): measured as inlined.
css=$(mktemp --suffix=.css); trap 'rm -f "$css"' EXIT
python3 -c "import re; print(re.search(r'<style>(.*?)</style>', open('index.html').read(), re.S).group(1), end='')" > "$css"
for f in $(ls *_bg.wasm vitrine-*.js) "$css" competences/autonomie-professionnelle/index.html "${data}projets/citi.json" search.*/index.json search.*/w0.json; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  name=$f; [ "$f" = "$css" ] && name="CSS (inlined in each page)"
  row "$name" "$raw" "$gz" "$br"
  case "$f" in *.wasm|*.js|*.css) total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)));; esac
done
row "app total (wasm + JS + CSS)" "${total[@]}"
