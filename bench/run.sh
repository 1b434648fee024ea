#!/usr/bin/env bash
# Benchmarks (figures, not tests). Usage: bench/run.sh startup|tests [options]
#   bench/run.sh startup [--rounds N] [--old-platform DIR]   (or BENCH_OLD_PLATFORM=DIR)
#   bench/run.sh gateway [--rounds N] [--connections C] [--seconds S] [--telemetry on|off]
# Builds in Release (so other engineers' Debug builds never lock our binaries): the AppHost (and with it every
# service), the one-project baseline AppHost under bench/, the bench program, and with --old-platform the old
# home-made platform's AppHost in DIR (a worktree of 5f85209). BENCH_NO_BUILD=1 skips every build.
# Loopback only; every benchmark stops what it started. Results: bench/results/<name>-<utc time>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-help}"; shift || true
mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

# The old platform's checkout, from --old-platform DIR or BENCH_OLD_PLATFORM.
old_platform() {
  local previous=""
  for arg in "$@"; do
    if [[ "$previous" == --old-platform ]]; then echo "$arg"; return; fi
    previous="$arg"
  done
  echo "${BENCH_OLD_PLATFORM:-}"
}

build() {
  [[ "${BENCH_NO_BUILD:-0}" == 1 ]] && return
  # One build at a time: the machine has two cores and is shared.
  dotnet build AppHost/AspireMicro.AppHost.csproj -c Release -nologo -v q
  dotnet build bench/OneProjectAppHost/OneProjectAppHost.csproj -c Release -nologo -v q
  dotnet build bench/AspireMicro.Bench/AspireMicro.Bench.csproj -c Release -nologo -v q
  local old
  old="$(old_platform "$@")"
  if [[ -n "$old" ]]; then
    [[ -d "$old/AppHost" ]] || { echo "no AppHost in $old: git worktree add $old 5f85209" >&2; exit 2; }
    (cd "$old" && dotnet build AppHost/AspireMicro.AppHost.csproj -c Release -nologo -v q)
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
  startup) build "$@"; bench startup "$@" ;;
  gateway) command -v wrk >/dev/null || apt-get install -y wrk >/dev/null; build "$@"; bench gateway "$@" ;;
  pipeline) echo "$what: being ported to the Aspire platform (bench/README.md)" >&2; exit 2 ;;
  tests) tests "$@" ;;
  *) echo "usage: bench/run.sh startup [--rounds N] [--old-platform DIR] | gateway [--rounds N] [--connections C] [--seconds S] [--telemetry on|off] | tests"; exit 2 ;;
esac
