#!/usr/bin/env bash
# Install the Debian packages the tests need (PostgreSQL server, Chromium, and the Pango
# libraries and a font WeasyPrint's PDF export loads) when they are missing. Needs root for
# apt; without root it only says what is missing.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ldconfig -p 2>/dev/null | grep 'libpango-1\.0\.so\.0' >/dev/null || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep 'libpangoft2-1\.0\.so\.0' >/dev/null || missing+=(libpangoft2-1.0-0)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The script builder lints Bash drafts with it (and says so when it is missing).
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
