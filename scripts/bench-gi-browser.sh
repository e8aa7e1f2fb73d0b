#!/usr/bin/env bash
# Keystroke-to-render of the GI lookup in headless Chromium against the release server on a
# fresh database (see scripts/bench/gi-keystroke.js). Prints p50/p95/max.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
{ scripts/setup.sh --tests && scripts/build.sh; } >"$log" 2>&1 || { cat "$log"; exit 1; }
source scripts/env.sh
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db=$(mktemp -d)
PORTAL_ADDR="127.0.0.1:$port" DATABASE_URL="sqlite://$db/bench.sqlite3" PORTAL_DIST=dist RUST_LOG=warn \
  "$CARGO_TARGET_DIR/release/portal-server" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$db" "$log"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
BENCH_BASE_URL="http://127.0.0.1:$port" \
  BENCH_DEBOUNCE_MS=$(grep -oP 'DEBOUNCE: Duration = Duration::from_millis\(\K\d+' src/pages/gi/search.rs) \
  node scripts/bench/gi-keystroke.js
