#!/usr/bin/env bash
# Installs (when missing) and starts the real components the tests use, on loopback only:
#   PostgreSQL from Debian's packages, in a throw-away data directory;
#   Azurite (Azure Blob storage emulator) from npm, in memory.
# Usage: scripts/services.sh start | stop | status
# `start` writes .tools/services.env with the connection settings the tests read.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/.tools"
envfile="$tools/services.env"
pg_port="${INTEGRATION_PG_PORT:-55432}"
az_port="${INTEGRATION_AZURITE_PORT:-10100}"
pg_data="${INTEGRATION_PG_DATA:-/tmp/integration-pg-$pg_port}"
azurite_version="3.35.0"
mkdir -p "$tools"

log() { echo "[services] $*" >&2; }

sudo_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && echo "$d"
}

install_postgres() {
  if [ -z "$(pg_bin)" ]; then
    log "installing PostgreSQL from Debian packages"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

start_postgres() {
  install_postgres
  local bin; bin="$(pg_bin)"
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    log "PostgreSQL already running on 127.0.0.1:$pg_port"
    return
  fi
  rm -rf "$pg_data"
  mkdir -p "$pg_data"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$pg_data"
  sudo_pg "$bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  sudo_pg "$bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $pg_port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  log "PostgreSQL started on 127.0.0.1:$pg_port (data $pg_data)"
}

stop_postgres() {
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] && [ -d "$pg_data" ] && sudo_pg "$bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_data"
}

start_azurite() {
  local bin="$tools/azurite/node_modules/.bin/azurite-blob"
  if [ ! -x "$bin" ]; then
    if ! command -v npm >/dev/null; then
      log "installing Node.js and npm from Debian packages"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
    log "installing Azurite $azurite_version from npm"
    mkdir -p "$tools/azurite"
    (cd "$tools/azurite" && npm install --silent --no-audit --no-fund "azurite@$azurite_version" >/dev/null)
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$az_port") 2>/dev/null; then
    log "Azurite already listening on 127.0.0.1:$az_port"
    return
  fi
  nohup "$bin" --blobHost 127.0.0.1 --blobPort "$az_port" --inMemoryPersistence --skipApiVersionCheck --silent \
    >"$tools/azurite.log" 2>&1 &
  echo $! >"$tools/azurite.pid"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$az_port") 2>/dev/null; then
      log "Azurite started on 127.0.0.1:$az_port"
      return
    fi
    sleep 0.2
  done
  log "Azurite did not open its port; see $tools/azurite.log"
  exit 1
}

stop_azurite() {
  if [ -f "$tools/azurite.pid" ]; then
    kill "$(cat "$tools/azurite.pid")" 2>/dev/null || true
    rm -f "$tools/azurite.pid"
  fi
}

write_env() {
  cat >"$envfile" <<ENV
INTEGRATION_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=50'
INTEGRATION_TEST_AZURITE='http://127.0.0.1:$az_port/devstoreaccount1'
ENV
}

case "${1:-start}" in
  start) start_postgres; start_azurite; write_env ;;
  stop) stop_azurite; stop_postgres; rm -f "$envfile" ;;
  status) cat "$envfile" 2>/dev/null || echo "not started" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
