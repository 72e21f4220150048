#!/bin/sh
# Minifies the app's JS glue in Trunk's staging folder ($1) with terser, which
# Trunk 0.21 cannot do on wasm-bindgen's output (measured: 7.97 → 6.45 KB
# brotli). The glue is loaded by the page's own loader, with no integrity hash
# to update. scripts/install-tools.sh installs terser with npm; without it the
# glue ships as it is, and this says so.
set -e
terser=node_modules/.bin/terser
if [ ! -x "$terser" ]; then
  echo "minify-js: terser is not installed (scripts/install-tools.sh), the app's JS ships unminified" >&2
  exit 0
fi
for js in "$1"/vitrine-*.js; do
  "$terser" "$js" --module --compress --mangle --output "$js.min"
  mv "$js.min" "$js"
done
