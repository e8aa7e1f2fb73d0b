# Sourced by the other scripts: where tools and build output live.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Build output is kept outside the checkout so a fresh clone on the same machine (CI) reuses it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ip-portal/target}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Trunk must never try to download a tool or ask for updates.
export TRUNK_SKIP_VERSION_CHECK=true
# schemathesis (the API contract run, scripts/api-contract.sh): pinned, in its own venv in the cache.
export SCHEMATHESIS_VERSION=4.32.5
export SCHEMATHESIS_VENV="${SCHEMATHESIS_VENV:-$HOME/.cache/ip-portal/schemathesis-$SCHEMATHESIS_VERSION}"
# pypinyin (the GI data check, scripts/check-gi-data.py): pinned, in its own venv in the cache.
export PYPINYIN_VERSION=0.55.0
export GI_CHECK_VENV="${GI_CHECK_VENV:-$HOME/.cache/ip-portal/datacheck-pypinyin-$PYPINYIN_VERSION}"
