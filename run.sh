#!/usr/bin/env bash
# Runs the whole application: backing services, every microservice and the dashboard.
set -euo pipefail
cd "$(dirname "$0")"
eng/install-prereqs.sh
exec dotnet run --project AppHost -- "$@"
