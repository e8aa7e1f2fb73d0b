# Sourced by the other scripts: where tools and build output live.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Build output is kept outside the checkout so a fresh clone on the same machine (CI) reuses it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ip-portal/target}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Trunk must never try to download a tool or ask for updates.
export TRUNK_SKIP_VERSION_CHECK=true
