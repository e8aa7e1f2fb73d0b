#!/usr/bin/env bash
# Builds the release app and prints, for each file the home route loads, its size raw, gzip -9
# and brotli -q 11, and the totals. Budget for the first load of every citizen and firm app:
# 200 KB brotli each (the staff workbench is printed for comparison); exits 1 if one is over.
# (The home route also fetches /api/v1/venues: JSON, a few KB, not counted here.)
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
{ scripts/setup.sh && scripts/build.sh; } >"$log" 2>&1 || { cat "$log"; exit 1; }
rm -f "$log"
python3 - <<'PY'
import gzip, re, subprocess, sys
from pathlib import Path

def brotli_size(path):
    out = subprocess.run(["brotli", "-q", "11", "-c", str(path)], check=True, capture_output=True)
    return len(out.stdout)

def first_load(index):
    """Everything an app's index.html makes the browser fetch at once: itself, stylesheets,
    scripts, (module)preloads and the icon."""
    html = index.read_text()
    # (Attribute values may be unquoted: Trunk minifies index.html in release builds.)
    refs = re.findall(r'<(?:link|script)[^>]*?\s(?:href|src)="?/([^"\s>]+)', html)
    refs += re.findall(r"module_or_path: '/([^']+)'", html)
    # A prerendered page's loader (crates/prerender/src/loader.rs) fetches the app's script and
    # WASM once the first view has been painted: still part of the first load.
    refs += re.findall(r"(?:import|fetch)\('/([^']+)'\)", html)
    # Not part of drawing the page: the no-JavaScript style, the web app manifest and the
    # home-screen icon (fetched only to install the portal), and the service worker's
    # registration (fetched once the page has loaded).
    skip = ("noscript.css", "manifest.webmanifest", "icons/icon-192.png", "sw-register.js")
    return [index] + [Path("dist") / r for r in dict.fromkeys(refs) if not r.endswith(skip)]

kb = lambda n: f"{n / 1000:8.1f} KB"
budget = 200_000
over = False
summary = []
# The page the server sends for the route: where it is prerendered (PRERENDERED in
# crates/domain/src/apps.rs), that page, which is larger than its app's index.html by the first view's markup.
for route, index in [
    ("/ (home)", "dist/prerendered/index.html"),
    ("/gi", "dist/prerendered/gi.html"),
    ("/policies, /policies/search", "dist/prerendered/policies.html"),
    ("/policies/{slug} (a document)", "dist/apps/policy-document/index.html"),
    ("/booking", "dist/prerendered/booking.html"),
    ("/booking/details, /booking/check", "dist/apps/booking-details/index.html"),
    ("/booking/manage/… (a booking)", "dist/apps/booking-manage/index.html"),
    ("/booking/manage/…/change, cancel, erase; /booking/find/change", "dist/apps/booking-change/index.html"),
    ("/booking/find, /booking/find/cancel", "dist/apps/booking-find/index.html"),
    ("/booking/check-in (kiosk)", "dist/apps/booking-check-in/index.html"),
    ("/assistance, /assistance/apply/…", "dist/prerendered/assistance.html"),
    ("/assistance/requests/… (tracking)", "dist/apps/assistance-tracking/index.html"),
    ("/assistance/track (by reference), /assistance/requests/…/rating", "dist/prerendered/assistance/track.html"),
    ("/assistance/requests/…/{reply,withdraw}", "dist/apps/assistance-actions/index.html"),
    ("/staff (workbench)", "dist/apps/workbench/index.html"),
    ("/fast-track", "dist/prerendered/fast-track.html"),
    ("/fast-track/registration", "dist/apps/firm-registration/index.html"),
    ("/fast-track/registration/{section} (questions)", "dist/apps/registration-questions/index.html"),
    ("/fast-track/pre-exams", "dist/apps/pre-exam/index.html"),
    ("/fast-track/pre-exams/{id}/{section} (questions)", "dist/apps/pre-exam-questions/index.html"),
    ("/fast-track/pre-exams/{id}/status (tracking)", "dist/apps/pre-exam-tracking/index.html"),
    ("/fast-track/pre-exams/quota (extra quota)", "dist/apps/pre-exam-quota/index.html"),
    ("/privacy, /accessibility", "dist/prerendered/privacy.html"),
]:
    rows, totals = [], [0, 0, 0]
    for path in first_load(Path(index)):
        data = path.read_bytes()
        sizes = [len(data), len(gzip.compress(data, 9)), brotli_size(path)]
        totals = [t + s for t, s in zip(totals, sizes)]
        rows.append((str(path.relative_to("dist")), *sizes))
    print(f"\nroute {route}")
    print(f"{'file':48} {'raw':>11} {'gzip':>11} {'brotli':>11}")
    for name, raw, gz, br in rows:
        print(f"{name:48} {kb(raw)} {kb(gz)} {kb(br)}")
    print(f"{'total (first load)':48} {kb(totals[0])} {kb(totals[1])} {kb(totals[2])}")
    # Every citizen and firm app is budgeted (the developers' guide); the staff workbench,
    # used on the center's own desktops, is printed for comparison only.
    if not route.startswith("/staff"):
        verdict = "within" if totals[2] <= budget else "OVER"
        over = over or totals[2] > budget
        summary.append((route, totals[2], verdict))
        print(f"{route} brotli budget {budget / 1000:.0f} KB: {verdict} ({totals[2] / budget:.0%})")
print(f"\nfirst load, brotli, against the {budget / 1000:.0f} KB budget:")
for route, size, verdict in summary:
    print(f"  {route:48} {kb(size)}  {verdict} ({size / budget:.0%})")
sys.exit(1 if over else 0)
PY
