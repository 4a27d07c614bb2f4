#!/usr/bin/env bash
# Install the Debian packages `make run` or `make test` needs, only those missing.
# Usage: tools/system-deps.sh run|test|prod
set -euo pipefail

need=()
has_command() { command -v "$1" >/dev/null 2>&1; }
has_package() { dpkg -s "$1" >/dev/null 2>&1; }

has_command npm || need+=(npm)
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
# Reading the CNIC card photo offline (the check process): Tesseract 5 and its English data.
has_command tesseract || need+=(tesseract-ocr)
has_package tesseract-ocr-eng || need+=(tesseract-ocr-eng)
if [ "${1:-run}" = test ] || [ "${1:-run}" = prod ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  has_command redis-server || need+=(redis-server)
  # The production topology (make prod, and its tests): web server and supervisor.
  [ -x /usr/sbin/nginx ] || need+=(nginx)
  # nginx sends the Brotli copies of the site and clerk-js (smaller than gzip).
  has_package libnginx-mod-http-brotli-static || need+=(libnginx-mod-http-brotli-static)
  has_command supervisord || need+=(supervisor)
fi
if [ "${1:-run}" = test ]; then
  has_command chromium || need+=(chromium)
  has_package fonts-noto-core || need+=(fonts-noto-core)
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "pk_rentals: missing Debian packages: ${need[*]}; run this as root or install them." >&2
    exit 1
  fi
  echo "Installing Debian packages: ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi
