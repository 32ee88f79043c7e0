#!/usr/bin/env bash
# Fails when the capture screen's first load (wasm + js + css, brotli) passes the budget: about
# the 3-second JavaScript budget of a mid-range phone.
set -euo pipefail
budget_kib=${SIZE_BUDGET_KIB:-350}
total=0
for f in statgrid_bg.wasm statgrid.js statgrid.css; do
  total=$((total + $(brotli -c -q 11 "$SITE/pkg/$f" | wc -c)))
done
kib=$((total / 1024))
echo "capture screen first load: ${kib} KiB brotli (budget ${budget_kib} KiB)"
admin=0
for f in statgrid_office_bg.wasm statgrid_office.js; do
  admin=$((admin + $(brotli -c -q 11 "$SITE/pkg/$f" | wc -c)))
done
echo "office screens: township view and administration (a separate bundle, not in the budget): $((admin / 1024)) KiB brotli"
if [ "$kib" -gt "$budget_kib" ]; then
  echo "the first load grew past its budget: find what added the bytes before raising it" >&2
  exit 1
fi
