#!/usr/bin/env bash
# Booking under contention, on the release server (not part of the test suite):
#   1. 500 concurrent booking attempts at one 5-seat slot;
#   2. 250 reschedules racing 250 new bookings for another 5-seat slot.
# Prints confirmed / 409 / 5xx counts and p50/p99 latency for each, and fails if a slot was
# overbooked, a seat was lost or any answer was a 5xx.
#
# The server runs on a free loopback port with a fresh temporary database and a fixed clock
# (PORTAL_NOW), so the booking window is the same on any day. The load generator is Python's
# standard library only (scripts/bench-booking.py): one thread and one connection per request,
# all released at once by a barrier.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

NOW="${PORTAL_NOW:-2026-09-21T09:00:00+08:00}"

echo "building the release server…" >&2
cargo build --release --quiet -p portal-server --bin portal-server

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# Port 0: the kernel picks a free port and the server prints its URL on stdout.
PORTAL_ADDR=127.0.0.1:0 \
    DATABASE_URL="sqlite://$tmp/bench.sqlite3" \
    PORTAL_DIST="$tmp/no-dist" \
    PORTAL_NOW="$NOW" \
    PORTAL_BOOKING_LIMIT_EXEMPT=127.0.0.1 \
    RUST_LOG=warn \
    "$CARGO_TARGET_DIR/release/portal-server" >"$tmp/stdout" 2>"$tmp/stderr" &
server_pid=$!

url=""
for _ in $(seq 1 300); do
    url="$(sed -n 's/^IP portal running at \(http:[^ ]*\)\/$/\1/p' "$tmp/stdout")"
    [[ -n "$url" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "the server did not start:" >&2
        cat "$tmp/stderr" >&2
        exit 1
    fi
    sleep 0.1
done
[[ -n "$url" ]] || { echo "the server did not print its URL" >&2; exit 1; }

echo "server: $url (PORTAL_NOW=$NOW, fresh database; $(nproc) CPU cores)"
python3 scripts/bench-booking.py "$url"
