#!/usr/bin/env bash
# Installs what the tests need (see setup.sh), then runs every check of the project:
# formatting, clippy, the native tests of every crate, the release build, and the Playwright
# specs in headless Chromium against that build. Prints each step's duration; exits non-zero
# when any step fails. The checks after a failed one still run, except those that need the
# build (a failed install or build stops the run).
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

# CI builds from a fresh clone, where incremental compilation only costs time.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

STEP_NAMES=()
STEP_TIMES=()
STEP_RESULTS=()
FAILED=0

# Runs one named step in a subshell with errexit on, records its duration and result in
# LAST_STATUS. It always returns 0: a function called as `step ... || x` would run its body
# with errexit ignored, so callers test LAST_STATUS instead.
step() {
  local name="$1" start status
  shift
  say "$name"
  start=$SECONDS
  set +e
  (set -e; "$@")
  status=$?
  set -e
  LAST_STATUS=$status
  STEP_NAMES+=("$name")
  STEP_TIMES+=("$((SECONDS - start))")
  if [ "$status" -eq 0 ]; then
    STEP_RESULTS+=(ok)
  else
    STEP_RESULTS+=("FAILED ($status)")
    FAILED=1
  fi
  printf '<== %s: %s s, %s\n' "$name" "$((SECONDS - start))" "${STEP_RESULTS[-1]}"
}

# Prints every step's duration and result, then a closing line, and exits.
finish() {
  local i
  printf '\n%-38s %8s  %s\n' "step" "seconds" "result"
  for i in "${!STEP_NAMES[@]}"; do
    printf '%-38s %8s  %s\n' "${STEP_NAMES[$i]}" "${STEP_TIMES[$i]}" "${STEP_RESULTS[$i]}"
  done
  printf '%-38s %8s\n' "total" "$SECONDS"
  e2e_summary
  exit "$FAILED"
}

# The Playwright counts, from its JSON report, as one plain closing line.
e2e_summary() {
  local report="$E2E_DIR/playwright-report/results.json"
  if [ ! -f "$report" ]; then
    echo "e2e: not run"
    return 0
  fi
  # shellcheck disable=SC2016 # a JavaScript template string, not shell
  node -e '
    const s = require(process.argv[1]).stats;
    console.log(`e2e: ${s.expected} passed, ${s.unexpected + s.flaky} failed, ${s.skipped} skipped`);
  ' "$report" || true
}

# The release build, then the size of what a browser downloads for the app. E2E_DIST builds
# and tests somewhere else than dist/ (useful while a `trunk serve` writes to dist/).
export E2E_DIST="${E2E_DIST:-$REPO_ROOT/dist}"
# shellcheck disable=SC2317 # called through `step`
release_build() {
  local wasm
  trunk build --release --dist "$E2E_DIST"
  for wasm in "$E2E_DIST"/*.wasm; do
    printf 'size of %s: %s bytes raw, %s bytes gzip -9\n' "$wasm" "$(wc -c <"$wasm")" \
      "$(gzip -9 -c "$wasm" | wc -c)"
  done
}

# The Playwright specs, served by tests/e2e/server.js from dist/ (see playwright.config.js).
# shellcheck disable=SC2317 # called through `step`
e2e() {
  (cd "$E2E_DIR" && npx --no-install playwright test --project=e2e)
}

LAST_STATUS=0
rm -f "$E2E_DIR/playwright-report/results.json"
step "install: build tools" setup_build
[ "$LAST_STATUS" -eq 0 ] || finish
step "install: browser" setup_tests
[ "$LAST_STATUS" -eq 0 ] || finish
step "cargo fmt --check" cargo fmt --all --check
step "cargo clippy -D warnings" cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo test (native)" cargo test --workspace --locked
step "trunk build --release" release_build
[ "$LAST_STATUS" -eq 0 ] || finish
step "playwright (headless chromium)" e2e
finish
