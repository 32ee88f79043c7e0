#!/usr/bin/env bash
# Builds the browser bundle into target/site: wasm + JS glue + CSS + public files.
# (The plain steps cargo-leptos would run, without its 20-minute install.)
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
# Four bundles: the field app (statgrid) that phones load for capture; the filing forms used a
# few times a quarter or year (statgrid_filing: activities, trainings, major events, annual
# plans), precached for offline use; the township view leaders open on their phones
# (statgrid_township) and the city's administration (statgrid_office), each loaded only when
# its screens are opened.
# Three builds, since cargo would turn one bundle's features of app on for every bundle built
# with it: the field app with its splits (app's `split-sync` and `split-pages`), the filing
# pages with the sync engine's split only, the township and office bundles with none.
./scripts/wasm-build.sh -p frontend
./scripts/wasm-build.sh -p frontend-filing
./scripts/wasm-build.sh -p frontend-office -p frontend-township

# The site is made again only when what it is made from changed: the four wasm files cargo
# built, the CSS, the public files, this script and the tools' versions. wasm-opt and brotli
# take minutes; a second `make test` with nothing changed skips them.
inputs=$(
  {
    sha256sum "$target_dir"/wasm32-unknown-unknown/wasm-release/frontend{,_filing,_office,_township}.wasm \
      style/main.css style/office.css scripts/build-site.sh scripts/wasm-build.sh scripts/wasm-bundle.sh
    cargo install --list | grep -x "wasm_split_cli_support v.*:"
    find public -type f -print0 | sort -z | xargs -0 sha256sum
    wasm-bindgen --version
    end2end/node_modules/.bin/wasm-opt --version
    brotli --version
  } | sha256sum | cut -d' ' -f1
)
stamp="$target_dir/site.inputs"
if [ -d "$target_dir/site" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
  echo "site in $target_dir/site is up to date"
  exit 0
fi

out="$target_dir/site.new"
rm -rf "$out"
mkdir -p "$out/pkg"
for pair in frontend:statgrid frontend_filing:statgrid_filing frontend_office:statgrid_office \
  frontend_township:statgrid_township; do
  crate=${pair%%:*}
  bundle=${pair#*:}
  ./scripts/wasm-bundle.sh "$crate" "$bundle" "$out/pkg"
done
cp style/main.css "$out/pkg/statgrid.css"
# The office screens' rules, loaded by their pages only: not in the phones' first load.
cp style/office.css "$out/pkg/statgrid_office.css"
cp -r public/. "$out/"
# Sent as measured: brotli at quality 11 and gzip, made once here. The server sends these
# files as they are (ServeDir's precompressed files) instead of compressing on the fly at
# brotli's quality 4, which a phone would download about 117 KiB more of.
find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \
  -o -name '*.webmanifest' \) -print0 |
  while IFS= read -r -d '' file; do
    brotli -q 11 -f "$file"
    gzip -9 -k -f "$file"
  done
rm -rf "$target_dir/site"
mv "$out" "$target_dir/site"
echo "$inputs" > "$stamp"
echo "site built in $target_dir/site"
