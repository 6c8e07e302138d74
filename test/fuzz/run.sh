#!/usr/bin/env bash
# Differential fuzzing of the escape transformation.
#
#   test/fuzz/run.sh N [START]
#
# For each seed START .. START+N-1: escape-gen writes a program; it is built
# with plain clang-19 -O2 and with escape-cc -O2 (every 7th seed also at -O0,
# every 13th also with -fsanitize=address, where escape-cc links the core
# runtime and is told to transform), both binaries run, and their output and exit status must match.
# The first difference stops the run; the program, both outputs and the
# commands that reproduce it stay in $ESCAPE_FUZZ_KEEP/seed-N/.
#
# Environment: ESCAPE_BUILD (build tree, default ./build), ESCAPE_GEN,
# ESCAPE_CC, ESCAPE_CLANG (default clang-19), ESCAPE_FUZZ_KEEP (default
# $ESCAPE_BUILD/test/fuzz/failures), ESCAPE_FUZZ_TIMEOUT (seconds per run),
# ESCAPE_FUZZ_JOBS (programs checked at once, default 2).
# Prints "N passed, M failed" and the number of promoted sites; exit status 1
# on a difference.  Every hundredth program checked is reported on stderr.
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
jobs=${ESCAPE_FUZZ_JOBS:-2}

for tool in "$gen" "$escape_cc"; do
  [ -x "$tool" ] || { echo "run.sh: error: '$tool' not found; build first" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/escape-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0
# Released frame-arena memory reads 0xdb: a promoted object used after its
# frame was left changes the output instead of reading stale bytes.
export ESCAPE_RT_ARENA_POISON=1


# run_one NAME BINARY: runs it, writes NAME.out and NAME.rc.
run_one() {
  timeout "$limit" "$2" >"$wd/$1.out" 2>"$wd/$1.err"
  echo $? >"$wd/$1.rc"
}

# keep_failure SEED WHAT: saves the evidence of a difference.
keep_failure() {
  local dir="$keep/seed-$1"
  mkdir -p "$dir"
  cp "$wd/prog.c" "$dir/prog.c"
  cp "$wd"/*.out "$wd"/*.err "$wd"/*.rc "$wd"/*.cmd "$dir/" 2>/dev/null
  echo "run.sh: seed $1 differs ($2); kept in $dir" >&2
}

# check SEED FLAGS...: builds both ways with FLAGS, runs, compares.
check() {
  local seed=$1
  shift
  echo "$clang $* prog.c -o plain" >"$wd/plain.cmd"
  echo "ESCAPE_CC_ARGS='${ESCAPE_CC_ARGS:-}' $escape_cc $* prog.c -o escape" >"$wd/escape.cmd"
  if ! "$clang" -w "$@" "$wd/prog.c" -o "$wd/plain" 2>"$wd/plain.err"; then
    keep_failure "$seed" "plain clang cannot compile it: a generator bug"
    return 1
  fi
  if ! ESCAPE_CC_ARGS="${ESCAPE_CC_ARGS:-} -fplugin-arg-escape-report=$wd/report.yaml" \
       "$escape_cc" -w "$@" "$wd/prog.c" -o "$wd/escape" 2>"$wd/escape.err"; then
    keep_failure "$seed" "escape-cc $* fails to compile it"
    return 1
  fi
  run_one plain "$wd/plain"
  run_one escape "$wd/escape"
  if ! cmp -s "$wd/plain.out" "$wd/escape.out" ||
     ! cmp -s "$wd/plain.rc" "$wd/escape.rc"; then
    keep_failure "$seed" "output or exit status, flags: $*"
    return 1
  fi
  if [ -f "$wd/report.yaml" ]; then
    promoted=$((promoted + $(grep -c '^--- !Passed' "$wd/report.yaml")))
    rm -f "$wd/report.yaml"
  fi
  return 0
}

# worker W: checks seeds START+W, START+W+JOBS, ... until the end or until
# any worker has found a difference; leaves "passed failed promoted" in
# $work/wW/result.
worker() {
  wd=$work/w$1
  mkdir -p "$wd"
  passed=0 failed=0 promoted=0
  seed=$((start + $1))
  while [ "$seed" -lt "$end" ] && [ ! -e "$work/stop" ]; do
    "$gen" "$seed" >"$wd/prog.c" || { echo "run.sh: error: escape-gen $seed failed" >&2; touch "$work/stop"; failed=$((failed + 1)); break; }
    ok=1
    check "$seed" -O2 || ok=0
    if [ $ok = 1 ] && [ $((seed % 7)) = 0 ]; then check "$seed" -O0 || ok=0; fi
    if [ $ok = 1 ] && [ $((seed % 13)) = 0 ]; then
      # escape-cc transforms nothing under ASan unless told to.
      ESCAPE_CC_ARGS="${ESCAPE_CC_ARGS:-} -fplugin-arg-escape-transform=1" \
        check "$seed" -O1 -fsanitize=address || ok=0
    fi
    if [ $ok = 1 ]; then
      passed=$((passed + 1))
      echo "$seed" >>"$work/done"
      done_now=$(wc -l <"$work/done")
      [ $((done_now % 100)) = 0 ] && echo "run.sh: $done_now of $count programs checked, none differs" >&2
    else
      failed=$((failed + 1))
      touch "$work/stop"
      break
    fi
    seed=$((seed + jobs))
  done
  echo "$passed $failed $promoted" >"$wd/result"
}

end=$((start + count))
w=0
while [ $w -lt "$jobs" ]; do
  worker $w &
  w=$((w + 1))
done
wait
passed=0 failed=0 promoted=0
for r in "$work"/w*/result; do
  read -r p f n <"$r"
  passed=$((passed + p)) failed=$((failed + f)) promoted=$((promoted + n))
done

echo "$passed passed, $failed failed ($promoted sites promoted)"
[ "$failed" = 0 ]
