#!/bin/sh
# `make pdf`: the CV and the synthesis table of a built site printed to PDF
# by headless Chromium, as a visitor's print dialog would (the pages' own
# `@page`: A4 portrait for /cv, landscape for /synthese), into the site
# itself: dist/cv.pdf and dist/synthese.pdf. The site was built with
# `--pdf`, so its pages already link to them; a page it has not (no CV,
# no synthesis table) is skipped. Any print that fails stops with status 1.
set -eu
dist=${1:-dist}
chromium=${CHROMIUM:-/usr/bin/chromium}
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dist" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"' EXIT INT TERM
# Until the server answers (never a fixed sleep).
python3 - "$port" <<'PY'
import socket, sys, time
deadline = time.time() + 20
while time.time() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("pdf: the static server did not start")
PY
profile=$(mktemp -d)
for page in cv synthese; do
  [ -f "$dist/$page/index.html" ] || continue
  rm -f "$dist/$page.pdf"
  "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --no-pdf-header-footer --virtual-time-budget=5000 --user-data-dir="$profile" \
    --print-to-pdf="$dist/$page.pdf" "http://127.0.0.1:$port/$page/" >/dev/null 2>&1 || true
  if [ ! -s "$dist/$page.pdf" ]; then
    echo "pdf: Chromium printed nothing for /$page" >&2
    rm -rf "$profile"
    exit 1
  fi
  echo "pdf: $dist/$page.pdf"
done
rm -rf "$profile"
