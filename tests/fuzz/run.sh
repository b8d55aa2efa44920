#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DCD_FUZZ=ON, in build-fuzz/) and runs each for N seconds
# on a corpus seeded from our fixtures (build-fuzz/corpus/<target>, kept between runs, so runs
# add up). Inputs up to 128 KB are tried; one that takes over 10 s is a finding, like a crash.
# Findings are written to build-fuzz/findings/; the status is non-zero when there is one.
# Prints the executions of each target.
#
# usage: tests/fuzz/run.sh [SECONDS per target, default 60] [target...]
#   FUZZ_NICE=1 runs the fuzzers under nice; FUZZ_JOBS=N builds with N jobs.
set -euo pipefail

cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(fuzz_analyzer fuzz_incremental fuzz_protocol fuzz_config fuzz_server fuzz_record)
build=build-fuzz

CC=clang cmake -S . -B "$build" -DCD_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target "${targets[@]}" >/dev/null
python3 tests/fuzz/seeds.py . "$build/seeds"
mkdir -p "$build/findings"

nice_cmd=()
[ "${FUZZ_NICE:-0}" = 1 ] && nice_cmd=(nice -n 10)
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  log="$build/findings/$t.log"
  rc=0
  # -close_fd_mask=2: the server's own log lines would drown the output; libFuzzer and the
  # sanitizers still report on their own copy of stderr.
  "${nice_cmd[@]}" "$build/tests/fuzz/$t" -max_total_time="$seconds" -max_len=131072 -timeout=10 \
    -rss_limit_mb=2048 -dict=tests/fuzz/copydesk.dict -print_final_stats=1 -close_fd_mask=2 \
    -artifact_prefix="$build/findings/$t-" "$build/corpus/$t" "$build/seeds/$t" >"$log" 2>&1 || rc=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  printf '%-14s %8s executions in %ss, corpus %s inputs\n' "$t" "${execs:-?}" "$seconds" \
    "$(find "$build/corpus/$t" -type f | wc -l)"
  if [ "$rc" -ne 0 ]; then
    failed=1
    echo "FINDING in $t (exit $rc):"
    grep -E "ERROR|SUMMARY|Test unit written|timeout" "$log" | head -8
  fi
done
exit "$failed"
