#!/usr/bin/env bash
# Builds Vigil and runs the whole test suite: once as users get it, once under
# AddressSanitizer + UndefinedBehaviorSanitizer. Installs what it needs from
# Debian's packages first (idempotent). Usage: build-aux/test.sh [meson test args]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh

# A bus on which only what the tests need can start (no desktop portal), and a
# headless X server for the widget tests. -noreset: by default Xvfb resets when its last
# client leaves, and a test that connects during the reset gets "cannot open display" (seen
# on a fresh machine: bench-window's start-up children exit, then its own window fails).
run_headless() {
  local services
  services=$(mktemp -d)
  sed "s|@SERVICEDIR@|$services|" build-aux/dbus-session.conf > "$services/session.conf"
  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session --config-file="$services/session.conf" -- "$@"
  local rc=$?
  rm -rf "$services"
  return $rc
}

summary() {
  # meson's JSON log: one object per test.
  python3 - "$1" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    res = r.get("result")
    if res in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif res == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

status=0

build_and_test() {
  local dir=$1; shift
  local setup_args=("$@")
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" -Dwerror=true "${setup_args[@]}"
  else
    meson configure "$dir" -Dwerror=true "${setup_args[@]}" >/dev/null
  fi
  meson compile -C "$dir"
  set +e
  if [ -n "${VIGIL_ASAN_PRELOAD:-}" ] && [ "$dir" = _build-asan ]; then
    LD_PRELOAD="$VIGIL_ASAN_PRELOAD" run_headless meson test -C "$dir" --print-errorlogs --num-processes 2 ${TEST_ARGS:-}
  else
    run_headless meson test -C "$dir" --print-errorlogs --num-processes 2 ${TEST_ARGS:-}
  fi
  local rc=$?
  set -e
  echo "== $dir: $(summary "$dir/meson-logs/testlog.json")"
  return $rc
}

TEST_ARGS="$*"

build_and_test _build || status=1

if [ "${VIGIL_SKIP_SANITIZERS:-0}" != 1 ]; then
  # gnutls loads its thread-local storage dynamically; LeakSanitizer's tracer crashes at exit
  # after any TLS handshake unless it is loaded from the start.
  gnutls=$(ls /usr/lib/*-linux-gnu/libgnutls.so.30 2>/dev/null | head -n 1)
  export ASAN_OPTIONS="fast_unwind_on_malloc=0:detect_leaks=1:abort_on_error=1:verify_asan_link_order=0:intercept_tls_get_addr=0"
  if [ -n "$gnutls" ]; then export VIGIL_ASAN_PRELOAD="$gnutls"; fi
  export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
  # llvm-symbolizer with libc6-dbg names the frames of ld.so and of static functions, which
  # both the reports and the suppressions (_dl_init) need; ASan's own symbolizer cannot.
  if [ -x /usr/bin/llvm-symbolizer-14 ]; then export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14; fi
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  # Optimized (-O2 -g): at -O0 the sanitized suite is too slow for two cores. The heaviest
  # tests scale their bursts down when VIGIL_TEST_SANITIZED is set.
  export VIGIL_TEST_SANITIZED=1
  TEST_ARGS="--timeout-multiplier 3 $TEST_ARGS" build_and_test _build-asan -Db_sanitize=address,undefined -Db_lundef=false || status=1
fi

# The libFuzzer smoke run (docs/TESTING.md): 30 s a target, two at a time; a crash, leak, hang
# or UB fails CI and names the input.
if [ "${VIGIL_SKIP_FUZZ:-0}" != 1 ]; then
  FUZZ_JOBS=2 ./build-aux/fuzz.sh 30 || status=1
fi

# The closing lines CI reads: every failed test with the end of its output (CI keeps only the
# tail of a long log), then the count of all runs together.
python3 - _build/meson-logs/testlog.json $( [ -f _build-asan/meson-logs/testlog.json ] && [ "${VIGIL_SKIP_SANITIZERS:-0}" != 1 ] && echo _build-asan/meson-logs/testlog.json ) <<'PY'
import json, sys
passed = failed = skipped = 0
failures = []
for path in sys.argv[1:]:
    build = path.split("/")[0]
    for line in open(path):
        r = json.loads(line)
        res = r.get("result")
        if res in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif res == "SKIP":
            skipped += 1
        else:
            failed += 1
            failures.append((build, r))
for build, r in failures:
    print(f"== FAILED in {build}: {r.get('name')} ({r.get('result')}, {r.get('duration', 0):.1f} s)")
    out = ((r.get("stdout") or "") + (r.get("stderr") or "")).splitlines()
    # A leak report ends with its indirect leaks; what was lost is named by its first direct
    # leak, so that block (the first frames of it) comes before the tail.
    direct = [i for i, l in enumerate(out) if l.startswith("Direct leak of")]
    if direct:
        for l in out[direct[0]:direct[0] + 30]:
            print(f"   {l[:300]}")
        print("   …")
    for l in out[-40:]:
        print(f"   {l[:300]}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
