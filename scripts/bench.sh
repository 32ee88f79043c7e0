#!/usr/bin/env bash
# `make bench`: every figure of how fast and how big StatGrid is, each printed with its unit and
# target, misses marked MISS. Datasets are deterministic. Needs what `make test` installed.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null 2>&1 || { as_root apt-get update -qq; as_root apt-get install -y -qq wrk; }

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
site="$target_dir/site"
cargo build --release -p server -p bench
./scripts/build-site.sh >/dev/null
# The bundle floor: a near-empty Leptos app (bench/floor-app) built the field app's way.
./scripts/wasm-build.sh -p floor-app
floor_pkg=$(mktemp -d)
./scripts/wasm-bundle.sh floor_app floor "$floor_pkg"

line() { printf '%-58s %12s %s%s\n' "$1" "$2" "$3" "$4"; }
verdict() { # value target: "ok" when value <= target
  awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "  ok" : "  MISS" }'
}
ge_verdict() {
  awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t) ? "  ok" : "  MISS" }'
}
beside_floor() { # value floor unit: the floor this machine reaches, and the figure over it
  awk -v v="$1" -v f="$2" -v u="$3" 'BEGIN { printf "  [floor %s %s; figure/floor %.2f]", f, u, (f > 0) ? v / f : 0 }'
}
brotli_kib() { # files...: their brotli (quality 11) sizes added up, in KiB
  local bytes=0
  for f in "$@"; do bytes=$((bytes + $(brotli -c -q 11 "$f" | wc -c))); done
  awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1024 }'
}

echo "== First-load bytes of the capture screen (/visits/new) =="
for f in statgrid_bg.wasm statgrid.js statgrid.split/__wasm_split.js statgrid.css; do
  line "  $f raw" "$(awk -v b="$(stat -c %s "$site/pkg/$f")" 'BEGIN{printf "%.1f", b/1024}')" "KiB" ""
  line "  $f brotli" "$(brotli_kib "$site/pkg/$f")" "KiB" ""
done
floor=$(brotli_kib "$floor_pkg/floor_bg.wasm" "$floor_pkg/floor.js")
line "bundle floor: near-empty Leptos app, wasm+js, brotli" "$floor" "KiB" ""
code=$(brotli_kib "$site/pkg/statgrid_bg.wasm" "$site/pkg/statgrid.js" "$site/pkg/statgrid.split/__wasm_split.js")
line "capture screen wasm+js, brotli" "$code" "KiB" "$(beside_floor "$code" "$floor" KiB)"
kib=$(brotli_kib "$site/pkg/statgrid_bg.wasm" "$site/pkg/statgrid.js" "$site/pkg/statgrid.split/__wasm_split.js" "$site/pkg/statgrid.css")
line "capture screen wasm+js+css, brotli" "$kib" "KiB" "  (target ≤ 280 KiB)$(verdict "$kib" 280)"
echo "== Separately loaded routes and splits =="
line "  field splits (sync engine, home, report form, record lines), brotli" "$(brotli_kib "$site"/pkg/statgrid.split/*.wasm)" "KiB" ""
line "  /township/*, a leader's phone (township bundle, wasm+js), brotli" "$(brotli_kib "$site/pkg/statgrid_township_bg.wasm" "$site/pkg/statgrid_township.js")" "KiB" ""
line "  /admin/* (administration bundle, wasm+js), brotli" "$(brotli_kib "$site/pkg/statgrid_office_bg.wasm" "$site/pkg/statgrid_office.js")" "KiB" ""

port=3300
work=$(mktemp -d)
metrics_port=3301
STATGRID_DEMO=1 STATGRID_ADDR="127.0.0.1:$port" STATGRID_METRICS_ADDR="127.0.0.1:$metrics_port" \
  STATGRID_SITE_ROOT="$site" RUST_LOG=warn \
  DATABASE_URL="sqlite://$work/bench.db?mode=rwc" taskset -c 0 "$target_dir/release/statgrid" >"$work/server.log" 2>&1 &
