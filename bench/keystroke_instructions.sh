#!/bin/sh
# Instructions per keystroke of the incremental analysis, counted by callgrind (exact and repeatable
# where timings on a shared machine are not): bench_keystrokes under callgrind, one dump per
# cd_analysis_update; prints the mean, p50, p90, p99 and max over the keystrokes.
#
# usage: bench/keystroke_instructions.sh BUILD_DIR article.txt [keystrokes, default 200]
set -e
build=$1
article=$2
n=${3:-200}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out/cg" --dump-before=cd_analysis_update \
  "$build/bench/bench_keystrokes" "$article" "$n" >/dev/null 2>&1
# cg.1: start-up; cg.2: the first, whole analysis; cg.3 on, then cg: one keystroke each (cg adds the exit)
for i in $(seq 3 $((n + 1))); do sed -n 's/^totals: //p' "$out/cg.$i"; done > "$out/counts"
sed -n 's/^totals: //p' "$out/cg" >> "$out/counts"
sort -n "$out/counts" | awk -v name="$article" '
  { x[NR] = $1; sum += $1 }
  function p(q) { i = int(q * (NR - 1) + 0.5) + 1; return x[i] / 1e6 }
  END { printf "%s: %d keystrokes, instructions per keystroke (millions): mean %.2f p50 %.2f p90 %.2f p99 %.2f max %.2f\n",
        name, NR, sum / NR / 1e6, p(0.5), p(0.9), p(0.99), x[NR] / 1e6 }'
