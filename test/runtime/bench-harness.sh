#!/usr/bin/env bash
# bench-harness.sh BENCH_SH - runtime/bench/bench.sh in its quick mode, with
# a stand-in for the runtime's library that names the file it was loaded
# from: every repetition must load a copy of its own (a file's pages stay
# where the kernel first put them, which biased one allocator's times for
# a whole run), the copies must be gone afterwards, the header must give
# the cross-CPU cache line round trip (the multi-thread figures depend on
# it), and the table must show both allocators.
set -euo pipefail
bench=${1:?usage: bench-harness.sh path/to/runtime/bench/bench.sh}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/escape-bench-harness.XXXXXX)
trap 'rm -rf "$work"' EXIT
cc -shared -fPIC -o "$work/libwhere.so" "$here/Inputs/where.c" -ldl
fail() { echo "bench-harness: error: $*" >&2; exit 1; }

ESCAPE_RT_LIB=$work/libwhere.so "$bench" -q -n 2 -b "$work" -a "glibc escape" -w "churn" \
  -o "$work/results.txt" >"$work/stdout" 2>"$work/stderr" || {
  cat "$work/stderr" >&2; fail "bench.sh failed"; }
out=$work/runtime-bench
# churn.escape.err is the last repetition's stderr.
grep -q "^loaded from $out/run\.escape\.2\.so$" "$out/churn.escape.err" ||
  fail "the second repetition did not load its own copy: $(cat "$out/churn.escape.err")"
! grep -q "loaded from" "$out/churn.glibc.err" || fail "glibc's runs preloaded a library"
left=$(find "$out" -name 'run.*')
[[ -z $left ]] || fail "copies left behind: $left"
grep -Eq '^# cross-CPU cache line round trip .*: ([0-9]+|n/a) ns before the workloads, ([0-9]+|n/a) ns after$' \
  "$work/results.txt" || fail "no cross-CPU round trip in the header"
grep -Eq '^ +glibc +[0-9.]+' "$work/results.txt" || fail "no glibc row"
grep -Eq '^ +escape +[0-9.]+' "$work/results.txt" || fail "no escape row"
echo "bench-harness: ok"
