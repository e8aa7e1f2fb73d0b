#!/usr/bin/env bash
# Builds the release single-page app into dist/ (with .br/.gz copies the server sends to
# browsers that accept them) and the release server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

echo "==> Building the web apps (release)"
cargo fetch --locked --quiet
# Every app's WASM in one cargo run first, the same build Trunk asks for below (so each of its
# cargo runs then finds its binary made): cargo links two binaries at a time on two cores, where
# Trunk's runs one after the other would link one at a time (each link is a whole-program LTO).
cargo build --locked --offline --quiet --target=wasm32-unknown-unknown --profile wasm-release --bins -p ip-portal
# The portal app first: Trunk replaces the whole of dist/ with it.
trunk --skip-version-check build --release --offline
# Then one app per service that has its own (see crates/domain/src/apps.rs), each from a copy of
# index.html that names its binary, into dist/apps/<name>/. An app with styles of its own (the
# staff workbench, the policy library's two apps) loads main.css and them joined into one
# stylesheet (one request, as every other app's main.css), so no other page downloads them.
own_styles() {
  case $1 in
    workbench) echo style/workbench.css ;;
    policies | policy-document) echo style/policies.css ;;
  esac
}
for app in gi policies policy-document booking booking-details booking-manage booking-change booking-find booking-check-in assistance assistance-tracking assistance-lookup assistance-actions workbench fast-track firm-registration registration-questions pre-exam pre-exam-questions pre-exam-tracking pre-exam-quota privacy; do
  sed "s/data-bin=\"ip-portal\"/data-bin=\"ip-portal-$app\"/" index.html > "app-$app.html"
  own=$(own_styles "$app")
  if [[ -n $own ]]; then
    cat style/main.css "$own" > "style/main-$app.css"
    sed -i "s|href=\"style/main.css\"|href=\"style/main-$app.css\"|" "app-$app.html"
  fi
  trunk --skip-version-check build --release --offline=true "app-$app.html" \
    --dist "dist/apps/$app" --public-url "/apps/$app/"
  rm -f "app-$app.html" "style/main-$app.css"
done
# The entry pages' first view, drawn natively by the same components (crates/prerender; which
# pages: PRERENDERED in crates/domain/src/apps.rs), into dist/prerendered/ (the server sends them
# for those paths). A debug build: it shares what the
# tests compile, and drawing a few pages needs no speed.
cargo run --locked --offline --quiet -p portal-prerender -- dist
# One service worker for every app, at the root (its scope is every page): not the copies of
# public/ in each app's folder. Its cache is named after this build (the apps' pages name every
# fingerprinted file), so a deployment is a new worker that deletes the old caches.
rm -f dist/apps/*/sw.js dist/apps/*/sw-register.js
version=$(cat dist/index.html dist/apps/*/index.html dist/prerendered/*.html dist/prerendered/*/*.html dist/sw.js dist/sw-register.js | sha256sum | cut -c1-16)
sed -i "s/^const VERSION = 'dev';$/const VERSION = '$version';/" dist/sw.js
grep -q "^const VERSION = '$version';$" dist/sw.js
find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) |
  while read -r f; do
    brotli --force --best --keep "$f"
    gzip --force --best --keep "$f"
  done

echo "==> Building the server (release)"
cargo build --release --locked --quiet -p portal-server
