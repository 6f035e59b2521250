#!/usr/bin/env bash
# Runs a command the way the tests run: on a headless X server and on a private session
# bus on which only AT-SPI and dconf can start (no desktop portal).
# Usage: build-aux/headless.sh COMMAND [ARG…]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
services=$(mktemp -d)
trap 'rm -rf "$services"' EXIT
sed "s|@SERVICEDIR@|$services|" "$top/build-aux/dbus-session.conf" > "$services/session.conf"
xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  dbus-run-session --config-file="$services/session.conf" -- "$@"