server=$!
servers=("$server")
trap 'kill "${servers[@]}" 2>/dev/null || true; wait "${servers[@]}" 2>/dev/null || true; rm -rf "$work" "$floor_pkg"' EXIT
healthy() { for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return; sleep 0.2; done; }
healthy "$port"
rss() { awk '/^VmRSS/ { printf "%.1f", $2/1024 }' "/proc/$server/status"; }
idle_rss=$(rss)

echo
echo "== Page load in Chromium (4× CPU, 1.6 Mbps down, 150 ms latency), and offline save (4× CPU) =="
json=$(cd end2end && BASE_URL="http://127.0.0.1:$port" node bench/browser.mjs)
get() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(round(d$2, 1))" "$json"; }
v=$(get "$json" "['first']['median']"); line "first load to hydrated and interactive: median" "$v" "ms" "  (target ≤ 2500 ms)$(verdict "$v" 2500)"
v=$(get "$json" "['first']['p99']"); line "first load to hydrated and interactive: p99" "$v" "ms" ""
v=$(get "$json" "['repeat']['median']"); line "repeat load (service worker warm): median" "$v" "ms" "  (target ≤ 300 ms)$(verdict "$v" 300)"
v=$(get "$json" "['repeat']['p99']"); line "repeat load (service worker warm): p99" "$v" "ms" ""
save_floor=$(get "$json" "['saveFloor']['p95']")
line "save floor: one strict IndexedDB write, no app, p95" "$save_floor" "ms" ""
v=$(get "$json" "['save']['median']"); line "offline save, tap to 已保存: median" "$v" "ms" ""
v=$(get "$json" "['save']['p95']"); line "offline save, tap to 已保存: p95" "$v" "ms" "  (target ≤ 30 ms)$(verdict "$v" 30)$(beside_floor "$v" "$save_floor" ms)"

echo
echo "== Server under load (wrk, 64 connections, 10 s; server on core 0, wrk on core 1; SQLite) =="
login=$(curl -fsS -H 'content-type: application/json' -d '{"phone":"13800000005","password":"statgrid2026"}' "http://127.0.0.1:$port/api/v1/auth/login")
token=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['token'])" "$login")
first_pull=$(curl -fsS -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/sync/pull?after=0")
pulled() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(d$1)" "$first_pull"; }
enterprise=$(pulled "['directory']['enterprises'][0]['id']")
cursor=$(pulled "['cursor']")
directory=$(pulled "['directory_digest']")
today=$(TZ=Asia/Shanghai date +%F)
wrk_at() { # port script connections: wrk's report
  TOKEN="$token" ENTERPRISE="$enterprise" TODAY="$today" CURSOR="$cursor" DIRECTORY="$directory" \
    taskset -c 1 wrk -t1 -c"$3" -d10s --latency -s "scripts/wrk/$2.lua" "http://127.0.0.1:$1"
}
rps_of() { awk '/^Requests\/sec/ { print $2 }' <<<"$1"; }
p99_of() { awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } print v }' <<<"$1"; }
# The HTTP floor: an empty axum handler (statgrid-floor-http) under the same wrk settings.
floor_port=3304
STATGRID_ADDR="127.0.0.1:$floor_port" taskset -c 0 "$target_dir/release/statgrid-floor-http" &
floor_server=$!
servers+=("$floor_server")
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$floor_port/" >/dev/null 2>&1 && break; sleep 0.2; done
out=$(wrk_at "$floor_port" read 64)
floor_rps=$(rps_of "$out")
floor_p99=$(p99_of "$out")
kill "$floor_server"
wait "$floor_server" 2>/dev/null || true
line "HTTP floor: empty axum handler, requests per second" "$floor_rps" "req/s" ""
line "HTTP floor: empty axum handler, p99 latency" "$floor_p99" "ms" ""
wrk_run() { # name script target_rps
  local out rps p99
  out=$(wrk_at "$port" "$2" 64)
  rps=$(rps_of "$out")
  p99=$(p99_of "$out")
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  line "$1: requests per second" "$rps" "req/s" "$([ -n "$3" ] && echo "  (target ≥ $3 req/s)$(ge_verdict "$rps" "$3")")$(beside_floor "$rps" "$floor_rps" req/s)"
  line "$1: p99 latency" "$p99" "ms" "$([ -n "$3" ] && echo "  (target ≤ 20 ms)$(verdict "$p99" 20)")$(beside_floor "$p99" "$floor_p99" ms)"
  [ -z "$errors" ] || echo "  $errors"
}
wrk_run "authorized reads (pull, nothing changed)" read 10000
wrk_run "sync pushes (1 record each)" push ""
line "server resident memory, idle" "$idle_rss" "MiB" ""
line "server resident memory, after load" "$(rss)" "MiB" ""
line "server resident memory, peak" "$(awk '/^VmHWM/ { printf "%.1f", $2/1024 }' "/proc/$server/status")" "MiB" ""

