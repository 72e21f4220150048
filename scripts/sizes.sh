#!/usr/bin/env bash
# Sizes of what a visitor downloads, from dist/ (run `make build` first): raw, gzip -9, brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/../dist"
if ! command -v brotli >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq brotli >/dev/null
fi
printf "%-12s %10s %10s %10s\n" file raw gzip brotli
total=(0 0 0)
for pattern in '*_bg.wasm' 'vitrine-*.js' 'main-*.css' 'content.*.json' 'search.*.json'; do
  f=$(ls $pattern | head -1)
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  printf "%-12s %10d %10d %10d\n" "$pattern" "$raw" "$gz" "$br"
  if [[ "$pattern" != *json ]]; then total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br))); fi
done
printf "%-12s %10d %10d %10d\n" "app total" "${total[@]}"
