#!/usr/bin/env bash
# preload-smoke.sh LIB - real programs under LD_PRELOAD=LIB behave as under
# glibc's allocator: python3, git, gcc (compiling and running a program),
# sort and perl give the same output and exit status both ways.  Also checks that the
# library really served the run (ESCAPE_RT_STATS=1 prints its report).
set -uo pipefail
lib=${1:?usage: preload-smoke.sh path/to/libescape-rt.so}
# The programs run in scratch directories: make the path absolute.
[[ -f $lib ]] || { echo "preload-smoke: error: '$lib' not found" >&2; exit 2; }
lib=$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")
work=$(mktemp -d /tmp/escape-preload.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0

# run NAME CMD... : runs CMD plainly and preloaded, in fresh dirs, compares.
run() {
  local name=$1; shift
  for mode in plain preload; do
    mkdir -p "$work/$mode-$name"
    if [[ $mode == preload ]]; then
      (cd "$work/$mode-$name" && LD_PRELOAD=$lib "$@") >"$work/$name.$mode.out" 2>&1
    else
      (cd "$work/$mode-$name" && "$@") >"$work/$name.$mode.out" 2>&1
    fi
    echo "exit=$?" >>"$work/$name.$mode.out"
  done
  if cmp -s "$work/$name.plain.out" "$work/$name.preload.out"; then
    echo "preload-smoke: ok: $name ($(wc -l <"$work/$name.plain.out") lines)"
  else
    echo "preload-smoke: FAILED: $name differs under LD_PRELOAD"
    diff "$work/$name.plain.out" "$work/$name.preload.out" | head -20
    fail=1
  fi
}

cat >"$work/prog.py" <<'PY'
import json, hashlib, threading, collections
d = {str(i): [i] * (i % 50) for i in range(100000)}
s = json.dumps(d)
print(len(s), hashlib.sha256(s.encode()).hexdigest())
c = collections.Counter(x % 97 for x in range(1000000))
print(sorted(c.items())[:5])
out = []
def work(k):
    out.append(sum(len(str(j) * 3) for j in range(k, k + 200000)))
ts = [threading.Thread(target=work, args=(k * 1000,)) for k in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(out))
PY
run python3 python3 "$work/prog.py"

cat >"$work/git.sh" <<'SH'
set -e
export GIT_AUTHOR_DATE="2024-01-01T00:00:00Z" GIT_COMMITTER_DATE="2024-01-01T00:00:00Z"
export GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@example.org GIT_COMMITTER_NAME=a GIT_COMMITTER_EMAIL=a@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME=$PWD
git init -q -b main repo && cd repo
for i in $(seq 1 20); do seq 1 $((i * 100)) >"f$i.txt"; git add "f$i.txt"; git commit -q -m "commit $i"; done
git log --stat --format='%H %s' | head -200
git gc -q --aggressive
git fsck --full 2>&1
git diff HEAD~10 --stat | tail -3
git rev-list --all | wc -l
SH
run git bash "$work/git.sh"

cat >"$work/hello.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { struct node *next; char name[24]; };
int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 1000; i++) {
    struct node *n = malloc(sizeof *n);
    snprintf(n->name, sizeof n->name, "node-%d", i);
    n->next = head;
    head = n;
  }
  unsigned long h = 0;
  for (struct node *n = head; n; n = n->next) h = h * 31 + strlen(n->name);
  printf("%lu\n", h);
  return 0;
}
C
run gcc bash -c "gcc -O2 -Wall -S -o hello.s '$work/hello.c' && cat hello.s && gcc -O2 -o hello '$work/hello.c' && ./hello"

seq 1 300000 | awk '{ print ($1 * 7919) % 100003, "line", $1 }' >"$work/sort.in"
run sort bash -c "sort -k1,1n -k3,3n -S 64M '$work/sort.in' | md5sum; sort -r '$work/sort.in' | head -5"

# perl: hashes and regexes, strings of 64 KiB-1 MiB replaced in eight
# slots and of 1-8 MiB taken and dropped (sizes that never repeat: the
# runtime's huge and page-heap reuse), and a fork.
cat >"$work/prog.pl" <<'PL'
use strict; use warnings; $| = 1;
my %c; my $text = join(" ", map { ("w" . ($_ % 1000)) x 3 } 1 .. 100000);
$c{$_}++ for $text =~ /(\w+)/g;
my @top = (sort { $c{$b} <=> $c{$a} || $a cmp $b } keys %c)[0 .. 4];
print "@top ", scalar(keys %c), "\n";
srand(1); my @a; my $t = 0;
for (1 .. 2000) { my $k = int rand 8; $a[$k] = "y" x (65536 + int rand 983040); $t += length $a[$k] }
for (1 .. 200) { my $s = "x" x (1048576 + int rand 7340032); $t += length $s }
print "$t\n";
my $pid = fork() // die "fork: $!";
if (!$pid) { my %h = map { $_ => $_ * 2 } 1 .. 50000; print "child ", scalar(keys %h), "\n"; exit 0 }
waitpid($pid, 0); print "parent $?\n";
PL
run perl perl "$work/prog.pl"

# The library must actually have served the preloaded runs.
report=$(ESCAPE_RT_STATS=1 LD_PRELOAD=$lib python3 -c 'x = [str(i) for i in range(10000)]' 2>&1)
if [[ $report == *"escape-rt statistics:"* ]]; then
  echo "preload-smoke: ok: the runtime served python3 (statistics printed)"
else
  echo "preload-smoke: FAILED: no escape-rt statistics: was the library preloaded?"
  fail=1
fi
exit $fail
