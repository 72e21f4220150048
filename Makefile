# Vitrine — the two commands a newcomer needs: `make serve` and `make test`.
# Each installs what is missing first (scripts/install-tools.sh).

export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: tools serve build check test lint unit e2e bench clean

tools:
	@./scripts/install-tools.sh

## Build the site and serve it on http://127.0.0.1:8080, rebuilding on every change.
serve: tools
	trunk serve --address 127.0.0.1 --port 8080

## Build the site into dist/ (release).
build: tools
	trunk build --release

## Check the content without writing anything.
check:
	cargo run --quiet --profile compiler --bin vitrine -- check --content content

## Everything CI runs: formatting, lints on both targets, unit tests, browser tests.
test: tools lint build
	cargo test

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -- -D warnings

bench:
	./scripts/bench.sh

clean:
	rm -rf dist target
