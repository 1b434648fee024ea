#!/usr/bin/env bash
# Builds the solution and runs every test suite against real PostgreSQL, Redis, RabbitMQ and Chromium.
# The Debian packages install beside the build (apt and the .NET build need nothing of each other), then the tests run.
set -euo pipefail
cd "$(dirname "$0")"
export ASPIREMICRO_TESTS_STARTED_AT="${ASPIREMICRO_TESTS_STARTED_AT:-$(date +%s)}"
prereqs_log="$(mktemp)"
trap 'rm -f "$prereqs_log"' EXIT
eng/install-prereqs.sh --tests >"$prereqs_log" 2>&1 &
prereqs=$!
built=0
eng/run-tests.sh --build-only || built=$?
prereqs_status=0
wait "$prereqs" || prereqs_status=$?
cat "$prereqs_log"
((prereqs_status == 0)) || { echo "error: installing the test prerequisites failed (eng/install-prereqs.sh --tests, above)" >&2; exit "$prereqs_status"; }
((built == 0)) || exit "$built"
eng/run-tests.sh --no-build "$@"
