#!/usr/bin/env bash
# Issue 14's benchmark: end to end at national scale and at twice that, the daily run, licence checks while jobs
# run (SQLite and PostgreSQL), every time also as a ratio to `sqlite3 .import` of the same files.
# Usage: bash bench/scale.sh [FIRMS[:PART+PART] ...] [--work DIR] [--only full,daily,checks,postgres] [--rate N] [--job-priority Normal|BelowNormal]
# Writes bench/results/scale.md. Needs the PostgreSQL of scripts/services.sh for the PostgreSQL part.
set -euo pipefail
# A national run takes minutes and both cores: asking for help must not start one.
for a in "$@"; do
  if [[ $a == -h || $a == --help ]]; then sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The baseline and the step timer come from Debian: the sqlite3 shell and GNU time.
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}"
fi

if [ -z "${INTEGRATION_TEST_POSTGRES:-}" ] && [ -f .tools/services.env ]; then
  set -a; . .tools/services.env; set +a
fi

dotnet build src/Host -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Integration.Bench -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/Integration.Bench/bin/Release/net10.0/Integration.Bench.dll scale "$@"
