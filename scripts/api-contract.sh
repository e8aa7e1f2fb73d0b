#!/usr/bin/env bash
# The API contract, proved by a generated test suite (issue #13): schemathesis runs every
# operation of GET /api/v1/openapi.json against the release server on a fresh database, with a
# staff session, in the examples, coverage, fuzzing and stateful phases and with every check.
# It passes only with 0 failures and at least CONTRACT_MIN_REQUESTS generated requests, and
# prints the counts. Run by scripts/test.sh after the release build; alone:
#   scripts/setup.sh --tests && scripts/build.sh && scripts/api-contract.sh
# CONTRACT_MAX_EXAMPLES (default 40: about 5,700 requests, 45 s on 2 cores) sets schemathesis'
# examples per operation and phase; CONTRACT_KEEP=DIR keeps the server log and the reports.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

SCHEMATHESIS="$SCHEMATHESIS_VENV/bin/schemathesis"  # installed by scripts/setup.sh --tests
SERVER="${CONTRACT_SERVER:-$CARGO_TARGET_DIR/release/portal-server}"
MAX_EXAMPLES="${CONTRACT_MAX_EXAMPLES:-40}"
MIN_REQUESTS="${CONTRACT_MIN_REQUESTS:-5000}"
[[ -x $SCHEMATHESIS ]] || { echo "schemathesis is missing: run scripts/setup.sh --tests" >&2; exit 1; }
[[ -x $SERVER ]] || { echo "$SERVER is missing: run scripts/build.sh" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [[ -n ${CONTRACT_KEEP:-} ]] && cp -r "$work" "$CONTRACT_KEEP"; rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
admin_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
staff_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
printf '%s\n' "$admin_password" > "$work/admin-password"

echo "==> API contract (schemathesis) against the release server on $base"
# The clock is pinned as for the browser tests, so booking windows do not depend on the day.
# Limits: every request comes from 127.0.0.1, thousands of them, with the clock standing still.
# PORTAL_BOOKING_LIMIT_EXEMPT=127.0.0.1 lifts the per-address limit on new bookings (the limit
# is tested over HTTP in tests/api/scalping.rs). The lookup, login and upload limits stay on:
# their 429 answers are part of the contract, which the document declares and schemathesis
# checks like any other answer. PORTAL_TRUSTED_PROXIES=127.0.0.1 lets the run's own staff
# sign-ins name another client address (scripts/api-contract/hooks.py), so the hundreds of
# failed logins the run generates from 127.0.0.1 do not lock its session out.
PORTAL_ADDR="127.0.0.1:$port" \
DATABASE_URL="sqlite://$work/contract.sqlite3" \
PORTAL_DIST="$work/no-dist" \
PORTAL_NOW="2026-11-20T10:00:00+08:00" \
PORTAL_ADMIN_USERNAME=admin \
PORTAL_ADMIN_PASSWORD_FILE="$work/admin-password" \
PORTAL_BOOKING_LIMIT_EXEMPT=127.0.0.1 \
PORTAL_TRUSTED_PROXIES=127.0.0.1 \
RUST_LOG=error \
  "$SERVER" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs "$base/api/v1/health" > /dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

# The run's own staff account, with every role, made by the first administrator.
session_cookie=__Host-portal_staff_session
curl -fs -c "$work/admin.cookies" -H 'Content-Type: application/json' \
  -d "$(python3 -c 'import json,sys; print(json.dumps({"username":"admin","password":sys.argv[1]}))' "$admin_password")" \
  "$base/api/v1/staff/session" > "$work/admin-session.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/admin-session.json")
curl -fs -b "$work/admin.cookies" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
  -d "{\"username\":\"contract-run\",\"display_name\":\"Contract run\",\"roles\":[\"reception\",\"case_handler\",\"administrator\",\"pre_exam_officer\"],\"password\":\"first-$staff_password\"}" \
  "$base/api/v1/staff/accounts" > /dev/null
# A password an administrator set must be changed by the account's holder before anything else.
curl -fs -c "$work/run.cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"contract-run\",\"password\":\"first-$staff_password\"}" \
  "$base/api/v1/staff/session" > "$work/run-session.json"
run_csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/run-session.json")
curl -fs -b "$work/run.cookies" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $run_csrf" \
  -d "{\"current_password\":\"first-$staff_password\",\"new_password\":\"$staff_password\"}" \
  "$base/api/v1/staff/session/password" > /dev/null

# The run's own firm (registered in 海安, 南通), signed up from a documentation address so that
# the run's generated sign-ups from 127.0.0.1 have their whole allowance.
firm_uscc=93320623MA1N1Q4H4Y
firm_mobile=13900001111
firm_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
curl -fs -H 'Content-Type: application/json' -H 'X-Forwarded-For: 198.51.100.1' \
  -d "{\"uscc\":\"$firm_uscc\",\"firm_name\":\"Contract run\",\"contact_name\":\"Contract run\",\"mobile\":\"$firm_mobile\",\"password\":\"$firm_password\"}" \
  "$base/api/v1/firm/sign-up" > /dev/null

status=0
# One worker: with two threads, Hypothesis's lambda descriptions (ast.parse) now and then hit
# CPython 3.11's "AST constructor recursion depth mismatch" (python/cpython#106905), a runtime
# error of the tool, not of the API.
CONTRACT_BASE_URL="$base" \
CONTRACT_FIRM_USCC="$firm_uscc" \
CONTRACT_FIRM_MOBILE="$firm_mobile" \
CONTRACT_FIRM_PASSWORD="$firm_password" \
CONTRACT_FIRM_COOKIE=__Host-portal_firm_session \
CONTRACT_STAFF_USERNAME=contract-run \
CONTRACT_STAFF_PASSWORD="$staff_password" \
CONTRACT_SESSION_COOKIE="$session_cookie" \
PYTHONPATH="$PWD/scripts/api-contract" \
SCHEMATHESIS_HOOKS=hooks \
  bash -c 'cd "$0" && exec "$@"' "$work" "$SCHEMATHESIS" \
    --config-file "$PWD/scripts/api-contract/schemathesis.toml" \
    run "$base/api/v1/openapi.json" \
    --url "$base" \
    --phases examples,coverage,fuzzing,stateful \
    --checks all \
    --max-examples "$MAX_EXAMPLES" \
    --seed "${CONTRACT_SEED:-13}" --generation-database none \
    --workers 1 \
    --suppress-health-check all \
    --continue-on-failure \
    --report json,ndjson --report-json-path "$work/report.json" --report-ndjson-path "$work/events.ndjson" \
    --no-color \
  || status=$?
# (Run in the scratch directory: schemathesis keeps a cache in its working directory.)

python3 scripts/api-contract/summary.py "$work/report.json" "$MIN_REQUESTS" || status=1
exit "$status"
