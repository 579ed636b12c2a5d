#!/usr/bin/env bash
# Retakes docs/screenshot.png (the README's picture): a release build with the sample data
# loaded, in headless Chromium. Installs what it needs first (see setup.sh).
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

setup_build
setup_tests
say "trunk build --release"
trunk build --release
say "screenshot"
(cd "$E2E_DIR" && npx --no-install playwright test --project=docs)
ls -l "$REPO_ROOT/docs/screenshot.png"
