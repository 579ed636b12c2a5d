#!/usr/bin/env bash
# Installs what building Encours needs and is missing; with --tests, what testing it needs too.
#
#   ./scripts/setup.sh            Rust wasm target, Trunk, wasm-bindgen CLI, binaryen (npm)
#   ./scripts/setup.sh --tests    the same, plus Chromium and its driver (Debian packages)
#
# Each step is a no-op when its tool is already there at the right version. Sourced by
# serve.sh and test.sh, which call `setup_build` and `setup_tests`; run directly, it installs.
# It never installs Debian's binaryen: its wasm-opt 108 builds a wasm file Chromium refuses.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
E2E_DIR="$REPO_ROOT/tests/e2e"

# Trunk's update check ignores `offline = true` in Trunk.toml; NO_COLOR=1 makes Trunk 0.21 fail.
export TRUNK_SKIP_VERSION_CHECK=true
if [ "${NO_COLOR:-}" = "1" ]; then export NO_COLOR=true; fi
export PATH="$HOME/.cargo/bin:$E2E_DIR/node_modules/binaryen/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Runs a command as root: directly when we are root (CI), through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the named Debian packages, after one `apt-get update` per run.
APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update
    APT_UPDATED=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# The wasm-bindgen version the app is locked to: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' \
    "$REPO_ROOT/Cargo.lock"
}

setup_build() {
  # A C tool chain for the native parts of Trunk's dependencies, and Node.js for binaryen.
  local missing=()
  dpkg -s build-essential >/dev/null 2>&1 || missing+=(build-essential)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
  fi

  # The wasm target (a no-op when present), and rustfmt/clippy if this toolchain lacks them.
  rustup target add wasm32-unknown-unknown
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    rustup component add rustfmt clippy
  fi

  # Trunk, pinned: 0.22 needs a newer rustc than this machine has.
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # The wasm-bindgen CLI at the crate's version. Its own lock file names a crate version
  # the registry does not serve, so it is installed without --locked.
  local wb
  wb="$(wasm_bindgen_version)"
  if [ -z "$wb" ]; then
    echo "setup.sh: no wasm-bindgen in Cargo.lock" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb (about 3 minutes)"
    CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
      cargo install wasm-bindgen-cli --version "$wb"
  fi

  # binaryen 132 (wasm-opt for release builds) and Playwright, from tests/e2e's lock file.
  # `npm ci` runs again only when the lock file changed since the last install.
  if [ ! -f "$E2E_DIR/node_modules/.package-lock.json" ] ||
    [ "$E2E_DIR/package-lock.json" -nt "$E2E_DIR/node_modules/.package-lock.json" ]; then
    say "npm ci in tests/e2e"
    (cd "$E2E_DIR" && npm ci --no-audit --no-fund)
  fi
  if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ]; then
    echo "setup.sh: wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
    return 1
  fi

  # Every crate, for every target, before Trunk runs cargo offline.
  (cd "$REPO_ROOT" && cargo fetch --locked)
}

setup_tests() {
  # Debian's Chromium and its driver; Playwright drives /usr/bin/chromium, never its own.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_build
  if [ "${1:-}" = "--tests" ]; then setup_tests; fi
  say "set-up done"
fi
