#!/usr/bin/env bash
# Lighthouse (mobile preset) on the home page, a compétence, one with a hero image, the article
# with a 6028 px photo (resized variants) of dist/,
# served with gzip on 127.0.0.1 as static hosts serve it. Prints the four
# scores and FCP / LCP. Needs `make build` first; installs lighthouse (npm) into
# target/lighthouse the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
LH=target/lighthouse/node_modules/.bin/lighthouse
[ -x "$LH" ] || npm install --prefix target/lighthouse --no-audit --no-fund --silent lighthouse
port=8790
python3 scripts/serve-gzip.py dist "$port" & server=$!
trap 'kill $server' EXIT
sleep 1
for path in "" "competences/autonomie-professionnelle/" "competences/conduire-un-projet/" "veille/images-legeres-pour-le-web/" "synthese/"; do
  out=$(mktemp)
  CHROME_PATH=/usr/bin/chromium "$LH" "http://127.0.0.1:$port/$path" --quiet --output=json --output-path="$out" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"
  python3 - "$out" "/$path" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
scores = " ".join(f"{k}={round(v['score'] * 100)}" for k, v in r["categories"].items())
a = r["audits"]
print(f"{sys.argv[2]:40} {scores} FCP={a['first-contentful-paint']['displayValue']} LCP={a['largest-contentful-paint']['displayValue']} CLS={a['cumulative-layout-shift']['displayValue']} TBT={a['total-blocking-time']['displayValue']} SI={a['speed-index']['displayValue']}")
PY
done
