#!/usr/bin/env bash
# Benchmarks (figures, not tests). Usage: bench/run.sh startup|gateway|pipeline|dashboard|tests|all [options]
# Builds the AppHost (and with it every service and the dashboard) and the bench program in Release, then runs.
# Loopback only; every benchmark stops what it started. Results: bench/results/<name>-<utc time>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-help}"; shift || true
mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

need() { command -v "$1" >/dev/null || { echo "installing $2"; apt-get install -y "$2" >/dev/null; }; }

build() {
  need wrk wrk
  need chromium chromium
  if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
    dotnet build AppHost/AspireMicro.AppHost.csproj -c Release -nologo -v q
    dotnet build bench/AspireMicro.Bench/AspireMicro.Bench.csproj -c Release -nologo -v q
  fi
}

bench() {
  local name="$1"; shift
  echo "== $name (nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet bench/AspireMicro.Bench/bin/Release/net10.0/AspireMicro.Bench.dll "$name" "$@" | tee "bench/results/$name-$stamp.txt"
}

tests() {
  echo "== tests (nproc $(nproc), load before $(cut -d' ' -f1-3 /proc/loadavg))"
  local start end rc=0
  start=$(date +%s.%N)
  ./test.sh "$@" > "bench/results/tests-$stamp.log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  printf 'test.sh wall time: %.1f s, exit code %d, load after %s\n' "$(echo "$end - $start" | bc)" "$rc" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee "bench/results/tests-$stamp.txt"
}

case "$what" in
  startup|gateway|pipeline|dashboard) build; bench "$what" "$@" ;;
  tests) tests "$@" ;;
  all) build; for b in startup gateway pipeline dashboard; do bench "$b"; done; tests ;;
  *) echo "usage: bench/run.sh startup|gateway|pipeline|dashboard|tests|all [options]"; exit 2 ;;
esac
