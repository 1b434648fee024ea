#!/usr/bin/env bash
# A new user's first run, checked end to end (see smoke.py): ./run.sh, all healthy, an order Paid, the dashboard in
# chromium, then a stop and a count of leftover processes. Usage: eng/smoke/smoke.sh [--stop ctrl-c|sigterm|sigkill]
set -euo pipefail
cd "$(dirname "$0")/../.."
eng/install-prereqs.sh --tests
version=1.65.1
export PLAYWRIGHT_CORE_DIR="$HOME/.cache/aspiremicro/playwright-core-$version/node_modules/playwright-core"
if [[ ! -d "$PLAYWRIGHT_CORE_DIR" ]]; then
  mkdir -p "$HOME/.cache/aspiremicro/playwright-core-$version"
  # playwright-core never downloads a browser; the check drives Debian's chromium.
  npm install --prefix "$HOME/.cache/aspiremicro/playwright-core-$version" --no-audit --no-fund --silent "playwright-core@$version"
fi
exec python3 eng/smoke/smoke.py "$@"
