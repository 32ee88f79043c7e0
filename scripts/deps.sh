#!/usr/bin/env bash
# Checks the dependencies: licences, bans, duplicate versions and sources (cargo-deny, deny.toml),
# and known advisories (cargo-audit) where an advisory database is at hand. CI cannot reach
# GitHub to fetch one, so the advisory check reads a local copy of the RustSec database
# (ADVISORY_DB, by default ../shared/advisory-db) and is skipped, saying so, when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deny --version >/dev/null 2>&1; then
  cargo install cargo-deny --version 0.20.2 --locked
fi
cargo deny check licenses bans sources

db="${ADVISORY_DB:-../shared/advisory-db}"
if [ ! -d "$db/crates" ]; then
  echo "advisory check skipped: no RustSec advisory database at $db (set ADVISORY_DB to a copy)"
  exit 0
fi
if ! cargo audit --version >/dev/null 2>&1; then
  cargo install cargo-audit --version 0.22.2 --locked
fi
cargo audit --db "$db" --no-fetch --stale
