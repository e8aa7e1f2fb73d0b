#!/usr/bin/env bash
# Installs what building (and, with --tests, testing) the portal needs, and skips whatever is
# already installed at the right version: the first run on a fresh machine takes about 15
# minutes (two `cargo install`s), later runs a few seconds. Everything comes from crates.io, npm
# or Debian; nothing downloads a prebuilt tool or browser.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

with_tests=false
[[ "${1:-}" == "--tests" ]] && with_tests=true

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Versions: trunk is pinned here; wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the Rust target wasm32-unknown-unknown (under a minute)"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  step "Installing trunk $TRUNK_VERSION from crates.io (about 9 minutes, once per machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 5 minutes, once per machine)"
  # Not --locked: its lockfile pins a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Debian packages: brotli precompresses the built app; Chromium runs the browser tests; nginx
# (light) runs deploy/nginx.conf in scripts/nginx-check.sh; PostgreSQL runs the API tests a second
# time (scripts/postgres.sh).
apt_packages=(brotli)
$with_tests && apt_packages+=(chromium python3-venv nginx-light postgresql)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  step "Installing Debian packages: ${missing[*]} (about a minute)"
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# npm packages: wasm-opt (binaryen), Playwright and axe-core. Reinstalled only when the
# lockfile changed. Playwright must not fetch its own browser: we use Debian's Chromium.
stamp=node_modules/.portal-lock-sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  step "Installing npm packages (seconds with a warm npm cache)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# pypinyin from PyPI, pinned, for the GI data check (scripts/check-gi-data.py): its own venv.
if $with_tests && ! "$GI_CHECK_VENV/bin/python" -c "import pypinyin, sys; sys.exit(pypinyin.__version__ != '$PYPINYIN_VERSION')" 2>/dev/null; then
  step "Installing pypinyin $PYPINYIN_VERSION from PyPI (seconds)"
  rm -rf "$GI_CHECK_VENV"
  python3 -m venv "$GI_CHECK_VENV"
  "$GI_CHECK_VENV/bin/pip" install --quiet --disable-pip-version-check "pypinyin==$PYPINYIN_VERSION"
fi

# schemathesis from PyPI, pinned, for the API contract run: its own venv in the cache (seconds
# with a warm pip cache, once per version).
if $with_tests && ! "$SCHEMATHESIS_VENV/bin/schemathesis" --version 2>/dev/null | grep -q "version $SCHEMATHESIS_VERSION\$"; then
  step "Installing schemathesis $SCHEMATHESIS_VERSION from PyPI (under a minute)"
  rm -rf "$SCHEMATHESIS_VENV"
  python3 -m venv "$SCHEMATHESIS_VENV"
  "$SCHEMATHESIS_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
