#!/usr/bin/env bash
# The browser tests drive Debian's chromium through Playwright; Playwright never downloads one.
# Installs the `chromium` package when it is missing (as root, or through sudo).
#   usage: scripts/install_browser.sh            (CHROMIUM=/path/to/chromium to use another)
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "browser: $chromium"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser: $chromium is missing and apt-get is not available; install chromium and set CHROMIUM" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "browser: installing chromium needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
fi
echo "browser: installing Debian's chromium ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
test -x "$chromium"
echo "browser: $chromium"
