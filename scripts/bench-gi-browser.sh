#!/usr/bin/env bash
# Keystroke-to-render of the GI lookup in headless Chromium against the release server on a
# fresh database (see scripts/bench/gi-keystroke.js). Prints p50/p95/max.
source "$(dirname "$0")/bench/release-server.sh"
BENCH_BASE_URL="$base" \
  BENCH_DEBOUNCE_MS=$(grep -oP 'DEBOUNCE: Duration = Duration::from_millis\(\K\d+' src/pages/gi/search.rs) \
  node scripts/bench/gi-keystroke.js
