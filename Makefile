# StatGrid: `make run` serves the demo; `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := run

TARGET_DIR := $(shell cargo metadata --format-version 1 --no-deps 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null || echo target)
SITE := $(TARGET_DIR)/site
E2E_PORT ?= 3100

.PHONY: setup site build run release test test-rust test-size test-e2e lint deps fuzz bench clean

# The Rust tests of the app and the server in one cargo run: one set of features for both, so
# the dependencies, the app and the server (the binary the browser tests start too) are
# compiled once, not once per package and again for `cargo build`.
RUST_TESTS := -p app -p server --features app/ssr

setup:
	./scripts/setup.sh

site: setup
	./scripts/build-site.sh

build: site
	cargo build -p server

## Serves http://127.0.0.1:3000 on statgrid.db (SQLite), with the demo city on first start.
run: build
	STATGRID_DEMO=1 STATGRID_DEMO_HISTORY=1 STATGRID_SITE_ROOT=$(SITE) RUST_LOG=$${RUST_LOG:-info,sqlx=warn,sea_orm=warn} \
		$(TARGET_DIR)/debug/statgrid

## The optimised server and site in dist/statgrid, with the example service files, to copy to
## a server (docs/deploy.md).
release: setup
	cargo build --release -p server
	./scripts/build-site.sh
	rm -rf dist/statgrid && mkdir -p dist/statgrid
	cp $(TARGET_DIR)/release/statgrid dist/statgrid/
	cp -r $(SITE) dist/statgrid/site
	cp docs/deploy/statgrid.service docs/deploy/statgrid.env docs/deploy/nginx.conf dist/statgrid/

## Unit, property and integration tests (SQLite; PostgreSQL too when TEST_DATABASE_URL is set),
## then the browser tests in Chromium.
test: site test-size test-rust test-e2e

## Fails when the capture screen's first load (wasm+js+css, brotli) grows past 274 KiB, or the
## township view's past 565 KiB.
test-size:
	SITE=$(SITE) ./scripts/check-size.sh

test-rust: setup
	cargo test $(RUST_TESTS)

test-e2e: setup
	cargo test $(RUST_TESTS) --no-run
	E2E_PORT=$(E2E_PORT) SITE=$(SITE) SERVER_BIN=$(TARGET_DIR)/debug/statgrid ./scripts/e2e.sh

lint: setup
	cargo fmt --all --check
	cargo clippy -p app -p server -p migration -p bench --features app/ssr --all-targets -- -D warnings
	cargo clippy -p frontend -p frontend-filing -p frontend-office -p frontend-township -p app --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

## Dependencies: licences, bans, duplicate versions, sources; advisories where a database is at hand.
deps:
	./scripts/deps.sh

## The push decoder fuzzed for ten minutes per database (`make test` runs it for ten seconds).
fuzz:
	STATGRID_FUZZ_SECS=$${STATGRID_FUZZ_SECS:-600} cargo test -p server --test server push_fuzz -- --nocapture

## How fast and how big: prints every figure with its target (after `make test` set things up).
bench: setup
	./scripts/bench.sh

clean:
	cargo clean
	rm -rf dist
	rm -f statgrid.db statgrid.db-shm statgrid.db-wal
