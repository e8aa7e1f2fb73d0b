#!/usr/bin/env bash
# deploy/nginx.conf, run for real (issue #16): Debian's nginx in front of two release replicas on
# one new SQLite file. Checks that the apps' fingerprinted files come from nginx with the
# replicas' security headers, pages and the API from the replicas, requests spread over both,
# the client's address passed on, and that the portal keeps answering when one replica stops.
# Needs scripts/build.sh first; run by scripts/test.sh. Prints one line per check.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
server="${NGINX_CHECK_SERVER:-$CARGO_TARGET_DIR/release/portal-server}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
tmp=$(mktemp -d)
pids=()
cleanup() {
  [[ -f $tmp/nginx/nginx.pid ]] && kill "$(cat "$tmp/nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "nginx check FAILED: $*"; [[ -f $tmp/nginx/error.log ]] && tail -5 "$tmp/nginx/error.log"; exit 1; }

# Two replicas on one database, trusting the proxy's X-Forwarded-For.
ports=() metrics=()
for i in 1 2; do
  port=$(free_port) metric=$(free_port)
  PORTAL_ADDR="127.0.0.1:$port" PORTAL_METRICS_ADDR="127.0.0.1:$metric" \
    DATABASE_URL="sqlite://$tmp/portal.sqlite3" PORTAL_DIST=dist PORTAL_TRUSTED_PROXIES=127.0.0.1 \
    RUST_LOG=warn "$server" >"$tmp/replica$i.log" 2>&1 &
  pids+=($!) ports+=("$port") metrics+=("$metric")
done
for port in "${ports[@]}"; do
  for _ in $(seq 150); do curl -fs "http://127.0.0.1:$port/api/v1/health/ready" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/api/v1/health/ready" >/dev/null || fail "replica on $port did not start"
done

# deploy/nginx.conf with this run's values.
listen=$(free_port)
mkdir -p "$tmp/nginx"
replicas=""
for port in "${ports[@]}"; do replicas+="server 127.0.0.1:$port max_fails=1 fail_timeout=10s; "; done
user_line=""
[[ $(id -u) == 0 ]] && user_line="user root;"  # workers read dist/ and write $tmp as we do
sed -e "s|@PREFIX@|$tmp/nginx|g" -e "s|@LISTEN@|127.0.0.1:$listen|" -e "s|@DIST@|$PWD/dist|" \
  -e "s|@REPLICAS@|$replicas|" -e "s|@USER@|$user_line|" deploy/nginx.conf >"$tmp/nginx/nginx.conf"
/usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" ||
  fail "nginx did not start"
base="http://127.0.0.1:$listen"
for _ in $(seq 50); do curl -fs "$base/api/v1/health" >/dev/null && break; sleep 0.1; done

# A page: from a replica, with its Content-Security-Policy naming the app's inline script.
page=$(curl -fsS -D "$tmp/page.h" "$base/gi") || fail "GET /gi"
grep -qi "^content-security-policy: default-src 'self'" "$tmp/page.h" || fail "/gi lacks the replicas' CSP"
echo "nginx: a page comes from a replica with its CSP"

# The app's WASM: from nginx (gzip copy, a year's cache) with the same security headers.
# (Trunk writes the name's hash in hex without leading zeros: 15 or 16 digits.)
wasm=$(grep -oE '/apps/gi/ip-portal-gi-[0-9a-f]+_bg\.wasm' <<<"$page" | head -1 || true)
[[ -n $wasm ]] || fail "no WASM named in /gi"
curl -fsS -o /dev/null -D "$tmp/wasm.h" -H 'Accept-Encoding: gzip' "$base$wasm" || fail "GET $wasm"
grep -qi '^content-encoding: gzip' "$tmp/wasm.h" || fail "$wasm not served from its .gz copy"
grep -qi '^cache-control: public, max-age=31536000, immutable' "$tmp/wasm.h" || fail "$wasm cache"
grep -qi '^content-type: application/wasm' "$tmp/wasm.h" || fail "$wasm type"
for name in x-content-type-options x-frame-options referrer-policy permissions-policy \
  cross-origin-opener-policy cross-origin-resource-policy content-security-policy; do
  grep -qi "^$name:" "$tmp/page.h" || fail "the replica's page lacks $name"
  grep -qi "^$name:" "$tmp/wasm.h" || fail "nginx's $wasm lacks $name"
done
echo "nginx: the apps' files come from disk with the replicas' security headers"

# Requests spread over both replicas (each counts what it answered).
for _ in $(seq 40); do curl -fs -o /dev/null "$base/api/v1/venues" || fail "GET /api/v1/venues"; done
for metric in "${metrics[@]}"; do
  count=$(curl -fs "http://127.0.0.1:$metric/metrics" |
    awk '/^portal_http_requests_total\{.*route="\/api\/v1\/venues".*status="200"/ {s += $2} END {print s + 0}')
  ((count > 0)) || fail "the replica with metrics on $metric answered no request"
  echo "nginx: the replica with metrics on $metric answered $count of 40"
done

# The client's address reaches the replicas (their limits count it, not the proxy's): failed
# lookups of new references from one address are refused after a while (30 an hour per address,
# counted in the database by both replicas together), while a lookup from another address then
# still gets its ordinary 404.
lookup() {
  curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $1" -H 'Content-Type: application/json' \
    -d "{\"reference\":\"$2\",\"mobile\":\"13800000000\"}" "$base/api/v1/bookings/lookup"
}
letters=23456789ABCDEFGHJKMNPQRSTUVWXYZ
allowed=0
for i in $(seq 0 30); do
  for j in 0 1 2; do
    code=$(lookup 203.0.113.7 "ABCD-EF${letters:j:1}${letters:i:1}")
    [[ $code == 429 ]] && break 2
    [[ $code == 404 ]] || fail "a failed lookup answered $code"
    allowed=$((allowed + 1))
  done
done
[[ $code == 429 ]] || fail "$allowed failed lookups from one address were never limited"
[[ $(lookup 198.51.100.9 ABCD-EFZZ) == 404 ]] || fail "another address was limited too"
echo "nginx: the limits count the client's address, not the proxy's ($allowed failed lookups from one address before the first refusal)"

# One replica stops: the portal still answers, from the other.
kill "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
for _ in $(seq 10); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/venues") == 200 ]] || fail "a request failed with one replica down"
done
echo "nginx: with one replica stopped every request is answered by the other"
