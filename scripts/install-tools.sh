#!/usr/bin/env bash
# Installs what Vitrine needs to build and test, skipping what is already there.
# Versions are the ones recorded in ../shared/toolchain.md as working on these machines.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (Trunk only accepts an exact match).
LOCK="Cargo.lock"
WASM_BINDGEN_VERSION=""
if [ -f "$LOCK" ]; then
  WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' "$LOCK" | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
fi
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "install-tools: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The app's wasm is built with a pinned nightly (scripts/trunk.sh): the machine's
# own `nightly` when it is that one, else that nightly installed by date.
NIGHTLY_DATE=2026-05-19
mkdir -p target
if rustc +nightly --version 2>/dev/null | grep -q "$NIGHTLY_DATE"; then
  NIGHTLY=nightly
else
  NIGHTLY="nightly-$NIGHTLY_DATE"
  if ! rustc +"$NIGHTLY" --version >/dev/null 2>&1; then
    echo "install-tools: installing Rust $NIGHTLY (for the wasm build)"
    rustup toolchain install "$NIGHTLY" --profile minimal
  fi
fi
echo "$NIGHTLY" > target/nightly-toolchain
if ! rustup component list --toolchain "$NIGHTLY" --installed | grep -q '^rust-src'; then
  rustup component add rust-src --toolchain "$NIGHTLY"
fi
if ! rustup target list --toolchain "$NIGHTLY" --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown --toolchain "$NIGHTLY"
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  echo "install-tools: installing trunk $TRUNK_VERSION (takes a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  echo "install-tools: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry lacks (toolchain.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "${VITRINE_NO_BROWSER:-}" != 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  echo "install-tools: installing chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# pdftotext and pdftoppm read back the pages Chromium prints (tests/print.rs).
if [ "${VITRINE_NO_BROWSER:-}" != 1 ] && { ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; }; then
  echo "install-tools: installing poppler-utils"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi

if [ "${VITRINE_NO_BROWSER:-}" != 1 ] && { [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/terser ] || [ ! -x node_modules/.bin/wasm-opt ]; }; then
  echo "install-tools: installing terser, binaryen and axe-core (npm: the JS minifier, wasm-opt, the accessibility tests)"
  if ! command -v npm >/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
  npm ci --no-audit --no-fund --silent
fi
