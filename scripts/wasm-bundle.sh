#!/usr/bin/env bash
# wasm-bundle.sh CRATE BUNDLE OUT: turns the crate's wasm (built by wasm-build.sh) into
# OUT/BUNDLE_bg.wasm and OUT/BUNDLE.js, bound, optimised for size and minified. A bundle with
# `#[lazy]` functions is split first: each lazy function, with the code only it reaches, goes to
# OUT/BUNDLE.split/ (wasm files and the loader the bundle's JS imports), fetched on first call.
set -euo pipefail
cd "$(dirname "$0")/.."
crate=$1 bundle=$2 out=$3
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/$crate.wasm"
opt() {
  end2end/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types "$1" -o "$1"
}
minify() {
  end2end/node_modules/.bin/esbuild --minify --format=esm --log-level=warning "$1" --outfile="$1" \
    --allow-overwrite
}

# The lazy functions import their loader from this placeholder module until wasm-split links them.
if grep -q __wasm_split_placeholder__ "$wasm"; then
  split="$out/$bundle.split"
  # The main module lands beside the bundle's JS (../), and the loader imports it from there.
  wasm-split-cli --target web --out-name "../$bundle" "$wasm" "$split"
  wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out" --out-name "$bundle" \
    "$out/$bundle.wasm"
  rm "$out/$bundle.wasm"
  # wasm-split names the loader ./__wasm_split.js, as if it sat beside the bundle's JS; every
  # split bundle has its own, in its own folder. Only the import statement moves: the wasm
  # still names the module so among its imports.
  grep -q '^import \* as import[0-9]* from "./__wasm_split.js"' "$out/$bundle.js"
  sed -i 's|^\(import \* as import[0-9]* from \)"./__wasm_split.js"|\1"./'"$bundle"'.split/__wasm_split.js"|' \
    "$out/$bundle.js"
  for piece in "$split"/*.wasm; do opt "$piece"; done
  minify "$split/__wasm_split.js"
else
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$bundle" "$wasm"
fi
opt "$out/${bundle}_bg.wasm"
minify "$out/$bundle.js"
