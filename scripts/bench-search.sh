#!/usr/bin/env bash
# Search figures on a generated 1,000-page site (about 5 MB of body text):
# index size against the body text (raw and brotli), and per-keystroke latency
# in headless Chromium. Needs a built dist/ (make build).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v brotli >/dev/null || apt-get install -y -qq brotli >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-corpus.py 1000 "$work/site" 7
cargo run --quiet --profile compiler --bin vitrine -- build --content "$work/site/content" --out "$work/out" 2>/dev/null
python3 - "$work/out/content.json" "$work/body.txt" <<'PY'
import json, re, sys
pages = json.load(open(sys.argv[1]))["pages"]
open(sys.argv[2], "w").write(" ".join(re.sub("<[^>]+>", " ", p["html"]) for p in pages))
PY
size() { printf "%10d raw %9d brotli" "$(stat -c %s "$1")" "$(brotli -c -q 11 "$1" | wc -c)"; }
echo "body text:    $(size "$work/body.txt")"
echo "search index: $(size "$work/out/search.json")"
python3 -c "
import subprocess, os
b = int(subprocess.check_output('brotli -c -q 11 $work/body.txt | wc -c', shell=True))
i = int(subprocess.check_output('brotli -c -q 11 $work/out/search.json | wc -c', shell=True))
print(f'index / body text, compressed: {100 * i / b:.1f} %')"
BENCH_SITE="$work/out" cargo test --quiet --test bench_search -- --ignored --nocapture 2>&1 | grep -E "^search|panicked|FAILED" || true
