#!/usr/bin/env bash
# Makes the pictures in docs/screenshots/ (the README and the AppStream metainfo show them):
# the real console against the demo gateway, headless, each view rendered to a PNG.
# Usage: build-aux/screenshots.sh [NAME…]   (NAME: connect, overview, panel, alarms, event-log, …)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build tests/vigil-screenshots

# The test environment: settings in memory (nothing of yours is read or changed), no sound,
# no desktop portal, GTK's test accessibility backend.
export GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 NO_AT_BRIDGE=1 GTK_A11Y=test
export GST_PLUGIN_FEATURE_RANK=openalsink:none,pulsesink:none
export GSETTINGS_SCHEMA_DIR="$top/_build/data"
export LC_ALL=C.UTF-8 TZ=Europe/Berlin

# GTK's test mode prints its debug log on stdout; what was written goes to stderr.
./build-aux/headless.sh _build/tests/vigil-screenshots "$top/docs/screenshots" "$@" > /dev/null
