#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and starts the portal on an embedded
# SQLite database (data/portal.sqlite3, created and seeded with real data on first start).
# Honours PORTAL_ADDR (default 127.0.0.1:8080) and DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
source scripts/env.sh
echo "==> Starting the portal (Ctrl-C stops it)"
exec "$CARGO_TARGET_DIR/release/portal-server"
