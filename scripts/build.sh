#!/usr/bin/env bash
# Builds the release single-page app into dist/ (with .br/.gz copies the server sends to
# browsers that accept them) and the release server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

echo "==> Building the web app (release)"
cargo fetch --locked --quiet
trunk --skip-version-check build --release --offline
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/*.svg; do
  [[ -f $f ]] || continue
  brotli --force --best --keep "$f"
  gzip --force --best --keep "$f"
done

echo "==> Building the server (release)"
cargo build --release --locked --quiet -p portal-server
