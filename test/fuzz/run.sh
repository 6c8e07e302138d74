#!/usr/bin/env bash
# Differential fuzzing of the escape transformation.
#
#   test/fuzz/run.sh N [START]
#
# For each seed START .. START+N-1: escape-gen writes a program; it is built
# with plain clang-19 -O2 and with escape-cc -O2 (every 7th seed also at -O0,
# every 13th also with -fsanitize=address, where escape-cc links the core
# runtime), both binaries run, and their output and exit status must match.
# The first difference stops the run; the program, both outputs and the
# commands that reproduce it stay in $ESCAPE_FUZZ_KEEP/seed-N/.
#
# Environment: ESCAPE_BUILD (build tree, default ./build), ESCAPE_GEN,
# ESCAPE_CC, ESCAPE_CLANG (default clang-19), ESCAPE_FUZZ_KEEP (default
# $ESCAPE_BUILD/test/fuzz/failures), ESCAPE_FUZZ_TIMEOUT (seconds per run).
# Prints "N passed, M failed" and the number of promoted sites; exit status 1
# on a difference.
set -u

usage() { echo "usage: run.sh N [START]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
count=$1
start=${2:-1}
case "$count$start" in *[!0-9]*) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
build=${ESCAPE_BUILD:-$here/../../build}
gen=${ESCAPE_GEN:-$build/bin/escape-gen}
escape_cc=${ESCAPE_CC:-$build/bin/escape-cc}
clang=${ESCAPE_CLANG:-clang-19}
keep=${ESCAPE_FUZZ_KEEP:-$build/test/fuzz/failures}
limit=${ESCAPE_FUZZ_TIMEOUT:-60}

for tool in "$gen" "$escape_cc"; do
  [ -x "$tool" ] || { echo "run.sh: error: '$tool' not found; build first" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/escape-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0

passed=0
failed=0
promoted=0

# run_one NAME BINARY: runs it, writes NAME.out and NAME.rc.
run_one() {
  timeout "$limit" "$2" >"$work/$1.out" 2>"$work/$1.err"
  echo $? >"$work/$1.rc"
}

# keep_failure SEED WHAT: saves the evidence of a difference.
keep_failure() {
  local dir="$keep/seed-$1"
  mkdir -p "$dir"
  cp "$work/prog.c" "$dir/prog.c"
  cp "$work"/*.out "$work"/*.err "$work"/*.rc "$work"/*.cmd "$dir/" 2>/dev/null
  echo "run.sh: seed $1 differs ($2); kept in $dir" >&2
}

# check SEED FLAGS...: builds both ways with FLAGS, runs, compares.
check() {
  local seed=$1
  shift
  echo "$clang $* prog.c -o plain" >"$work/plain.cmd"
  echo "ESCAPE_CC_ARGS='${ESCAPE_CC_ARGS:-}' $escape_cc $* prog.c -o escape" >"$work/escape.cmd"
  if ! "$clang" -w "$@" "$work/prog.c" -o "$work/plain" 2>"$work/plain.err"; then
    keep_failure "$seed" "plain clang cannot compile it: a generator bug"
    return 1
  fi
  if ! ESCAPE_CC_ARGS="${ESCAPE_CC_ARGS:-} -fplugin-arg-escape-report=$work/report.yaml" \
       "$escape_cc" -w "$@" "$work/prog.c" -o "$work/escape" 2>"$work/escape.err"; then
    keep_failure "$seed" "escape-cc $* fails to compile it"
    return 1
  fi
  run_one plain "$work/plain"
  run_one escape "$work/escape"
  if ! cmp -s "$work/plain.out" "$work/escape.out" ||
     ! cmp -s "$work/plain.rc" "$work/escape.rc"; then
    keep_failure "$seed" "output or exit status, flags: $*"
    return 1
  fi
  if [ -f "$work/report.yaml" ]; then
    promoted=$((promoted + $(grep -c '^--- !Passed' "$work/report.yaml")))
    rm -f "$work/report.yaml"
  fi
  return 0
}

seed=$start
end=$((start + count))
while [ "$seed" -lt "$end" ]; do
  "$gen" "$seed" >"$work/prog.c" || { echo "run.sh: error: escape-gen $seed failed" >&2; exit 2; }
  ok=1
  check "$seed" -O2 || ok=0
  if [ $ok = 1 ] && [ $((seed % 7)) = 0 ]; then check "$seed" -O0 || ok=0; fi
  if [ $ok = 1 ] && [ $((seed % 13)) = 0 ]; then
    check "$seed" -O1 -fsanitize=address || ok=0
  fi
  if [ $ok = 1 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    break
  fi
  seed=$((seed + 1))
done

echo "$passed passed, $failed failed ($promoted sites promoted)"
[ "$failed" = 0 ]
