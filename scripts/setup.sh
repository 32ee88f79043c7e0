#!/usr/bin/env bash
# Installs what the build and the tests need and is not there yet; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must be the very version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  # No --locked: a locked TLS dependency of the CLI is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$want"
fi

# wasm-split cuts the `#[lazy]` functions out of a bundle (scripts/wasm-bundle.sh). 0.2.3 is the
# first that reads what wasm-bindgen 0.2.128 and later link.
split_want=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$split_want:"; then
  cargo install wasm_split_cli_support --version "$split_want" --features build-binary
fi

# brotli measures the bundle; Debian's Chromium runs the browser tests (Playwright's own download cannot work here).
if ! command -v chromium >/dev/null 2>&1 || ! command -v brotli >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium brotli
fi

# pg_dump and pg_restore: the backup tests run them when the tests have a PostgreSQL.
if [ -n "${TEST_DATABASE_URL:-}" ] && ! command -v pg_dump >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq postgresql-client
fi

# Playwright, binaryen's wasm-opt (Debian's wasm-opt breaks the wasm: not that one) and esbuild,
# which minifies the JS glue.
if ! (cd end2end && npm ls --depth=0 >/dev/null 2>&1); then
  (cd end2end && npm ci --no-audit --no-fund)
fi
