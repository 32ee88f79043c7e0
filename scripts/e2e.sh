#!/usr/bin/env bash
# Browser tests: a fresh server with the demo city on a throwaway SQLite file, then Playwright
# in Debian's Chromium. The server is stopped however the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${E2E_PORT:-3100}
work=$(mktemp -d)
log="$work/server.log"
STATGRID_DEMO=1 STATGRID_ADDR="127.0.0.1:$port" STATGRID_SITE_ROOT="$SITE" \
  DATABASE_URL="sqlite://$work/e2e.db?mode=rwc" "$SERVER_BIN" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done

cd end2end
BASE_URL="http://127.0.0.1:$port" npx playwright test || { echo "--- server log ---"; tail -n 50 "$log"; exit 1; }
