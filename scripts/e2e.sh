#!/usr/bin/env bash
# Browser tests, one spec file at a time: each file gets a server of its own with the demo city
# on a fresh SQLite file, so what one spec leaves behind (a locked month, say) cannot fail the
# next. Playwright runs each file in the project playwright.config.ts assigns it. Each server
# listens on a port the system picks and is stopped however its file's tests end.
#
#   scripts/e2e.sh                  every spec file
#   scripts/e2e.sh sync reports     only end2end/tests/sync.spec.ts and reports.spec.ts
#
# A spec file may give its server settings, on lines of their own:
#   // e2e-server-env: NAME=value
# Playwright gets them too, so the spec can read them (reports.spec.ts pins the clock so).
#
# Ends with the line "N passed, M failed", summing every file; exits non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# Absolute, for the specs as well (update.spec.ts edits the site), which run in end2end/.
SITE=$(realpath "${SITE:?the built site, e.g. target/site}")
SERVER_BIN=$(realpath "${SERVER_BIN:?the server binary, e.g. target/debug/statgrid}")
export SITE SERVER_BIN

specs=()
if [ $# -gt 0 ]; then
  for name in "$@"; do specs+=("tests/${name%.spec.ts}.spec.ts"); done
else
  for spec in end2end/tests/*.spec.ts; do specs+=("${spec#end2end/}"); done
fi
for spec in "${specs[@]}"; do
  [ -f "$root/end2end/$spec" ] || { echo "no such spec: end2end/$spec" >&2; exit 2; }
done

work=$(mktemp -d)
server=
stop_server() {
  [ -n "$server" ] || return 0
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
}
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# The "// e2e-server-env: NAME=value" lines of spec $1, as NAME=value lines.
spec_env() {
  sed -n 's|^// e2e-server-env: *\([A-Z_][A-Z0-9_]*=.*\)$|\1|p' "$root/end2end/$1"
}

# Starts a server for spec $1 on a fresh database in directory $2 and sets $url once it
# answers; fails if it exits first or takes a minute.
start_server() {
  local -a env_args=()
  local kv addr
  while IFS= read -r kv; do env_args+=("$kv"); done < <(spec_env "$1")
  env "${env_args[@]}" STATGRID_DEMO=1 STATGRID_ADDR=127.0.0.1:0 STATGRID_SITE_ROOT="$SITE" \
    DATABASE_URL="sqlite://$2/e2e.db?mode=rwc" "$SERVER_BIN" >"$2/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    # The JSON log line {"fields":{"message":"StatGrid listening","address":"127.0.0.1:…"}}.
    addr=$(sed -n '/"StatGrid listening"/s/.*"address":"\([^"]*\)".*/\1/p' "$2/server.log" | head -n 1)
    if [ -n "$addr" ] && curl -fsS "http://$addr/healthz" >/dev/null 2>&1; then
      url="http://$addr"
      return 0
    fi
    kill -0 "$server" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

passed=0
failed=0
failed_specs=()
url=
for i in "${!specs[@]}"; do
  spec=${specs[$i]}
  dir="$work/$i"
  mkdir "$dir"
  echo "=== $spec ==="
  rc=0
  ok=0
  bad=0
  if start_server "$spec" "$dir"; then
    (
      cd end2end
      while IFS= read -r kv; do export "${kv?}"; done < <(spec_env "$spec")
      BASE_URL="$url" PLAYWRIGHT_JSON_OUTPUT_NAME="$dir/report.json" \
        node_modules/.bin/playwright test "$spec" --reporter=list,json
    ) || rc=$?
    read -r ok bad < <(node -e '
      try {
        const s = require(process.argv[1]).stats;
        console.log(s.expected + s.flaky, s.unexpected);
      } catch { console.log(0, 0); }' "$dir/report.json")
  else
    echo "The server for $spec did not start."
    rc=1
  fi
  # A file that failed with no test failing (its server did not start, no tests found, a crash)
  # counts as one failure.
  if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [ "$rc" -ne 0 ]; then
    failed_specs+=("$spec")
    echo "--- server log of $spec (last 50 lines) ---"
    tail -n 50 "$dir/server.log"
    echo "--- end of server log ---"
  fi
  stop_server
done

echo
if [ ${#failed_specs[@]} -gt 0 ]; then echo "failed: ${failed_specs[*]}"; fi
echo "$passed passed, $failed failed"
[ ${#failed_specs[@]} -eq 0 ]
