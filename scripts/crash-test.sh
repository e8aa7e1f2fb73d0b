#!/usr/bin/env bash
# Nothing lost when the process dies (issue #13): 200 booking and 50 rights-assistance submits
# with idempotency keys, the release server killed with SIGKILL in the middle of the burst and
# started again on the same database, every unanswered submit sent again; then every submit must
# exist exactly once and no seat be sold twice. Prints the counts (scripts/crash_test.py).
# Run by scripts/test.sh after the release build; alone: scripts/build.sh && scripts/crash-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

SERVER="${CRASH_SERVER:-$CARGO_TARGET_DIR/release/portal-server}"
[[ -x $SERVER ]] || { echo "$SERVER is missing: run scripts/build.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "==> Crash test (kill -9 in the middle of 250 submits)"
python3 scripts/crash_test.py "$SERVER" "$work"
