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
# Trunk builds offline; std's own dependencies come from crates.io once, here,
# by the same build Trunk then finds done.
release=""
for arg in "$@"; do [ "$arg" = --release ] && release=--release; done
cargo build --quiet $release --target wasm32-unknown-unknown --bin vitrine
exec trunk "$@"
