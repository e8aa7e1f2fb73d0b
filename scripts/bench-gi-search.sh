#!/usr/bin/env bash
# Load test of the GI product search (not part of the test suite). Builds the release server,
# starts it on a free loopback port with a fresh temporary database, and sends each query at a
# fixed 1,000 requests/s with `hey` (Debian package, installed if missing). Prints, per query:
# the rate achieved, p50/p99 as the client saw them, the p50/p99 the server itself logged for
# the request (handler and JSON, without the network), and the answers that were not 2xx.
# Target: server p99 at most 5 ms on the 2-core build machine.
# DURATION (default 10s) sets how long each query runs. SERVER=path/to/portal-server measures
# that binary instead of building this checkout's (to compare two builds on one machine).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

duration=${DURATION:-10s}
# 20 workers × 50 requests/s each: a fixed total of 1,000 requests/s.
workers=20
rate_per_worker=50

if ! command -v hey >/dev/null; then
    echo "==> Installing hey (Debian package)" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq hey >/dev/null
fi

server_bin=${SERVER:-}
if [ -z "$server_bin" ]; then
    echo "==> Building the release server" >&2
    cargo build --release -p portal-server --quiet
    server_bin="$CARGO_TARGET_DIR/release/portal-server"
fi

tmp=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# Port 0: the server picks a free port and prints its URL.
log="$tmp/server.log"
PORTAL_ADDR=127.0.0.1:0 DATABASE_URL="sqlite://$tmp/portal.sqlite3" PORTAL_DIST="$tmp/no-dist" \
    "$server_bin" >"$log" 2>&1 &
server_pid=$!

base=""
for _ in $(seq 1 300); do
    base=$(sed -n 's|^IP portal running at \(http://[^/]*\)/$|\1|p' "$log")
    if [ -n "$base" ] && curl -fsS "$base/api/v1/health" >/dev/null 2>&1; then
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$base" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }
echo "==> Server at $base; $duration per query at $((workers * rate_per_worker)) requests/s" >&2

# label | query string
queries=(
    "hadm (initials)|q=hadm"
    "海安 (name)|q=%E6%B5%B7%E5%AE%89"
    "ru dong (pinyin)|q=ru%20dong"
    "启东 (scope)|q=%E5%90%AF%E4%B8%9C"
    "province=江苏省|province=%E6%B1%9F%E8%8B%8F%E7%9C%81"
    "no query|"
    "haiandani (typo)|q=haiandani"
)

# The p-th percentile (0-100) of the numbers on stdin, nearest rank.
percentile() {
    sort -n | awk -v p="$1" '{ v[NR] = $1 } END {
        if (NR == 0) { print "-"; exit }
        i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; print v[i] }'
}

# Warm-up, not measured.
hey -n 500 -c 10 "$base/api/v1/gi/products?q=hadm" >/dev/null

# The query comes last: printf pads bytes, not the width of Chinese characters.
printf '%7s %8s %8s %11s %11s %8s  %s\n' \
    "req/s" "p50 ms" "p99 ms" "server p50" "server p99" "non-2xx" "query"
for entry in "${queries[@]}"; do
    label=${entry%%|*}
    params=${entry#*|}
    url="$base/api/v1/gi/products?$params"
    curl -fsS "$url" >/dev/null || { echo "failed: $url" >&2; exit 1; }
    mark=$(wc -l <"$log")
    out=$(hey -z "$duration" -c "$workers" -q "$rate_per_worker" "$url")
    rps=$(awk '/Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(awk '/ 50% in / { printf "%.2f", $3 * 1000 }' <<<"$out")
    p99=$(awk '/ 99% in / { printf "%.2f", $3 * 1000 }' <<<"$out")
    # Answers with a status other than 2xx, plus requests that got no answer at all.
    bad=$(awk '/^Status code distribution:/ { s = 1; next } /^Error distribution:/ { s = 0; e = 1; next }
        s && /\[[0-9]+\]/ { code = substr($1, 2, 3); if (code !~ /^2/) n += $2 }
        e && /\[[0-9]+\]/ { n += substr($1, 2, length($1) - 2) }
        END { print n + 0 }' <<<"$out")
    latencies=$(tail -n +"$((mark + 1))" "$log" | grep '"route":"/api/v1/gi/products"' |
        sed -n 's/.*"latency_us":\([0-9]*\).*/\1/p')
    s50=$(percentile 50 <<<"$latencies" | awk '{ printf "%.2f", $1 / 1000 }')
    s99=$(percentile 99 <<<"$latencies" | awk '{ printf "%.2f", $1 / 1000 }')
    printf '%7s %8s %8s %11s %11s %8s  %s\n' "$rps" "$p50" "$p99" "$s50" "$s99" "$bad" "$label"
done
