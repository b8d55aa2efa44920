#!/bin/sh
# The pathological inputs of bench_pathological, each checked by a whole `copydesk check` process
# (as a newsroom pipeline runs it): CPU ms per MB at 64 KB, 256 KB and 1 MB, the median of RUNS
# processes, and 1 MB against 64 KB (16 is linear). A process starts with no heap, so every
# size pays for the memory it touches once; start-up (configuration, word lists) weighs on 64 KB.
#
# usage: bench/pathological_cli.sh BUILD_DIR [runs, default 3]
set -e
build=$1
runs=${2:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/bench/bench_pathological" --write "$dir" >/dev/null
median() { sort -n | awk '{ x[NR] = $1 } END { print x[int((NR + 1) / 2)] }'; }
printf '%-20s %10s %10s %10s %10s %9s\n' input "64 KB" "256 KB" "1 MB" "1 MB ms" 1MB/64KB
for f in "$dir"/*-65536.txt; do
  name=$(basename "$f" -65536.txt)
  line=$(printf '%-20s' "$name")
  first=
  for size in 65536 262144 1048576; do
    ms=$(for r in $(seq "$runs"); do
      "$build/bench/bench_rusage" "$build/copydesk" check --no-config --lang plaintext \
        "$dir/$name-$size.txt" 2>&1 >/dev/null | awk '{ print $1 / 1000 }'
    done | median)
    line="$line $(awk -v ms="$ms" -v s="$size" 'BEGIN { printf "%10.1f", ms / (s / 1048576) }')"
    [ -n "$first" ] || first=$ms
  done
  echo "$line $(awk -v a="$ms" -v b="$first" 'BEGIN { printf "%10.1f %9.1f", a, a / b }')"
done
