#!/usr/bin/env bash
# Runs Trunk with the app's wasm built the small way: the pinned nightly
# (scripts/install-tools.sh installs it), the standard library rebuilt for size
# with panics as bare traps, no panic locations and no Debug formatting
# (measured in ../shared/toolchain.md: -17% wasm). The content compiler in
# Trunk's hooks stays on the default toolchain (see Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
RUSTUP_TOOLCHAIN=$(cat target/nightly-toolchain 2>/dev/null || echo nightly)
export RUSTUP_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# While serving, errors in the content show in the browser (Trunk.toml's hook).
if [ "${1:-}" = serve ]; then export VITRINE_SERVE=1; fi
# Trunk 0.21 drops the events of paths that no longer exist, so a page deleted
# would stay served until the next save: while serving, the content's file
# list is compared each second, and a change written to a hidden file there
# (which Trunk sees, and the compiler skips).
watch_deletions() {
  local content=$1 mark=$1/.vitrine-rebuild last now
  list() { find "$content" -type f ! -name .vitrine-rebuild 2>/dev/null | sort | cksum; }
  last=$(list)
  while sleep 1; do
    now=$(list)
    if [ "$now" != "$last" ]; then last=$now; date > "$mark"; fi
  done
}
# Trunk builds offline; std's own dependencies come from crates.io once, here,
# by the same build Trunk then finds done.
release=""
for arg in "$@"; do [ "$arg" = --release ] && release=--release; done
cargo build --quiet $release --target wasm32-unknown-unknown --bin vitrine
if [ "${1:-}" = serve ] && [ -d "${VITRINE_CONTENT:-content}" ]; then
  watch_deletions "${VITRINE_CONTENT:-content}" &
  watcher=$!
  trap 'kill "$watcher" 2>/dev/null; rm -f "${VITRINE_CONTENT:-content}/.vitrine-rebuild"' EXIT
  trunk "$@"
else
  exec trunk "$@"
fi
