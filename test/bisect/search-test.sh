#!/bin/sh
# Tests escape-bisect's search with fake-build.py standing in for a build:
# one bad site is found exactly; a failure that needs two sites is reported
# as such (exit 1) with both listed; a command that passes when transformed,
# or fails untransformed, is refused (exit 2).
set -u
here=$(cd "$(dirname "$0")" && pwd)
bisect=$here/escape-bisect
fake=$here/fake-build.py
status=0
check() { # NAME EXPECTED-RC PATTERN OUTPUT RC
  if [ "$5" != "$2" ] || ! printf '%s\n' "$4" | grep -q -- "$3"; then
    echo "FAIL $1: rc=$5 (want $2), output:"; printf '%s\n' "$4"; status=1
  else
    echo "ok   $1"
  fi
}

for site in prog.c:10:7 prog.c:23:7 prog.c:49:7; do
  out=$("$bisect" -q "$fake" "$site" 2>&1); rc=$?
  check "one site $site" 0 "caused by the 'malloc' at $site in" "$out" $rc
done

out=$("$bisect" -q "$fake" --all prog.c:12:7 prog.c:40:7 2>&1); rc=$?
check "two sites needed" 1 "needs these 2 sites together" "$out" $rc
check "two sites listed (12)" 1 "at prog.c:12:7" "$out" $rc
check "two sites listed (40)" 1 "at prog.c:40:7" "$out" $rc
# Only those two: the sites under the last pattern that the failure does
# not need are dropped (all of them were listed).
check "no other site listed" 1 "^  'malloc' at prog.c:40:7" "$(printf '%s\n' "$out" | grep "^  '")" $rc
[ "$(printf '%s\n' "$out" | grep -c "^  '")" = 2 ] || { echo "FAIL exactly two sites listed"; status=1; }
repro=$(printf '%s\n' "$out" | sed -n "s/.*ESCAPE_CC_ARGS='\(.*\)'.*/\1/p")
ESCAPE_CC_ARGS=$repro "$fake" --all prog.c:12:7 prog.c:40:7; rc=$?
check "the reproduce line fails" 1 "" "(ran)" $rc
out=$("$bisect" -q "$fake" --all prog.c:11:7 prog.c:23:7 prog.c:47:7 2>&1); rc=$?
check "three sites needed" 1 "needs these 3 sites together" "$out" $rc

out=$("$bisect" -q "$fake" 2>&1); rc=$?
check "passes when transformed" 2 "passes with every site transformed" "$out" $rc

out=$("$bisect" -q sh -c 'exit 1' 2>&1); rc=$?
check "fails untransformed" 2 "fails with no site transformed" "$out" $rc

out=$(ESCAPE_CC_ARGS=-O1 "$bisect" -q sh -c 'case "$ESCAPE_CC_ARGS" in "-O1 "*) exit 0;; esac; exit 1' 2>&1); rc=$?
check "keeps ESCAPE_CC_ARGS" 2 "passes with every site transformed" "$out" $rc
# Options: help, unknown ones, a command that does not exist (all ran the
# word as the test command and blamed the build).
out=$("$bisect" --help 2>&1); rc=$?
check "--help" 0 "usage\|COMMAND must build" "$out" $rc
out=$("$bisect" -h 2>&1); rc=$?
check "-h" 0 "COMMAND must build" "$out" $rc
out=$("$bisect" --frobnicate true 2>&1); rc=$?
check "unknown option" 2 "unknown option '--frobnicate'" "$out" $rc
out=$("$bisect" ./no-such-test-script.sh 2>&1); rc=$?
check "missing command" 2 "no-such-test-script.sh: command not found" "$out" $rc
out=$("$bisect" -q -- sh -c 'exit 1' 2>&1); rc=$?
check "-- ends options" 2 "fails with no site transformed" "$out" $rc
exit $status