echo
echo "== Reads through two servers on one PostgreSQL (a wrk of 32 connections at each, 10 s; servers on core 0, wrk on core 1) =="
pg_admin="${BENCH_DATABASE_URL:-${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}}"
pg_db=statgrid_bench_reads
if psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db" -c "CREATE DATABASE $pg_db" >/dev/null 2>&1; then
  pg_ports=(3302 3303)
  for p in "${pg_ports[@]}"; do
    STATGRID_DEMO=1 STATGRID_ADDR="127.0.0.1:$p" STATGRID_SITE_ROOT="$site" RUST_LOG=warn \
      DATABASE_URL="${pg_admin%/*}/$pg_db" taskset -c 0 "$target_dir/release/statgrid" >>"$work/pg-servers.log" 2>&1 &
    servers+=("$!")
    healthy "$p" # the first seeds the demo before the second starts
  done
  login=$(curl -fsS -H 'content-type: application/json' -d '{"phone":"13800000005","password":"statgrid2026"}' "http://127.0.0.1:${pg_ports[0]}/api/v1/auth/login")
  token=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['token'])" "$login")
  first_pull=$(curl -fsS -H "authorization: Bearer $token" "http://127.0.0.1:${pg_ports[1]}/api/v1/sync/pull?after=0")
  cursor=$(pulled "['cursor']")
  directory=$(pulled "['directory_digest']")
  wrk_at "${pg_ports[0]}" read 32 >"$work/wrk-a.txt" &
  first=$!
  wrk_at "${pg_ports[1]}" read 32 >"$work/wrk-b.txt"
  wait "$first"
  a=$(cat "$work/wrk-a.txt"); b=$(cat "$work/wrk-b.txt")
  rps=$(awk -v x="$(rps_of "$a")" -v y="$(rps_of "$b")" 'BEGIN { printf "%.2f", x + y }')
  p99=$(awk -v x="$(p99_of "$a")" -v y="$(p99_of "$b")" 'BEGIN { print (x > y) ? x : y }')
  line "authorized reads (pull, nothing changed), both servers: requests per second" "$rps" "req/s" "  (target ≥ 5000 req/s)$(ge_verdict "$rps" 5000)$(beside_floor "$rps" "$floor_rps" req/s)"
  line "authorized reads, both servers: p99 latency (the slower)" "$p99" "ms" "  (target ≤ 20 ms)$(verdict "$p99" 20)$(beside_floor "$p99" "$floor_p99" ms)"
  errors=$(cat "$work/wrk-a.txt" "$work/wrk-b.txt" | awk '/Non-2xx|Socket errors/')
  [ -z "$errors" ] || echo "  $errors"
  kill "${servers[@]:1}" 2>/dev/null || true
  wait "${servers[@]:1}" 2>/dev/null || true
  psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
else
  echo "  skipped: no PostgreSQL at $pg_admin (BENCH_DATABASE_URL)"
fi

echo
echo "== The server's metrics after this run (GET /metrics on STATGRID_METRICS_ADDR; buckets in $target_dir/bench-metrics.prom) =="
curl -fsS "http://127.0.0.1:$metrics_port/metrics" >"$target_dir/bench-metrics.prom"
grep -v -e '^#' -e '_bucket{' "$target_dir/bench-metrics.prom" | sort

echo
"$target_dir/release/statgrid-bench" 2> >(grep -v '"level"' >&2)
