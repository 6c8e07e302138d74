// REQUIRES: plugin, runtime
// RUN: %clang -O2 -nostdinc -I%S/Inputs %s -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out
// RUN: %escape -O2 -nostdinc -I%S/Inputs %s %libdir/libescape-rt.a -lpthread -o %t.esc
// RUN: %t.esc > %t.esc.out
// RUN: diff %t.plain.out %t.esc.out
// Recursions a million levels deep on a thread with a 256 KiB stack, each
// level formatting into a heap buffer it frees before recursing: through a
// returned self call, an accumulator, and two functions calling each other
// in tail position.  Plain clang -O2 turns the first two into loops and the
// third into jumps, so the stack stays flat.  escape-cc moved the buffers
// to the frame arena (the functions are recursive), whose leave runs after
// the recursive call: no call was in tail position any more, every level
// kept its frame, and the thread overflowed its stack (SIGSEGV).  Such
// functions now keep their allocations on the heap.
#include "alloc.h"
int snprintf(char *buf, size_t n, const char *fmt, ...);

#include "stackthread.h"

static long digits(long n) {
  return n < 10 ? 1 : 1 + digits(n / 10);
}

static long count(long n, long acc) {
  char *b = malloc(24);
  snprintf(b, 24, "%ld", n);
  acc += (long)strlen(b);
  free(b);
  if (n == 0)
    return acc;
  return count(n - 1, acc);
}

static long sum(long n) {
  char *b = malloc(24);
  snprintf(b, 24, "%ld", n);
  long v = b[0] - '0';
  free(b);
  if (n == 0)
    return v;
  return v + sum(n - 1);
}

static int odd(long n);
static int even(long n) {
  char *b = malloc(24);
  snprintf(b, 24, "%ld", n);
  int last = b[strlen(b) - 1];
  free(b);
  return n == 0 ? last : odd(n - 1);
}
static int odd(long n) {
  char *b = malloc(24);
  snprintf(b, 24, "%ld", n);
  int last = b[strlen(b) - 1];
  free(b);
  return n == 0 ? -last : even(n - 1);
}

static long results[3];

static void *run(void *arg) {
  long n = *(long *)arg;
  results[0] = count(n, 0);
  results[1] = sum(n);
  results[2] = even(n);
  return 0;
}

int main(void) {
  static long n = 1000000;
  if (run_on_stack(run, &n, 256 << 10) != 0)
    return 1;
  printf("count %ld sum %ld even %ld digits %ld\n", results[0], results[1], results[2], digits(n));
  return 0;
}
