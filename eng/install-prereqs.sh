#!/usr/bin/env bash
# Installs the Debian packages AspireMicro runs its backing services from, only when missing.
# Usage: eng/install-prereqs.sh [--tests]   (--tests adds chromium for the browser tests and docker-compose, which the
# publishing tests run as `docker-compose config`; --no-install-recommends keeps docker.io out)
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
if [[ "${1:-}" == "--tests" ]]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
fi

if ((${#need[@]} == 0)); then
  exit 0
fi

echo "Installing missing prerequisites: ${need[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root or sudo to install: ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The packages' own system services are not used: every AppHost starts private instances.
echo "Installed: ${need[*]}"
