#!/usr/bin/env bash
# Fails when the capture screen's first load (wasm + js + css, brotli) passes the budget: about
# the 3-second JavaScript budget of a mid-range phone. Raised from 350 to 450 KiB on 2026-11-30
# for what issue 3 added to the field app: grid activities (form, record line, quarterly duty)
# 41 KiB, the two-version conflict view 12 KiB, settings with the records file and sync
# progress 17 KiB, trainings with each member's hours of the year 25 KiB, the install offer
# 5 KiB (443 KiB in all; 434 once the forms shared their editing and refusal code). Every
# routed view goes through `AnyView`, which keeps both a sync and an async hydration path per
# view type (the async one alone is about a fifth of the wasm before wasm-opt), and each route
# widens the router's `EitherOfN`. opt-level "s" was tried: 31 KiB
# larger. The way back down was a route-level split of the field app, not trimming forms: the
# pages used a few times a quarter or year (activities, trainings, major events, annual plans,
# settings) moved into a bundle of their own, statgrid_filing, precached by the service worker.
# The record-kind redesign (issue 12) held it at 432 (drafts read through one serde path, a
# plain date reader, minified JS glue, shorter panic paths), so the budget came down to 440.
# Leptos 0.9 leaves the async hydration path out unless lazy routes ask for it (issue 17): the
# first load went from 441 to 369 KiB on 2026-12-04 and the budget came down to 376. Reading
# internally tagged enums and the pull answer without serde's buffering took it from 373 to 362
# on 2026-12-06 (the township view from 565 to 563): the budgets came down to 365 and 566.
# The sync engine cut out into a split fetched by the first sync (wasm-split) took it from 362
# to 343 the same day (the township view, built apart from it, 562); the record lines of
# 我的记录, the home page of a logged-in person and the report form, drawn only in the browser,
# cut out the same way, to 283; reading the kept duty list, which only those splits show, cut
# out too, to 271: the budgets came down to 274 and 565.
#
# It reads the brotli files the build made (quality 11), which are the bytes the server sends.
set -euo pipefail
budget_kib=${SIZE_BUDGET_KIB:-274}
# KiB of the brotli files the server sends for the files named, added up.
sent_kib() {
  local bytes=0
  for f in "$@"; do
    [ -f "$SITE/pkg/$f.br" ] || { echo "no $SITE/pkg/$f.br: build the site with scripts/build-site.sh" >&2; exit 1; }
    bytes=$((bytes + $(stat -c %s "$SITE/pkg/$f.br")))
  done
  echo $((bytes / 1024))
}
# The loader of the bundle's splits is imported by its JS, so it is part of the first load.
kib=$(sent_kib statgrid_bg.wasm statgrid.js statgrid.css statgrid.split/__wasm_split.js)
echo "capture screen first load: ${kib} KiB brotli (budget ${budget_kib} KiB)"
# The field bundle's splits, each fetched when first used (from the service worker's cache once
# it is installed): the sync engine by the first sync and the kept duty list's reader, both right
# after a logged-in start; the home page of a logged-in person, the report form and the record
# lines of 我的记录 when first drawn. None is needed to show or fill the capture screen.
for piece in "$SITE"/pkg/statgrid.split/split_*.wasm; do
  echo "field split ${piece##*/} (not in the first load): $(sent_kib "statgrid.split/${piece##*/}") KiB brotli"
done
# Code two splits share, fetched with the first of them.
chunks=$(cd "$SITE/pkg" && find statgrid.split -name 'chunk_*.wasm' | sort)
# shellcheck disable=SC2086 # one name per chunk
[ -z "$chunks" ] || echo "field splits' shared chunks ($(echo "$chunks" | wc -l) files): $(sent_kib $chunks) KiB brotli"
# The township view, which leaders open on their phones, in a bundle of its own since
# 2026-12-05 (it was 825 KiB with the administration screens in it; 589 alone; 565 once server
# functions' answers were read from text, as hydration reads them): its first load, CSS too.
township_kib=$(sent_kib statgrid_township_bg.wasm statgrid_township.js statgrid.css statgrid_office.css)
township_budget_kib=${TOWNSHIP_BUDGET_KIB:-565}
echo "township view first load (a separate bundle): ${township_kib} KiB brotli (budget ${township_budget_kib} KiB)"
admin_kib=$(sent_kib statgrid_office_bg.wasm statgrid_office.js)
echo "administration screens (a separate bundle, not in the budget): ${admin_kib} KiB brotli"
filing_kib=$(sent_kib statgrid_filing_bg.wasm statgrid_filing.js)
echo "filing pages: activities, trainings, major events, annual plans, analysis meetings, progress reports, score sheets, notices, online courses, annual assessment, settings (a separate bundle, precached, not in the budget): ${filing_kib} KiB brotli"
if [ "$kib" -gt "$budget_kib" ]; then
  echo "the first load grew past its budget: find what added the bytes before raising it" >&2
  exit 1
fi
if [ "$township_kib" -gt "$township_budget_kib" ]; then
  echo "the township view's first load grew past its budget: find what added the bytes before raising it" >&2
  exit 1
fi
