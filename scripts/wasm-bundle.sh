#!/usr/bin/env bash
# wasm-bundle.sh CRATE BUNDLE OUT: turns the crate's wasm (built by wasm-build.sh) into
# OUT/BUNDLE_bg.wasm and OUT/BUNDLE.js, bound, optimised for size and minified.
set -euo pipefail
cd "$(dirname "$0")/.."
crate=$1 bundle=$2 out=$3
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$bundle" \
  "$target_dir/wasm32-unknown-unknown/wasm-release/$crate.wasm"
end2end/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  "$out/${bundle}_bg.wasm" -o "$out/${bundle}_bg.wasm"
end2end/node_modules/.bin/esbuild --minify --format=esm --log-level=warning \
  "$out/$bundle.js" --outfile="$out/$bundle.js" --allow-overwrite
