#!/usr/bin/env bash
# Checks escape-gen itself, without escape: the same seed gives the same
# program; every program builds and runs clean under AddressSanitizer and
# UndefinedBehaviorSanitizer; -O0 and -O2 builds print the same; the -O2
# build stays within a few CPU seconds (the generator's work budget: run.sh
# gives each build 60 s, on a machine that may be busy).  A failure here is
# a generator bug, never a transformation bug.
#
#   test/fuzz/selfcheck.sh N [START]      (ESCAPE_GEN, ESCAPE_CLANG as run.sh)
set -u
count=${1:-10}
start=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
gen=${ESCAPE_GEN:-${ESCAPE_BUILD:-$here/../../build}/bin/escape-gen}
clang=${ESCAPE_CLANG:-clang-19}
work=$(mktemp -d "${TMPDIR:-/tmp}/escape-gencheck.XXXXXX")
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1
cpu_limit=${ESCAPE_GEN_CPU_LIMIT:-5}

fail() { echo "selfcheck: seed $1: $2" >&2; cp "$work/p.c" "$work/../escape-gen-$1.c" 2>/dev/null; exit 1; }

for seed in $(seq "$start" $((start + count - 1))); do
  "$gen" "$seed" >"$work/p.c" || fail "$seed" "escape-gen failed"
  "$gen" "$seed" | cmp -s - "$work/p.c" || fail "$seed" "output is not deterministic"
  "$clang" -std=c11 -Wall -Werror -Wno-unused-function -Wno-tautological-compare \
    -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
    "$work/p.c" -o "$work/san" || fail "$seed" "does not compile warning-free"
  "$clang" -O0 -w "$work/p.c" -o "$work/o0"
  "$clang" -O2 -w "$work/p.c" -o "$work/o2"
  (ulimit -t "$cpu_limit"; exec "$work/o2") >"$work/o2.out" 2>/dev/null; r2=$?
  # 128 + SIGXCPU (24), or SIGKILL past the hard limit.
  [ "$r2" = 152 ] || [ "$r2" = 137 ] && fail "$seed" "runs longer than $cpu_limit CPU seconds at -O2"
  timeout 60 "$work/san" >"$work/san.out" 2>"$work/san.err"
  rs=$?
  timeout 60 "$work/o0" >"$work/o0.out"; r0=$?
  grep -q "ERROR: \|runtime error" "$work/san.err" && fail "$seed" "sanitizer: $(head -3 "$work/san.err")"
  [ "$rs" = "$r0" ] && [ "$r0" = "$r2" ] || fail "$seed" "exit status differs: $rs $r0 $r2"
  cmp -s "$work/san.out" "$work/o0.out" && cmp -s "$work/o0.out" "$work/o2.out" ||
    fail "$seed" "output differs between builds"
  grep -q '^sum ' "$work/o2.out" || fail "$seed" "no checksum printed"
done
echo "$count programs checked"
