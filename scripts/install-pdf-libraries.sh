#!/usr/bin/env bash
# Installs Debian's Pango (and a font) for WeasyPrint, which lays out the quarterly report's PDF, when missing.
set -euo pipefail
PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
if ldconfig -p | grep -q "libpangoft2-1.0.so.0" && fc-list 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "WeasyPrint needs Pango: run 'sudo apt-get install ${PACKAGES}' (Debian's packages)." >&2
  exit 1
fi
echo "Installing Debian's Pango for the quarterly report's PDF..."
apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${PACKAGES} >/dev/null
