#!/usr/bin/env bash
# Builds the named wasm crates (`-p crate ...`) in the size-optimised wasm-release profile: the
# field app's bundles (build-site.sh) and the bundle floor of `make bench` alike.
set -euo pipefail
cd "$(dirname "$0")/.."
# Panic messages name source files: without the registry's and this checkout's folders they
# are shorter, and the bytes do not depend on where the project was cloned.
remap="--remap-path-prefix=$PWD="
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$registry" ] || continue
  remap="$remap --remap-path-prefix=${registry%/}="
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap"
cargo build "$@" --target wasm32-unknown-unknown --profile wasm-release
