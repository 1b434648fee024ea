#!/usr/bin/env bash
# Builds the solution and runs every test suite against real PostgreSQL, Redis, RabbitMQ and Chromium.
set -euo pipefail
cd "$(dirname "$0")"
eng/install-prereqs.sh --tests
exec eng/run-tests.sh "$@"
