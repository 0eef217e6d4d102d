#!/usr/bin/env bash
# Runs every test against the real components: SQLite, PostgreSQL and Azurite on loopback.
# Installs and starts what is missing (scripts/services.sh), stops it afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/services.sh start
trap 'bash scripts/services.sh stop' EXIT
set -a; . .tools/services.env; set +a

log="$(mktemp)"
status=0
dotnet test Integration.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line for CI: the sum over every test assembly.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
