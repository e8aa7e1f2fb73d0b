# Sourced by the browser benchmarks: builds what is missing (setup, release build), then starts
# the release server on a fresh database in a temp folder and waits for it. Sets `base` (its
# URL), `bench_tmp` (the temp folder, removed at exit with the server stopped) and `log`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
log=$(mktemp)
{ scripts/setup.sh --tests && scripts/build.sh; } >"$log" 2>&1 || { cat "$log"; exit 1; }
source scripts/env.sh
bench_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
bench_tmp=$(mktemp -d)
PORTAL_ADDR="127.0.0.1:$bench_port" DATABASE_URL="sqlite://$bench_tmp/bench.sqlite3" PORTAL_DIST=dist \
  RUST_LOG=warn "$CARGO_TARGET_DIR/release/portal-server" >"$log" 2>&1 &
bench_server=$!
trap 'kill $bench_server 2>/dev/null; rm -rf "$bench_tmp" "$log"' EXIT
base="http://127.0.0.1:$bench_port"
for _ in $(seq 100); do curl -fs "$base/api/v1/health" >/dev/null && break; sleep 0.1; done
