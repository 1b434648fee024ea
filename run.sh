#!/usr/bin/env bash
# Runs the whole application on .NET Aspire: backing stores, every microservice and the Aspire dashboard.
# Installs what is missing first (PostgreSQL, Redis, RabbitMQ from Debian; the Aspire CLI as a local dotnet tool).
set -euo pipefail
cd "$(dirname "$0")"
eng/install-prereqs.sh
dotnet tool restore >/dev/null
exec dotnet run --project AppHost -- "$@"
