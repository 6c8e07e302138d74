#!/bin/sh
# lock-test.sh RUN_SH WORK - with WORK's lock held (as by another run, or by
# the builds a killed run left), run.sh must stop with status 2 and say so,
# before it fetches or deletes anything.
set -u
run=${1:?usage: lock-test.sh RUN_SH WORK}
work=${2:?usage: lock-test.sh RUN_SH WORK}
mkdir -p "$work" || exit 2
out=$(ESCAPE_REAL_WORK=$work flock "$work/.lock" "$run" zlib 2>&1)
rc=$?
if [ "$rc" != 2 ]; then
  echo "lock-test: run.sh exited $rc with the lock held, expected 2: $out" >&2
  exit 1
fi
case $out in
  *"another run"*) echo "lock-test: ok: $out" ;;
  *) echo "lock-test: unexpected message: $out" >&2; exit 1 ;;
esac
