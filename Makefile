# Vitrine — the two commands a newcomer needs: `make serve` and `make test`.
# Each installs what is missing first (scripts/install-tools.sh).

export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: a11y fuzz tools serve pdf build build-subpath build-drafts check check-links new test lint bench bench-serve bench-scale bench-search sizes lighthouse image-bytes clean

# `SITE=path/to/site`: build a Hugo, Zola or Pelican site root (its `content/`),
# an Astro root (`src/content/`, `public/`) or a Jekyll root (the folder itself)
# where it stands, nothing copied.
SITE ?=
ifneq ($(SITE),)
  export VITRINE_CONTENT := $(abspath $(firstword $(wildcard $(SITE)/src/content $(SITE)/content) $(SITE)))
  WATCH_SITE := --watch src --watch style --watch index.html --watch Cargo.toml --watch $(abspath $(SITE))
endif

tools:
	@./scripts/install-tools.sh

## Build the site and serve it on http://127.0.0.1:8080, rebuilding on every change.
## The app's wasm is the release one: Trunk reprocesses it on every rebuild,
## and the debug one (165 MB) took 3.6 s of each save to the browser, 1.5 MB 0.1 s.
serve: tools
	./scripts/trunk.sh serve --release --address 127.0.0.1 --port 8080 $(WATCH_SITE)

## Build the site into dist/ (release).
build: tools
	./scripts/trunk.sh build --release

## The CV and the synthesis table as PDF files in the site (dist/cv.pdf,
## dist/synthese.pdf), printed by Chromium from the site built with `--pdf`
## (its pages link to them: "Télécharger le PDF"). A plain `make build` has no link.
pdf: tools
	VITRINE_FLAGS="$(VITRINE_FLAGS) --pdf" ./scripts/trunk.sh build --release
	./scripts/pdf.sh dist

## Check the content without writing anything; every warning is an error
## (`STRICT=` for a site being moved over: its warnings are only told).
STRICT ?= --strict
check:
	cargo run --quiet --profile compiler --bin vitrine -- check --content "$${VITRINE_CONTENT:-content}" $(STRICT)

## Also ask every link to another site (answers kept a day in target/); dead
## ones are warnings here (`vitrine check --external --strict` makes them errors).
check-links:
	cargo run --quiet --profile compiler --bin vitrine -- check --external --content "$${VITRINE_CONTENT:-content}"

## Start a page: `make new KIND=competence TITLE="Travailler en équipe"`
## (KIND: competence, projet, page, or a section's folder); never overwrites.
new:
	@test -n "$$KIND" && test -n "$$TITLE" || { echo 'usage: make new KIND=competence TITLE="Travailler en équipe"' >&2; exit 2; }
	cargo run --quiet --profile compiler --bin vitrine -- new "$$KIND" "$$TITLE" --content "$${VITRINE_CONTENT:-content}"

## The site as hosted under a sub-path (https://user.github.io/portfolio/).
build-subpath: tools
	./scripts/trunk.sh build --release --public-url /portfolio/ --dist target/dist-subpath

## The site with drafts shown (the hydration tests visit every route of it).
build-drafts: tools
	VITRINE_FLAGS=--drafts ./scripts/trunk.sh build --release --dist target/dist-drafts

## Everything CI runs: formatting, lints on both targets, unit tests, browser
## tests at the root of a host, then the browser tests again under a sub-path.
test: tools lint build build-subpath build-drafts
	cargo test
	$(MAKE) --no-print-directory a11y SITE=tests/fixtures/a11y A11Y_DIST=target/dist-a11y-fixture
	VITRINE_DIST=target/dist-subpath VITRINE_BASE=/portfolio cargo test --test e2e --test views --test static_host --test search --test hydration --test pictures --test synthese --test languages --test data_format --test cv_browser -- --skip drafts

## Accessibility: build the site (`SITE=path` as for `make build`, into
## A11Y_DIST), serve it on 127.0.0.1 and run axe-core in Chromium on every
## route, light and dark, and on a 375 px screen (tests/a11y.rs): one line per
## rule broken, with its first pages and their files; exits 1 when any is.
A11Y_DIST ?= target/dist-a11y
a11y: tools
	./scripts/trunk.sh build --release $(if $(SITE),--dist $(A11Y_DIST))
	VITRINE_DIST=$(if $(SITE),$(A11Y_DIST),dist) cargo test --quiet --test a11y || exit 1

lint:
	python3 scripts/check-imports.py
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -- -D warnings

bench:
	./scripts/bench.sh

sizes: build
	./scripts/sizes.sh

## First visit and click sizes: the sample site against a generated 10,000-page one.
bench-scale: tools
	./scripts/bench-scale.sh

## Fuzz the front-matter reader, the settings readers, the shortcode expander,
## the link resolver, Pelican's headers and settings, Jekyll's settings and Liquid, the CV reader (JSON Resume) with libFuzzer, FUZZ_SECONDS each (default 600); a crash
## stops with its input in fuzz/artifacts/.
FUZZ_SECONDS ?= 600
fuzz: tools
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@for target in front_matter settings shortcodes links pelican jekyll resume; do \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  cargo +$$(cat target/nightly-toolchain) fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) > target/fuzz-$$target.log 2>&1 \
	    || { tail -40 target/fuzz-$$target.log; exit 1; }; \
	  grep -E "^#[0-9]+ +DONE|^Done" target/fuzz-$$target.log | tail -2; \
	done

## From a save to the browser under `make serve`'s rebuild loop: the median of 10 edits.
bench-serve: tools
	cargo test --test serve time_to_browser -- --ignored --nocapture

bench-search: build
	./scripts/bench-search.sh

lighthouse: build
	./scripts/lighthouse.sh

## Image bytes per page with pictures, before/after resizing, at 375 px (2x) and 1280 px.
image-bytes: build
	cargo test --profile compiler --test pictures image_bytes_per_page -- --ignored --nocapture

clean:
	rm -rf dist target
