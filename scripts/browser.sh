#!/usr/bin/env bash
# Installs (when missing) what the web app's browser tests and Khmer pages need, from Debian's packages:
#   chromium (driven by Playwright at /usr/bin/chromium; Playwright never downloads a browser of its own),
#   fonts-khmeros and fonts-noto-core (Khmer OS and Noto Sans Khmer), fontconfig.
# Idempotent: installs only what is not installed yet. Usage: scripts/browser.sh
set -euo pipefail

log() { echo "[browser] $*" >&2; }

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else log "need root (or sudo) to run: $*"; exit 1; fi
}

missing=()
for pkg in chromium fonts-khmeros fonts-noto-core fontconfig; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} from Debian packages"
  as_root apt-get update -qq >/dev/null || log "apt-get update failed; trying the install anyway"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium is missing after the install"; exit 1; }
# grep without -q reads all of fc-list: with -q it exits at the first match and, under pipefail,
# fc-list's SIGPIPE (exit 141) fails the check on machines with many fonts.
fc-list : family | grep -i "khmer" >/dev/null || { log "no Khmer font is known to fontconfig after the install"; exit 1; }
log "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') and Khmer fonts ready"
