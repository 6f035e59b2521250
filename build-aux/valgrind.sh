#!/usr/bin/env bash
# Runs Vigil's tests under valgrind memcheck (see docs/TESTING.md).
#
#   build-aux/valgrind.sh                  the core suite (meson test --suite core)
#   build-aux/valgrind.sh --all            the whole suite
#   build-aux/valgrind.sh TEST|--suite S …  chosen tests and suites
#
# Builds _build-valgrind (or $VIGIL_VALGRIND_BUILD; -O1 -g, no sanitizers), installs valgrind if
# it is missing (the same idempotent way as install-deps.sh), and fails when memcheck reports an
# error or a definite leak. The test programs built here run under memcheck, and so do the
# programs of ours they start (vigilctl); the Python, shell and validator tests run as they are.
# Everything runs on a headless display and a private bus (build-aux/headless.sh).
# Suppressions: GLib's own glib.supp plus build-aux/valgrind.supp (library caches kept for the
# process's life, libsoup 3.2 leaks fixed upstream, a loader false positive) — nothing of ours.
#
# Environment: VIGIL_VALGRIND_JOBS (tests at once, default 1), VIGIL_VALGRIND_TIMEOUT_MULTIPLIER
# (default 20), VIGIL_VALGRIND_ARGS (more valgrind options, e.g. --gen-suppressions=all).
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

# Which selected tests run under memcheck (a program built here) and which run plain.
lists=$(meson introspect --tests "$build" | python3 -c '
import json, os, sys
build = os.path.realpath(sys.argv[1])
args = sys.argv[2:]
tests = json.load(sys.stdin)
chosen = []
if args == ["--all"]:
    chosen = [t for t in tests]
else:
    i = 0
    while i < len(args):
        if args[i] == "--suite" and i + 1 < len(args):
            s = args[i + 1]
            chosen += [t for t in tests if s in t["suite"] or "vigil:" + s in t["suite"]]
            i += 2
            continue
        found = [t for t in tests if t["name"] == args[i]]
        if not found:
            sys.exit("valgrind.sh: no test named " + args[i])
        chosen += found
        i += 1
seen = set()
wrapped, plain = [], []
for t in chosen:
    if t["name"] in seen:
        continue
    seen.add(t["name"])
    prog = os.path.realpath(t["cmd"][0])
    (wrapped if prog.startswith(build + os.sep) else plain).append(t["name"])
print(" ".join(wrapped))
print(" ".join(plain))
' "$build" "$@")
wrapped=$(sed -n 1p <<<"$lists")
plain=$(sed -n 2p <<<"$lists")

# Slow under memcheck: the heavier tests scale their bursts down and wait longer, as under ASan;
# the widget tests wait longer still for "memcheck" (tests/vigil-test-gui.h).
export VIGIL_TEST_SANITIZED=memcheck
export G_SLICE=always-malloc
# No libproxy: its plugins are unloaded before exit and memcheck cannot name their frames.
export GIO_USE_PROXY_RESOLVER=dummy
# GTK draws with cairo and opens no GL at all: Mesa's llvmpipe would start its threads and
# compile with LLVM's JIT under memcheck, for nothing.
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable

# Children: vigilctl, started by its tests, runs under memcheck too (an error of its own makes
# it exit 99, which its test reports). Not traced: the system's programs (the GStreamer plugin
# scanner, dbus, bash), and vigil-test-ingest-child, which test-crash-safety SIGKILLs within
# 0.4 s, before memcheck could check anything; its writer runs under memcheck in ingest,
# faults and event-store. (valgrind 3.19 warns once per spawn that it lacks pidfd_open; GLib
# then waits for the child the older way.)
wrapper="valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=yes \
--keep-debuginfo=yes --num-callers=30 \
--trace-children=yes --trace-children-skip=/usr/*,/bin/*,/sbin/*,*/vigil-test-ingest-child \
--suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
--suppressions=$top/build-aux/valgrind.supp --quiet ${VIGIL_VALGRIND_ARGS:-}"
common=(-C "$build" --print-errorlogs --num-processes "${VIGIL_VALGRIND_JOBS:-1}")

status=0
if [ -n "$wrapped" ]; then
  # shellcheck disable=SC2086  # test names have no spaces
  ./build-aux/headless.sh meson test "${common[@]}" --logbase memcheck --wrapper "$wrapper" \
    --timeout-multiplier "${VIGIL_VALGRIND_TIMEOUT_MULTIPLIER:-20}" $wrapped || status=1
fi
if [ -n "$plain" ]; then
  # shellcheck disable=SC2086
  ./build-aux/headless.sh meson test "${common[@]}" --logbase memcheck-plain $plain || status=1
fi

# Per test: result and time under memcheck (meson's JSON logs).
python3 - "$build/meson-logs" $wrapped $plain <<'PY'
import json, os, sys
logs, names = sys.argv[1], set(sys.argv[2:])
# meson names the log after the wrapper too: memcheck-valgrind.json.
for base, how in (("memcheck-valgrind", "memcheck"), ("memcheck-plain", "plain")):
    path = os.path.join(logs, base + ".json")
    if not os.path.exists(path):
        continue
    for line in open(path):
        try:
            r = json.loads(line)
        except ValueError:  # a log another run is writing
            continue
        name = r["name"].split(" / ")[-1]  # "vigil:core / json"
        if name in names:
            print(f"{name:<22} {how:<9} {r['result']:<8} {r['duration']:8.1f} s")
PY
exit $status
