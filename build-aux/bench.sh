#!/usr/bin/env bash
# Builds Vigil optimized and prints every benchmark figure beside its limit, measured in the
# same run on this machine (docs/PERFORMANCE.md). Usage: build-aux/bench.sh [--smoke]
#   --smoke   small sizes: checks that every benchmark works, in a minute
# The build directory is _build-bench (VIGIL_BENCH_BUILD_DIR to change it).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

dir=${VIGIL_BENCH_BUILD_DIR:-_build-bench}
args=("$@")

if [ ! -f "$dir/build.ninja" ]; then
  meson setup "$dir" -Dbuildtype=release -Dwerror=true >/dev/null
else
  meson configure "$dir" -Dbuildtype=release -Dwerror=true >/dev/null
fi
meson compile -C "$dir" >/dev/null

command -v curl >/dev/null || echo "note: curl is not installed; the end-to-end limit is missing" >&2

# The environment of the tests (tests/meson.build), and for the window a headless X server and
# a bus on which nothing but what the console needs can start.
export GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 NO_AT_BRIDGE=1 GTK_A11Y=test LC_ALL=C.UTF-8
export GST_PLUGIN_FEATURE_RANK=openalsink:none,pulsesink:none
export GSETTINGS_SCHEMA_DIR="$top/$dir/data"
services=$(mktemp -d)
trap 'rm -rf "$services"' EXIT
sed "s|@SERVICEDIR@|$services|" build-aux/dbus-session.conf > "$services/session.conf"

echo "Vigil $(git describe --always --dirty 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "$(nproc) cores: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "| figure | measured | limit, same run | ratio | target | met |"
echo "| --- | --- | --- | --- | --- | --- |"

"$dir/tests/bench/vigil-bench-ingest" "${args[@]}" 2>/dev/null
"$dir/tests/bench/vigil-bench-latency" "${args[@]}" 2>/dev/null
"$dir/tests/bench/vigil-bench-scale" "${args[@]}" 2>/dev/null
if [ -x "$dir/tests/bench/vigil-bench-window" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session --config-file="$services/session.conf" -- \
    "$dir/tests/bench/vigil-bench-window" "${args[@]}" 2>/dev/null | grep '^|'
fi
