#!/usr/bin/env bash
# Builds Encours for release and serves it at http://127.0.0.1:8080/ (or the port given as
# the first argument, or $PORT). Installs what the build needs first (see setup.sh).
# For live reload while developing, run `trunk serve` after this script has run once.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

setup_build
say "trunk build --release"
trunk build --release
exec node "$E2E_DIR/server.js" "$REPO_ROOT/dist" "${1:-${PORT:-8080}}"
