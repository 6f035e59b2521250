#!/usr/bin/env bash
# Runs Vigil's tests under valgrind memcheck (see docs/TESTING.md).
#
#   build-aux/valgrind.sh [TEST …]      default: the core suite (meson test --suite core)
#
# Builds _build-valgrind (or $VIGIL_VALGRIND_BUILD; -O1 -g, no sanitizers), installs valgrind if it is missing (the same
# idempotent way as install-deps.sh), and fails when memcheck reports an error or a definite
# leak. Suppressions: GLib's own glib.supp plus build-aux/valgrind.supp (library caches kept
# for the process's life, and a loader false positive) — nothing of ours.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh
if ! command -v valgrind >/dev/null; then
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi

build=${VIGIL_VALGRIND_BUILD:-_build-valgrind}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dwerror=true -Doptimization=1 -Ddebug=true >/dev/null
fi
meson compile -C "$build" >/dev/null

if [ $# -eq 0 ]; then
  set -- --suite core
fi

# Slow under memcheck: the heavier tests scale their bursts down, as under ASan.
export VIGIL_TEST_SANITIZED=1
export G_SLICE=always-malloc
# No libproxy: its plugins are unloaded before exit and memcheck cannot name their frames.
export GIO_USE_PROXY_RESOLVER=dummy
wrapper="valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=yes \
--num-callers=30 --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
--suppressions=$top/build-aux/valgrind.supp --quiet"
meson test -C "$build" --wrapper "$wrapper" --timeout-multiplier 20 --print-errorlogs "$@"
