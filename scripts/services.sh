#!/usr/bin/env bash
# Installs (when missing) and starts the real components the tests use, on loopback only:
#   PostgreSQL from Debian's packages, in a throw-away data directory;
#   Azurite (Azure Blob storage emulator) from npm, in memory, telemetry off: once over HTTP (keys, SAS),
#   once over HTTPS with OAuth (bearer tokens, as a managed identity sends), its certificate made by openssl.
# Usage: scripts/services.sh start | stop | restart | status
# `start` is idempotent (a service already answering on its port is reused, not restarted) and writes
# .tools/services.env with the connection settings the tests read. `stop` stops only what `start` started
# (markers in .tools/), so a shared server another checkout started is left alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/.tools"
envfile="${INTEGRATION_SERVICES_ENV:-$tools/services.env}"
pg_port="${INTEGRATION_PG_PORT:-55432}"
az_port="${INTEGRATION_AZURITE_PORT:-10100}"
az_oauth_port="${INTEGRATION_AZURITE_OAUTH_PORT:-10102}"
# Fixed, outside the checkout: a checkout that reuses an OAuth Azurite another one started finds its certificate.
az_oauth_tls="/tmp/integration-azurite-tls-$az_oauth_port"
pg_data="${INTEGRATION_PG_DATA:-/tmp/integration-pg-$pg_port}"
azurite_version="3.35.0"
mkdir -p "$tools"

log() { echo "[services] $*" >&2; }
die() { log "$*"; exit 1; }

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else die "need root (or sudo) to run: $*"; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq >/dev/null || log "apt-get update failed; trying the install anyway"
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Runs a PostgreSQL server binary as the postgres user when we are root (initdb refuses root).
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds name
  local i
  for i in $(seq 1 $(( $2 * 5 ))); do
    port_open "$1" && return 0
    sleep 0.2
  done
  return 1
}

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && echo "$d"
}

start_postgres() {
  if [ -z "$(pg_bin)" ]; then
    log "installing PostgreSQL from Debian packages"
    apt_install postgresql
  fi
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] || die "PostgreSQL binaries not found after install"
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    log "PostgreSQL already running on 127.0.0.1:$pg_port"
    return
  fi
  # A crashed earlier run may have left a data directory with a stale pid file: start afresh.
  rm -rf "$pg_data"
  mkdir -p "$pg_data"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$pg_data"
  as_postgres "$bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $pg_port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$pg_data/server.log" >&2 || true; die "PostgreSQL did not start"; }
  for _ in $(seq 1 150); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
    sleep 0.2
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || die "PostgreSQL is not answering on 127.0.0.1:$pg_port"
  echo "$pg_data" >"$tools/postgres-$pg_port.started"
  log "PostgreSQL started on 127.0.0.1:$pg_port (data $pg_data)"
}

stop_postgres() {
  [ -f "$tools/postgres-$pg_port.started" ] || { log "PostgreSQL was not started by this checkout; left running"; return; }
  local bin data; bin="$(pg_bin)"; data="$(cat "$tools/postgres-$pg_port.started")"
  if [ -n "$bin" ] && [ -d "$data" ]; then
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    rm -rf "$data"
  fi
  rm -f "$tools/postgres-$pg_port.started"
  log "PostgreSQL stopped"
}

install_azurite() {
  local bin="$tools/azurite/node_modules/.bin/azurite-blob"
  if [ ! -x "$bin" ]; then
    if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
      log "installing Node.js and npm from Debian packages"
      apt_install nodejs npm
    fi
    log "installing Azurite $azurite_version from npm"
    mkdir -p "$tools/azurite"
    (cd "$tools/azurite" && npm install --silent --no-audit --no-fund --no-save "azurite@$azurite_version" >/dev/null) \
      || die "npm install azurite@$azurite_version failed"
  fi
  echo "$bin"
}

# run_azurite port name [extra args]: starts one emulator unless something already answers on the port.
run_azurite() {
  local port="$1" name="$2"; shift 2
  if port_open "$port"; then
    log "$name already listening on 127.0.0.1:$port"
    return
  fi
  local bin; bin="$(install_azurite)"
  # setsid: the emulator outlives the shell that started it, and stop can end its whole group.
  setsid nohup "$bin" --blobHost 127.0.0.1 --blobPort "$port" --inMemoryPersistence --skipApiVersionCheck \
    --disableTelemetry --silent "$@" >"$tools/azurite-$port.log" 2>&1 </dev/null &
  echo $! >"$tools/azurite-$port.pid"
  wait_port "$port" 30 || { cat "$tools/azurite-$port.log" >&2 || true; die "$name did not open 127.0.0.1:$port; see $tools/azurite-$port.log"; }
  log "$name started on 127.0.0.1:$port"
}

start_azurite() { run_azurite "$az_port" Azurite; }

start_azurite_oauth() {
  if ! port_open "$az_oauth_port" && [ ! -s "$az_oauth_tls/cert.pem" ]; then
    command -v openssl >/dev/null || apt_install openssl
    mkdir -p "$az_oauth_tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
      -keyout "$az_oauth_tls/key.pem" -out "$az_oauth_tls/cert.pem" >/dev/null 2>&1 || die "openssl could not make a certificate"
  fi
  run_azurite "$az_oauth_port" "Azurite (HTTPS, OAuth)" --oauth basic --cert "$az_oauth_tls/cert.pem" --key "$az_oauth_tls/key.pem"
  [ -s "$az_oauth_tls/cert.pem" ] || die "Azurite (OAuth) answers on $az_oauth_port but its certificate $az_oauth_tls/cert.pem is missing"
}

stop_azurite() { # port name
  local port="$1" name="$2"
  [ -f "$tools/azurite-$port.pid" ] || { log "$name was not started by this checkout; left running"; return; }
  local pid; pid="$(cat "$tools/azurite-$port.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$tools/azurite-$port.pid"
  log "$name stopped"
}

write_env() {
  cat >"$envfile" <<ENV
INTEGRATION_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=50'
INTEGRATION_TEST_AZURITE='http://127.0.0.1:$az_port/devstoreaccount1'
INTEGRATION_TEST_AZURITE_OAUTH='https://127.0.0.1:$az_oauth_port/devstoreaccount1'
INTEGRATION_TEST_AZURITE_CERT='$az_oauth_tls/cert.pem'
ENV
}

case "${1:-start}" in
  start) start_postgres; start_azurite; start_azurite_oauth; write_env ;;
  stop) stop_azurite "$az_oauth_port" "Azurite (OAuth)"; stop_azurite "$az_port" Azurite; stop_postgres; rm -f "$envfile" ;;
  restart) "$0" stop; "$0" start ;;
  status)
    if port_open "$pg_port"; then log "PostgreSQL: up on $pg_port"; else log "PostgreSQL: down"; fi
    if port_open "$az_port"; then log "Azurite: up on $az_port"; else log "Azurite: down"; fi
    if port_open "$az_oauth_port"; then log "Azurite (OAuth): up on $az_oauth_port"; else log "Azurite (OAuth): down"; fi
    cat "$envfile" 2>/dev/null || echo "not started" ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
