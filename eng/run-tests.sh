#!/usr/bin/env bash
# Builds once, runs the test projects (those that start apps one after the other: they share two cores) and prints
# one summary line. Usage: eng/run-tests.sh [--build-only | --no-build] [dotnet test options]
# (./test.sh builds with --build-only while the Debian packages install, then runs the tests with --no-build.)
set -uo pipefail
cd "$(dirname "$0")/.."

stage=all
case "${1:-}" in
  --build-only) stage=build; shift ;;
  --no-build) stage=test; shift ;;
esac
# The summary's time counts from ./test.sh's start when it set this (the build included), else from now.
started_at="${ASPIREMICRO_TESTS_STARTED_AT:-$(date +%s)}"
elapsed() { echo $(($(date +%s) - started_at)); }

results="${TEST_RESULTS_DIR:-$PWD/TestResults}"

if [[ "$stage" != test ]]; then
  build_started=$SECONDS
  # No ReadyToRun (eng/ReadyToRun.targets) for the tests: on a fresh clone it made the build 220 s instead of 93 s,
  # and the end-to-end suite took the same time either way (142 s with it, 143 s without, on this 2-core machine).
  dotnet build AspireMicro.sln -c Release -nologo -clp:ErrorsOnly -p:AspireMicroReadyToRun=false || { echo "build failed"; exit 1; }
  echo "build: $((SECONDS - build_started)) s"
  [[ "$stage" == build ]] && exit 0
fi

rm -rf "$results"
mkdir -p "$results"

run_suite() {
  local name
  name=$(basename "$1" .csproj)
  shift
  echo "=== $name"
  dotnet test "tests/$name/$name.csproj" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@"
}

status=0
# The publishing suite starts no app (it runs the AppHost in publish mode and external checkers: cfn-lint, kubectl,
# docker-compose, node), so it runs beside the others instead of after them; its output is printed when it ends.
publishing_log="$results/AspireMicro.Publishing.Tests.console.txt"
run_suite AspireMicro.Publishing.Tests "$@" >"$publishing_log" 2>&1 &
publishing=$!
for project in tests/*/*.csproj; do
  [[ "$project" == *AspireMicro.Publishing.Tests* ]] && continue
  run_suite "$project" "$@" || status=1
done
wait "$publishing" || status=1
cat "$publishing_log"

# What each test wrote (the scenarios' counts: orders, events, traces); the console logger shows it only on failure.
echo "=== test output"
python3 eng/print-test-output.py "$results" || true

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
if ((passed + failed == 0)); then
  echo "no tests ran"
  exit 1
fi
if ((failed > 0)); then
  # CI shows only the tail of the output: name every failed test and its first message line here.
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [[ -f "$trx" ]] || continue
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" \
      | sed -n 's/.*testName="\([^"]*\)".*/  \1/p'
    awk '/<Message>/{flag=1} flag{print; if (/<\/Message>/) {flag=0; n++; if (n>=5) exit}}' "$trx" \
      | sed 's/<[^>]*>//g; s/^ */    /' | head -n 40
  done
fi
echo "$passed passed, $failed failed, $skipped skipped in $(elapsed) s (build included)"
exit $status
