#!/usr/bin/env bash
# Runs the whole application on .NET Aspire: backing stores, every microservice and the Aspire dashboard.
# Installs what is missing first (PostgreSQL, Redis, RabbitMQ from Debian; the Aspire CLI as a local dotnet tool).
set -euo pipefail
cd "$(dirname "$0")"
eng/install-prereqs.sh
dotnet tool restore >/dev/null
# Build, then run the AppHost in this very process (exec) with its launch profile's settings, rather than under
# `dotnet run`: the PID of ./run.sh is then the AppHost's, so Ctrl+C, SIGTERM and even SIGKILL of it reach the
# AppHost, and DCP, which watches that PID, stops every resource. (A SIGKILL of `dotnet run` would leave its child,
# the AppHost, running with everything it started.)
dotnet build AppHost -nologo -v q -clp:ErrorsOnly
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT="${ASPIRE_ALLOW_UNSECURED_TRANSPORT:-true}"
exec dotnet AppHost/bin/Debug/net10.0/AspireMicro.AppHost.dll "$@"
