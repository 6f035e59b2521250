#!/usr/bin/env bash
# Runs Vigil's libFuzzer targets (tests/fuzz/fuzz-*.c), each for SECONDS (default 600), with the
# seed corpus of tests/fuzz/corpus/<name>/ and the protocol dictionary tests/fuzz/isapi.dict.
#
#   build-aux/fuzz.sh [SECONDS] [TARGET …]     e.g. build-aux/fuzz.sh 30   (the CI smoke run)
#
# FUZZ_JOBS=N runs N targets at once (default 1). New inputs a run finds go to
# tests/fuzz/corpus-run/<name>/ (not in git); a crash, leak, hang (> 10 s) or UB report leaves
# _build-fuzz/artifacts/<name>/crash-… and the script fails. Turn such an input into a regression
# test of the unit's test-<unit>.c, then fix the code.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(multipart json event messages error posix-tz cid)
fi
jobs=${FUZZ_JOBS:-1}
build=_build-fuzz

./build-aux/install-deps.sh

# The whole tree is instrumented for coverage (fuzzer-no-link) and built with ASan+UBSan; the
# targets themselves link libFuzzer's main (tests/fuzz/meson.build).
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 meson setup "$build" -Dwerror=true -Dfuzzing=true -Dgui=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Doptimization=1 \
    -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
meson compile -C "$build" "${targets[@]/#/tests/fuzz/fuzz-}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

run_one() {
  local name=$1
  local run=tests/fuzz/corpus-run/$name
  local artifacts=$build/artifacts/$name
  local log=$build/artifacts/$name.log
  mkdir -p "$run" "$artifacts"
  rm -f "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a parser must not balloon.
  set +e
  nice -n 19 "$build/tests/fuzz/fuzz-$name" "$run" "tests/fuzz/corpus/$name" \
    -dict=tests/fuzz/isapi.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  local rc=$?
  set -e
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  local found
  found=$(ls "$artifacts" | head -n 1)
  if [ $rc -ne 0 ] || [ -n "$found" ]; then
    echo "fuzz-$name: FAILED after ${execs:-?} runs: $artifacts/$found (log: $log)"
    grep -m 5 -E 'ERROR|runtime error|Assertion|assertion' "$log" || true
    return 1
  fi
  echo "fuzz-$name: ok, ${execs:-?} runs in ${seconds} s, corpus $(ls "$run" | wc -l) inputs"
}

status=0
pids=()
names=()
for name in "${targets[@]}"; do
  run_one "$name" &
  pids+=($!)
  names+=("$name")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
    wait -n || status=1
  done
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do
  wait -n || status=1
done
if [ $status -eq 0 ]; then
  echo "fuzz: all ${#targets[@]} targets clean (${seconds} s each)"
else
  echo "fuzz: FAILED: a target found a crash, leak, hang or UB"
fi
exit $status
