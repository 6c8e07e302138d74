// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// A recursion a million levels deep, on a thread with a 256 KiB stack,
// whose small buffer the optimizer folds away: its stores only feed its
// loads.  Plain clang -O2 deletes the malloc and free early, then turns
// the recursion (an accumulator, `v[3] + depth(n - 1)`) into a loop.
// escape-cc's frame-arena calls were folded away only later, after tail
// recursion elimination had found the frame's leave after the recursive
// call: the recursion stayed, 16 bytes of stack per level, and the thread
// overflowed its stack (SIGSEGV).  Tail recursion elimination now runs
// again on a function whose frame went.
#include "alloc.h"
#include "stackthread.h"

static long depth(int n) {
  if (n == 0)
    return 1;
  int *v = malloc(sizeof(int) * 4);
  for (int i = 0; i < 4; i++)
    v[i] = n * i;
  long r = v[3] + depth(n - 1);
  free(v);
  return r;
}

static long result;

static void *run(void *arg) {
  result = depth(*(int *)arg);
  return 0;
}

int main(void) {
  static int n = 1000000;
  if (run_on_stack(run, &n, 256 << 10) != 0)
    return 1;
  printf("depth %ld\n", result);
  return 0;
}
