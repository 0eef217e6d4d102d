#!/usr/bin/env bash
# Runs every test against the real components: SQLite, PostgreSQL and Azurite on loopback.
# Installs and starts what is missing (scripts/services.sh, scripts/browser.sh), stops what it started afterwards.
# Ends with one line 'tests: N passed, N failed, N skipped' and a non-zero exit on any failure
# (including a build failure or a run that executed no test).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! bash scripts/services.sh start; then
  echo "tests: 0 passed, 1 failed, 0 skipped (services did not start)"
  exit 1
fi
trap 'bash scripts/services.sh stop' EXIT
# The web app's browser tests drive Debian's chromium and need the Khmer fonts.
if ! bash scripts/browser.sh; then
  echo "tests: 0 passed, 1 failed, 0 skipped (chromium or the Khmer fonts could not be installed)"
  exit 1
fi
set -a; . "${INTEGRATION_SERVICES_ENV:-.tools/services.env}"; set +a

log="$(mktemp)"
dotnet test Integration.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line for CI: the sum over every test assembly's summary line.
sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before reporting
fi
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  status=1
  failed=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] || exit "$status"
