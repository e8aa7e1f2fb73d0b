#!/usr/bin/env bash
# Page speed of every citizen route (issue #17): Lighthouse 12.2.3 (npm, pinned in
# scripts/bench/lighthouse/, installed here on first use; not a test dependency) with Debian's
# Chromium, mobile preset (simulated slow 4G, 4x CPU slowdown), against the release server on a
# fresh database. Prints, per route, the median of BENCH_RUNS runs (default 3) by performance
# score: score, FCP, LCP, TBT, CLS and the bytes the page transferred. A benchmark, not a test:
# it prints figures and exits 0 (the targets are in the issue; compare before and after).
#   BENCH_ROUTES="/ /gi" scripts/bench-lighthouse.sh   # some routes only
#   BENCH_THROTTLING=devtools scripts/bench-lighthouse.sh  # the network and CPU really slowed
#     (Lighthouse's "applied" throttling) instead of simulated from an unthrottled load
source "$(dirname "$0")/bench/release-server.sh"
lh_dir=scripts/bench/lighthouse
if [[ ! -x $lh_dir/node_modules/.bin/lighthouse ]]; then
  (cd "$lh_dir" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1 || { cat "$log"; exit 1; }
fi

# Home, GI list and a product, policy library and a document, booking start, assistance start,
# the tracking lookup, and "track a request".
routes=${BENCH_ROUTES:-"/ /gi /gi/GI00829 /policies /policies/nantong-2024-ip-strong-city-plan /booking /assistance /assistance/track /track"}
runs=${BENCH_RUNS:-3}
throttling=${BENCH_THROTTLING:-simulate}
out=$bench_tmp/reports
mkdir -p "$out"
for route in $routes; do
  for run in $(seq "$runs"); do
    name=$(echo "$route" | tr '/' '_')
    # Once more if a run fails: Lighthouse sometimes loses the trace (NO_NAVSTART).
    for attempt in 1 2; do
      CHROME_PATH=/usr/bin/chromium "$lh_dir/node_modules/.bin/lighthouse" \
        "$base$route" --quiet --only-categories=performance --throttling-method="$throttling" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run" \
        --output=json --output-path="$out/$name.$run.json" >>"$log" 2>&1 && break
      [[ $attempt == 2 ]] && { echo "lighthouse failed on $route:"; tail -20 "$log"; exit 1; }
    done
  done
done

BENCH_REPORTS=$out BENCH_ROUTES="$routes" BENCH_THROTTLING=$throttling python3 - <<'PY'
import json, os, statistics
from pathlib import Path

out = Path(os.environ["BENCH_REPORTS"])
applied = os.environ["BENCH_THROTTLING"] != "simulate"
# With applied throttling the requests' times are the slowed ones: when the app's WASM had
# arrived ("WASM s") says how long the page waited for its app (simulated, they mean nothing).
wasm_head = f" {'WASM s':>6}" if applied else ""
print(f"{'route':<46} {'score':>5} {'FCP s':>6} {'LCP s':>6} {'TBT ms':>7} {'CLS':>6} {'KB':>7}{wasm_head}")
for route in os.environ["BENCH_ROUTES"].split():
    rows = []
    for report in sorted(out.glob(route.replace("/", "_") + ".*.json")):
        lh = json.loads(report.read_text())
        audit = lambda key: lh["audits"][key]["numericValue"]
        requests = lh["audits"]["network-requests"]["details"]["items"]
        wasm = [r["networkEndTime"] for r in requests if r["url"].endswith(".wasm")]
        rows.append((
            round(lh["categories"]["performance"]["score"] * 100),
            audit("first-contentful-paint") / 1000,
            audit("largest-contentful-paint") / 1000,
            audit("total-blocking-time"),
            audit("cumulative-layout-shift"),
            audit("total-byte-weight") / 1000,
            max(wasm) / 1000 if wasm else float("nan"),
        ))
    # The run with the median score stands for the route (its figures belong together).
    rows.sort()
    score, fcp, lcp, tbt, cls, kb, wasm = rows[len(rows) // 2]
    wasm_col = f" {wasm:>6.2f}" if applied else ""
    print(f"{route:<46} {score:>5} {fcp:>6.2f} {lcp:>6.2f} {tbt:>7.0f} {cls:>6.3f} {kb:>7.1f}{wasm_col}")
how = "simulated" if os.environ["BENCH_THROTTLING"] == "simulate" else "applied"
print(f"(median of {len(rows)} run(s) per route; mobile preset, slow 4G and 4x CPU, {how})")
PY
